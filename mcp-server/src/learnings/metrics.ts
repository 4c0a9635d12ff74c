/**
 * Pure: the metrics table of seed 004, computed from production deploy events.
 * - Production deploy success: succeeded / attempted (a deploy the gate blocked was not attempted).
 * - Rollback frequency: attempted deploys that ended rolled back (or were rolled back by a later
 *   `rollback` run) / attempted.
 * - Deploy duration: median duration of attempted deploys that report one.
 * Current is over all attempts; Trend compares the last 10 attempts with the 10 before
 * (↑ rose, ↓ fell, → within 1 point / 5 %, `-` when there is no earlier window yet).
 *
 * Good: 49 succeeded + 1 rolled back → success 98.0 % ✅, rollback 2.0 % ✅.
 * Bad:  counting gate-blocked deploys as failures (the gate did its job).
 */
import type { RunEvent, RunOutcome } from './event.js';
import { foldEvents, type Attempt, type LearningsState } from './state.js';

export const TREND_WINDOW = 10;
export type Trend = '↑' | '↓' | '→' | '-';

export interface Metric {
  id: 'deploy_success' | 'rollback_frequency' | 'deploy_duration';
  name: string;
  target: string;
  /** Number behind Current: a ratio 0..1, or milliseconds for duration; null when not tracked yet. */
  value: number | null;
  current: string;
  meetsTarget: boolean | null;
  trend: Trend;
}

export interface Metrics {
  attempts: number;
  metrics: Metric[];
  /** Outcomes of the most recent production deploy attempts, oldest first (for the sparkline). */
  recentOutcomes: RunOutcome[];
  sparkline: string;
}

const TARGET_SUCCESS = 0.98;
const TARGET_ROLLBACK = 0.05;
const TARGET_DURATION_MS = 15 * 60_000;

/** The metrics of a whole history (tests, filtered views). */
export function computeMetrics(events: readonly RunEvent[], productionEnvironment = 'production'): Metrics {
  return metricsFromState(foldEvents(events, productionEnvironment));
}

/**
 * Current values come from the running totals (all attempts; the median from the whole-second
 * histogram); trends compare the newest 10 attempts with the 10 before.
 */
export function metricsFromState(state: LearningsState): Metrics {
  const production = state.production;
  const attempts = production.attempts;
  const recent = production.recent;
  const success = (list: Attempt[]) => ratio(list.filter((a) => a.outcome === 'succeeded' && !a.rolledBack).length, list.length);
  const rollback = (list: Attempt[]) => ratio(list.filter((a) => a.rolledBack).length, list.length);
  const duration = (list: Attempt[]) => median(list.map((a) => a.durationMs).filter((d): d is number => typeof d === 'number' && d >= 0));

  const last = recent.slice(-TREND_WINDOW);
  const before = recent.slice(-2 * TREND_WINDOW, -TREND_WINDOW);
  const successAll = ratio(production.succeeded, attempts);
  const rollbackAll = ratio(production.rolledBack, attempts);
  const durationAll = histogramMedianSeconds(production.durationSeconds);

  const metrics: Metric[] = [
    {
      id: 'deploy_success',
      name: 'Production deploy success',
      target: '≥98%',
      value: successAll,
      current: successAll === null ? 'Not tracked' : `${percent(successAll)} (${production.succeeded}/${attempts})`,
      meetsTarget: successAll === null ? null : successAll >= TARGET_SUCCESS,
      trend: trend(success(last), success(before), 0.01),
    },
    {
      id: 'rollback_frequency',
      name: 'Rollback frequency',
      target: '<5%',
      value: rollbackAll,
      current: rollbackAll === null ? 'Not tracked' : `${percent(rollbackAll)} (${production.rolledBack}/${attempts})`,
      meetsTarget: rollbackAll === null ? null : rollbackAll < TARGET_ROLLBACK,
      trend: trend(rollback(last), rollback(before), 0.01),
    },
    {
      id: 'deploy_duration',
      name: 'Deploy duration',
      target: '<15 min',
      value: durationAll,
      current: durationAll === null ? 'Not tracked' : `${formatDuration(durationAll)} (median)`,
      meetsTarget: durationAll === null ? null : durationAll < TARGET_DURATION_MS,
      trend: trendRelative(duration(last), duration(before), 0.05),
    },
  ];
  const recentOutcomes = recent.map((a) => (a.rolledBack ? 'rolled_back' : a.outcome));
  return { attempts, metrics, recentOutcomes, sparkline: sparkline(recentOutcomes) };
}

/** Median in milliseconds of the duration histogram (see ProductionTotals.durationSeconds). */
function histogramMedianSeconds(histogram: Record<string, number>): number | null {
  const buckets = Object.entries(histogram).map(([second, count]) => [Number(second), count] as const).sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const [second, count] of buckets) {
      seen += count;
      if (rank < seen) return second * 1000;
    }
    return buckets[buckets.length - 1]![0] * 1000;
  };
  const mid = Math.floor(total / 2);
  return total % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

const SPARK: Record<RunOutcome, string> = { succeeded: '█', rolled_back: '▄', failed: '▁', blocked: '▂', noted: ' ' };

/** One block per outcome: █ succeeded, ▄ rolled back, ▂ blocked, ▁ failed. */
export function sparkline(outcomes: readonly RunOutcome[]): string {
  return outcomes.map((o) => SPARK[o]).join('');
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function trend(now: number | null, earlier: number | null, tolerance: number): Trend {
  if (now === null || earlier === null) return '-';
  if (Math.abs(now - earlier) <= tolerance) return '→';
  return now > earlier ? '↑' : '↓';
}

function trendRelative(now: number | null, earlier: number | null, tolerance: number): Trend {
  if (now === null || earlier === null) return '-';
  if (earlier === 0) return now === 0 ? '→' : '↑';
  return trend(now / earlier, 1, tolerance);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return minutes > 0 ? `${minutes}m ${String(seconds).padStart(2, '0')}s` : `${seconds}s`;
}
