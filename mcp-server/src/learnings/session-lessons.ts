/**
 * What the SessionStart hook prints: the top three pitfalls of this repository in a few lines, and
 * nothing at all when the repository has no learnings store. Must be fast (goal < 150 ms spawn to
 * exit): recordRun leaves the text in `session-summary.json` keyed by the size and mtime of
 * events.jsonl, so the common start reads two small files; when events.jsonl changed since (a git
 * merge, a pull), the text is recomputed from the events and the cached catalog snapshot (no skill
 * parsing, no YAML unless the config sets learnings.dir).
 *
 * Good: "shipgate lessons from 12 recorded runs … - Missing Git Tag ★★☆☆☆ (2/5), last seen 2026-03-02."
 * Bad:  printing the whole catalog, or a banner in a repository that never ran shipgate.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readCatalogSnapshot } from './catalog.js';
import type { CatalogEntry } from './catalog-entry.js';
import type { RunEvent } from './event.js';
import { eventsPath, readEvents, type StoreWarning } from './store.js';
import { SESSION_CACHE_FILE, type SessionCache } from './session-cache.js';
import { formatTopPitfalls, summarizeAnalysis } from './summary.js';
import { analyzeLearnings, type LearningsAnalysis } from './analysis.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** The slow path: recompute from events.jsonl and the catalog snapshot. */
export async function sessionLessonsFromStore(storeDir: string): Promise<string> {
  const { events, warnings } = await readEvents(storeDir);
  return sessionText(events, await readCatalogSnapshot(storeDir), warnings);
}

export function sessionText(events: readonly RunEvent[], catalog: readonly CatalogEntry[], warnings: readonly StoreWarning[]): string {
  return sessionTextFrom(analyzeLearnings(events, catalog), warnings);
}

export function sessionTextFrom(analysis: LearningsAnalysis, warnings: readonly StoreWarning[]): string {
  const note = warnings.length > 0 ? `(${warnings.length} unreadable line${warnings.length === 1 ? '' : 's'} in events.jsonl skipped; run \`shipgate learnings show\` for details.)\n` : '';
  return formatTopPitfalls(summarizeAnalysis(analysis)) + note;
}

/** Called by recordRun under the store lock, right after appending and rendering. */
export async function writeSessionCache(storeDir: string, text: string): Promise<void> {
  const info = await stat(eventsPath(storeDir));
  const cache: SessionCache = { v: 1, size: info.size, mtimeMs: info.mtimeMs, text };
  await writeFileAtomic(join(storeDir, SESSION_CACHE_FILE), JSON.stringify(cache));
}
