/**
 * Read side of the learnings: the state (newest snapshot + the events after it) and the catalog →
 * summary and markdown, rendered fresh (so a union merge is reflected even before the next run).
 * Never creates the store: a repository without one gets `exists: false` and empty lessons.
 */
import type { LearningsSummary } from './summary.js';
import { summarizeAnalysis } from './summary.js';
import { loadCatalog } from './catalog.js';
import { renderAnalysis } from './render.js';
import { analyzeState } from './analysis.js';
import { resolveStoreDir } from './store-dir.js';
import { loadState } from './load-state.js';
import { publishSummary } from './publish-summary.js';
import { warningLines } from './snapshot.js';

export interface LearningsView {
  storeDir: string;
  exists: boolean;
  summary: LearningsSummary;
  markdown: string;
  warnings: string[];
}

export async function readLearnings(projectRoot: string, options: { pluginRoot?: string } = {}): Promise<LearningsView> {
  const storeDir = await resolveStoreDir(projectRoot);
  const loaded = await loadState(storeDir);
  const storeWarnings = warningLines(loaded.snapshot);
  const messages = [...storeWarnings];
  const catalog = await loadCatalog(projectRoot, storeDir, {
    pluginRoot: options.pluginRoot,
    writeSnapshot: loaded.exists,
    onWarning: (message) => messages.push(message),
  });
  // What was parsed now is kept for the next reader (a local, gitignored cache).
  if (loaded.exists && loaded.parsedBytes > 0) await publishSummary(storeDir, loaded.snapshot, {}).catch(() => undefined);
  const analysis = analyzeState(loaded.snapshot.state, catalog);
  return {
    storeDir,
    exists: loaded.exists,
    summary: summarizeAnalysis(analysis),
    markdown: renderAnalysis(analysis, { warnings: storeWarnings }),
    warnings: messages,
  };
}
