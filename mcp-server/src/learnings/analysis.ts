/**
 * Pure: the learnings state → what every surface shows (pitfall stats ranked, metrics), computed once
 * and shared by the renderer, the summary and the SessionStart text. Costs O(size of the state), never
 * O(events): the state is bounded.
 */
import type { CatalogEntry } from './catalog-entry.js';
import type { RunEvent } from './event.js';
import { metricsFromState, type Metrics } from './metrics.js';
import { pitfallStatsFromState, rankPitfalls, type PitfallStat } from './pitfall-stats.js';
import { foldEvents, type LearningsState } from './state.js';

export interface LearningsAnalysis {
  state: LearningsState;
  /** Pitfall stats, most relevant first. */
  stats: PitfallStat[];
  metrics: Metrics;
  productionEnvironment: string;
}

export function analyzeState(state: LearningsState, catalog: readonly CatalogEntry[]): LearningsAnalysis {
  return {
    state,
    stats: rankPitfalls(pitfallStatsFromState(state, catalog)),
    metrics: metricsFromState(state),
    productionEnvironment: state.productionEnvironment,
  };
}

/** A whole history at once (filtered views, tests). */
export function analyzeLearnings(events: readonly RunEvent[], catalog: readonly CatalogEntry[], productionEnvironment = 'production'): LearningsAnalysis {
  return analyzeState(foldEvents(events, productionEnvironment), catalog);
}
