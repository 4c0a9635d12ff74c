/**
 * Pure: one pass of the arithmetic over the store (order, pitfall stats, metrics), shared by the
 * renderer, the summary and the SessionStart text so recording an event computes it once.
 */
import type { CatalogEntry } from './catalog-entry.js';
import type { RunEvent } from './event.js';
import { computeMetrics, type Metrics } from './metrics.js';
import { chronological, computePitfallStats, rankPitfalls, type PitfallStat } from './pitfall-stats.js';

export interface LearningsAnalysis {
  /** Events oldest first. */
  ordered: RunEvent[];
  /** Pitfall stats, most relevant first. */
  stats: PitfallStat[];
  metrics: Metrics;
  productionEnvironment: string;
}

export function analyzeLearnings(events: readonly RunEvent[], catalog: readonly CatalogEntry[], productionEnvironment = 'production'): LearningsAnalysis {
  const ordered = chronological(events);
  return {
    ordered,
    stats: rankPitfalls(computePitfallStats(ordered, catalog)),
    metrics: computeMetrics(ordered, productionEnvironment),
    productionEnvironment,
  };
}
