/**
 * Read side of the learnings: the store's events + the catalog → summary and markdown, rendered fresh
 * from events.jsonl (so a union merge is reflected even before the next run re-renders learnings.md).
 * Never creates the store: a repository without one gets `exists: false` and empty lessons.
 */
import type { LearningsSummary } from './summary.js';
import { summarizeLearnings } from './summary.js';
import { loadCatalog } from './catalog.js';
import { renderLearnings } from './render.js';
import { readEvents } from './store.js';
import { resolveStoreDir } from './store-dir.js';
import type { RunEvent } from './event.js';

export interface LearningsView {
  storeDir: string;
  exists: boolean;
  events: RunEvent[];
  summary: LearningsSummary;
  markdown: string;
  warnings: string[];
}

export async function readLearnings(projectRoot: string, options: { pluginRoot?: string } = {}): Promise<LearningsView> {
  const storeDir = await resolveStoreDir(projectRoot);
  const { events, warnings, exists } = await readEvents(storeDir);
  const messages = warnings.map((w) => w.message);
  const catalog = await loadCatalog(projectRoot, storeDir, {
    pluginRoot: options.pluginRoot,
    writeSnapshot: exists,
    onWarning: (message) => messages.push(message),
  });
  return {
    storeDir,
    exists,
    events,
    summary: summarizeLearnings(events, catalog),
    markdown: renderLearnings(events, catalog, { warnings: warnings.map((w) => w.message) }),
    warnings: messages,
  };
}
