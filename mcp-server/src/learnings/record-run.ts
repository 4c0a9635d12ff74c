/**
 * The one entry point the engines call after every gate, bump, deploy and rollback (and /retrospect
 * for what a human learned): detect pitfalls from the run's signals, append one event line (no lock:
 * one O_APPEND write), then bring the summary up to date incrementally (the newest snapshot plus the
 * lines after it, usually just this one) and publish it: local summary cache, SessionStart text,
 * learnings.md, and a committed checkpoint when one is due.
 *
 * Writers that run at once may publish in any order; each one that finds events.jsonl grown past what
 * it read catches up before publishing, and past what it published publishes again, so the last one
 * to finish leaves a summary of every line.
 *
 * Good: `await recordRun(root, { phase: 'deploy', outcome: 'rolled_back', rollbackTrigger: 'error_rate', ... })`
 * Bad:  editing learnings.md directly; the next event regenerates it from the events.
 */
import { stat } from 'node:fs/promises';
import type { RunEvent } from './event.js';
import type { RunSignals } from './signals.js';
import type { CatalogEntry } from './catalog-entry.js';
import { buildEvent } from './build-event.js';
import { loadCatalog } from './catalog.js';
import { renderAnalysis } from './render.js';
import { analyzeState } from './analysis.js';
import { appendEvent, eventsPath } from './store.js';
import { resolveStoreDir, storeDirFromConfig } from './store-dir.js';
import { sessionTextFrom } from './session-lessons.js';
import { loadState } from './load-state.js';
import { publishSummary } from './publish-summary.js';
import { warningLines } from './snapshot.js';
import { redactOutput } from '../util/redact-secrets.js';

export interface RecordOptions {
  now?: () => Date;
  /** Plugin folder whose skills define the catalog (default: CLAUDE_PLUGIN_ROOT or this module's plugin). */
  pluginRoot?: string;
  /** Where warnings go (corrupt store lines, unreadable skills). Default: stderr. */
  onWarning?: (message: string) => void;
  /** `learnings.dir` of a config the caller already loaded (store-dir.ts storeDirFromConfig): no second read. */
  learningsDir?: string;
}

/**
 * Rounds when other writers keep appending: catching up costs only the new lines, so a writer keeps
 * going until what it published covers the whole file (bounded, for a file that never stops growing).
 */
const PUBLISH_ROUNDS = 100;

export async function recordRun(projectRoot: string, signals: RunSignals, options: RecordOptions = {}): Promise<RunEvent> {
  const now = options.now ?? (() => new Date());
  const warn = options.onWarning ?? ((message: string) => process.stderr.write(`shipgate learnings: ${message}\n`));
  const storeDir = options.learningsDir === undefined ? await resolveStoreDir(projectRoot) : await storeDirFromConfig(projectRoot, options.learningsDir);
  const event = buildEvent(signals, now());
  // The event does not depend on the catalog (only the summary does): append it while the catalog loads.
  const [catalog] = await Promise.all([loadCatalog(projectRoot, storeDir, { pluginRoot: options.pluginRoot, onWarning: warn }), appendEvent(storeDir, event)]);
  await refreshSummary(storeDir, catalog, warn);
  return event;
}

async function refreshSummary(storeDir: string, catalog: readonly CatalogEntry[], warn: (message: string) => void): Promise<void> {
  const size = async () => (await stat(eventsPath(storeDir))).size;
  for (let round = 0; round < PUBLISH_ROUNDS; round++) {
    const { snapshot } = await loadState(storeDir);
    if (round === 0) for (const message of warningLines(snapshot)) warn(message);
    // Someone appended after we read: catch up first instead of writing a summary already behind.
    const last = round === PUBLISH_ROUNDS - 1;
    if (!last && (await size()) > snapshot.coveredBytes) continue;
    const analysis = analyzeState(snapshot.state, catalog);
    await publishSummary(storeDir, snapshot, {
      checkpoint: true,
      sessionText: sessionTextFrom(analysis, snapshot.warnings.count),
      markdown: redactOutput(renderAnalysis(analysis, { warnings: warningLines(snapshot) })),
    });
    // A writer that finished before us may have covered less than we did, or more: check after publishing.
    if ((await size()) <= snapshot.coveredBytes) return;
  }
}
