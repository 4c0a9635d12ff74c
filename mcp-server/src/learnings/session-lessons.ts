/**
 * What the SessionStart hook prints: the top three pitfalls of this repository in a few lines, and
 * nothing at all when the repository has no learnings store. Must be fast (goal ≤ 100 ms spawn to
 * exit at 100,000 events, also on a fresh clone): the text cached in `session-summary.json` is
 * printed when events.jsonl still ends where it did; otherwise the state is loaded from the newest
 * snapshot (local cache or committed checkpoint) plus the events after it, and the caches are
 * written for the next start. No skill parsing, no YAML unless the config sets learnings.dir.
 *
 * Good: "shipgate lessons from 12 recorded runs … - Missing Git Tag ★★☆☆☆ (2/5), last seen 2026-03-02."
 * Bad:  printing the whole catalog, or a banner in a repository that never ran shipgate.
 */
import { readCatalogSnapshot } from './catalog-snapshot.js';
import { formatTopPitfalls, summarizeAnalysis } from './summary.js';
import { analyzeState, type LearningsAnalysis } from './analysis.js';
import { loadState } from './load-state.js';
import { publishSummary } from './publish-summary.js';

/** The slow path: the state from the newest snapshot + the events after it; leaves the caches for next time. */
export async function sessionLessonsFromStore(storeDir: string): Promise<string> {
  const loaded = await loadState(storeDir);
  if (!loaded.exists) return '';
  const analysis = analyzeState(loaded.snapshot.state, await readCatalogSnapshot(storeDir));
  const text = sessionTextFrom(analysis, loaded.snapshot.warnings.count);
  await publishSummary(storeDir, loaded.snapshot, { sessionText: text }).catch(() => undefined);
  return text;
}

export function sessionTextFrom(analysis: LearningsAnalysis, unreadableLines: number): string {
  const note = unreadableLines > 0 ? `(${unreadableLines} unreadable line${unreadableLines === 1 ? '' : 's'} in events.jsonl skipped; run \`shipgate learnings show\` for details.)\n` : '';
  return formatTopPitfalls(summarizeAnalysis(analysis)) + note;
}
