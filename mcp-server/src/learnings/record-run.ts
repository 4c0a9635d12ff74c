/**
 * The one entry point the engines call after every gate, bump, deploy and rollback (and /retrospect
 * for what a human learned): detect pitfalls from the run's signals, append one event to the store
 * under the lock, and re-render `learnings.md` (and the SessionStart text) from the whole store while
 * still holding the lock.
 *
 * Good: `await recordRun(root, { phase: 'deploy', outcome: 'rolled_back', rollbackTrigger: 'error_rate', ... })`
 * Bad:  editing learnings.md directly; the next event regenerates it from events.jsonl.
 */
import { join } from 'node:path';
import type { RunEvent } from './event.js';
import type { RunSignals } from './signals.js';
import { buildEvent } from './build-event.js';
import { loadCatalog } from './catalog.js';
import { renderAnalysis } from './render.js';
import { analyzeLearnings } from './analysis.js';
import { appendEvent, readEvents, RENDERED_FILE } from './store.js';
import { resolveStoreDir } from './store-dir.js';
import { sessionTextFrom, writeSessionCache } from './session-lessons.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { redactOutput } from '../util/redact-secrets.js';

export interface RecordOptions {
  now?: () => Date;
  /** Plugin folder whose skills define the catalog (default: CLAUDE_PLUGIN_ROOT or this module's plugin). */
  pluginRoot?: string;
  /** Where warnings go (corrupt store lines, unreadable skills). Default: stderr. */
  onWarning?: (message: string) => void;
}

export async function recordRun(projectRoot: string, signals: RunSignals, options: RecordOptions = {}): Promise<RunEvent> {
  const now = options.now ?? (() => new Date());
  const warn = options.onWarning ?? ((message: string) => process.stderr.write(`shipgate learnings: ${message}\n`));
  const storeDir = await resolveStoreDir(projectRoot);
  const event = buildEvent(signals, now());
  const catalog = await loadCatalog(projectRoot, storeDir, { pluginRoot: options.pluginRoot, onWarning: warn });
  await appendEvent(storeDir, event, async () => {
    const { events, warnings } = await readEvents(storeDir);
    for (const w of warnings) warn(w.message);
    const analysis = analyzeLearnings(events, catalog);
    await writeFileAtomic(join(storeDir, RENDERED_FILE), redactOutput(renderAnalysis(analysis, { warnings: warnings.map((w) => w.message) })));
    await writeSessionCache(storeDir, sessionTextFrom(analysis, warnings));
  });
  return event;
}
