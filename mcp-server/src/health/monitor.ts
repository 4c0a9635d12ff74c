/**
 * The post-deploy watch window (seed 001: "monitor for 30 minutes"; rollback when "health checks fail
 * after 5 minutes" or "error rate exceeds 5% for 2 minutes"). Every interval it probes the health
 * checks once and queries each Prometheus expression, and returns `rollback` with the trigger as soon
 * as one rule holds, `healthy` when the window ends quietly, `aborted` when the signal fires. Pure
 * decision logic over measured ticks; the caller performs the rollback.
 *
 * Rules, in order: consecutive failing ticks reach `failureLimit`; `missingData.after` ticks in a row on
 * which something could not be observed (a Prometheus query that failed, a probe that got no answer), or
 * a window that ends on such a tick: losing sight of production is never "all clear"; error rate above
 * `maxErrorRate` for `errorRateFor`; health failing for `healthFailingFor`; a Prometheus query
 * above/below its threshold for its `for`; with a baseline, the window's error rate up more than
 * `maxErrorRateIncrease` (from the 3rd tick on), or the tick's p95 latency up more than
 * `maxLatencyIncrease` AND more than `minLatencyIncrease` in absolute terms, without a break for
 * `latencyIncreaseFor` (a loaded machine's slow tick is noise, a sustained regression is not).
 *
 * Good: `{ interval: '10s', duration: '30m', failureLimit: 3 }` and a server answering 500 → rollback
 *       after the 3rd tick, trigger { kind: 'failure-limit', value: 3, threshold: 3 }.
 * Bad:  sleeping the whole interval after an abort: the loop waits through the clock's abortable sleep.
 */
import type { z } from 'zod';
import type { monitorSchema } from '../config/environment-schema.js';
import { systemClock, type Clock } from '../util/clock.js';
import { sampleChecks } from './sample-checks.js';
import { queryPrometheus } from './prometheus.js';
import { runScript, type ProjectCommands } from '../exec/run.js';
import type { HealthCheck } from './run-health-checks.js';
import type { Baseline } from './baseline.js';

export type MonitorConfig = z.output<typeof monitorSchema>;

export type MonitorTriggerKind = 'failure-limit' | 'event' | 'logs' | 'missing-data' | 'error-rate' | 'health-failing' | 'prometheus' | 'error-rate-increase' | 'latency-increase';

export interface MonitorTrigger {
  kind: MonitorTriggerKind;
  metric: string;
  value: number;
  threshold: number;
  forMs: number;
  message: string;
}

export interface MonitorTick {
  /** ISO time of the tick. */
  at: string;
  errorRate: number;
  p95LatencyMs: number;
  healthy: boolean;
  /** Value of each Prometheus query by name (null: no data or the query failed, see prometheusErrors). */
  prometheus?: Record<string, number | null>;
  prometheusErrors?: Record<string, string>;
  /** Why checks failed on this tick, by check name. */
  failures?: Record<string, string>;
  /** What could not be observed on this tick (a failed query, a probe without an answer): never healthy. */
  missing?: string[];
}

export interface MonitorReport {
  verdict: 'healthy' | 'rollback' | 'aborted';
  trigger?: MonitorTrigger;
  ticks: MonitorTick[];
  observedMs: number;
  completed: boolean;
}

export interface RunMonitorOptions {
  baseUrl: string;
  checks: HealthCheck[];
  monitor: MonitorConfig;
  baseline?: Baseline;
  signal?: AbortSignal;
  onTick?: (tick: MonitorTick) => void;
  /** Time source and sleep (a fake clock runs a whole window at once in tests). */
  clock?: Clock;
  /** Events watched by a repository command each tick (the skill's `<condition event command>`); non-zero exit = it happened. */
  signals?: Array<{ event: string; command: string }>;
  /** Where signal commands run (the project root). */
  cwd?: string;
  /** Their extra environment and confinement (exec/confine.ts). */
  commands?: ProjectCommands;
}

/** Tracks since when a condition has held continuously. */
class Streak {
  since: number | null = null;
  update(holds: boolean, at: number): number {
    if (!holds) {
      this.since = null;
      return -1;
    }
    if (this.since === null) this.since = at;
    return at - this.since;
  }
}

export async function runMonitor(options: RunMonitorOptions): Promise<MonitorReport> {
  const { monitor, signal } = options;
  const clock = options.clock ?? systemClock;
  // Durations (the window, a breach's `for`, the next tick) on the monotonic clock; timestamps on the wall clock.
  const now = clock.elapsed ?? ((): number => clock.now().getTime());
  const start = now();
  // A tick's wall time is projected from the monotonic clock, so ticks are spaced exactly as the rules
  // measured them (two separate clock reads drift by a few ms on a loaded machine); a wall-clock step of
  // more than a second re-anchors the projection, so records still show the step.
  let anchor = { mono: start, wall: clock.now().getTime() };
  const wallAt = (mono: number): Date => {
    const actual = clock.now().getTime();
    if (Math.abs(actual - (anchor.wall + (mono - anchor.mono))) > 1_000) anchor = { mono, wall: actual };
    return new Date(anchor.wall + (mono - anchor.mono));
  };
  const ticks: MonitorTick[] = [];
  const errorStreak = new Streak();
  const unhealthyStreak = new Streak();
  const queryStreaks = new Map<string, Streak>();
  const latencyStreak = new Streak();
  const errorIncreaseStreak = new Streak();
  let consecutiveFailing = 0;
  let consecutiveMissing = 0;
  let windowRequests = 0;
  let windowFailures = 0;
  const report = (verdict: MonitorReport['verdict'], completed: boolean, trigger?: MonitorTrigger): MonitorReport => {
    const result: MonitorReport = { verdict, ticks, observedMs: now() - start, completed };
    if (trigger) result.trigger = trigger;
    return result;
  };

  for (;;) {
    if (signal?.aborted) return report('aborted', false);
    const tickAt = now();
    const tickWall = wallAt(tickAt);
    const [sample, prometheus, events, logs] = await Promise.all([sampleChecks(options.baseUrl, options.checks, signal), samplePrometheus(monitor, signal), runSignals(options, signal), scanLogs(options, signal)]);
    if (signal?.aborted) return report('aborted', false);

    const tick: MonitorTick = { at: tickWall.toISOString(), errorRate: sample.errorRate, p95LatencyMs: sample.p95LatencyMs, healthy: sample.healthy };
    const failures = Object.fromEntries(sample.results.filter((r) => !r.ok).map((r) => [r.name, r.error ?? 'failed']));
    if (Object.keys(failures).length > 0) tick.failures = failures;
    if (prometheus) {
      tick.prometheus = prometheus.values;
      if (Object.keys(prometheus.errors).length > 0) tick.prometheusErrors = prometheus.errors;
    }
    const missing = [
      ...Object.keys(prometheus?.errors ?? {}).map((name) => `prometheus ${name}`),
      ...sample.results.filter((r) => r.status === undefined).map((r) => r.name),
      ...(logs?.missing ? ['logs'] : []),
    ];
    if (logs?.missing) tick.failures = { ...tick.failures, logs: logs.missing };
    if (missing.length > 0) tick.missing = missing;
    ticks.push(tick);
    options.onTick?.(tick);

    windowRequests += sample.results.length;
    windowFailures += sample.results.filter((r) => !r.ok).length;
    const failing = !sample.healthy || sample.errorRate > monitor.maxErrorRate;
    consecutiveFailing = failing ? consecutiveFailing + 1 : 0;
    consecutiveMissing = missing.length > 0 ? consecutiveMissing + 1 : 0;
    const windowOver = now() - start >= monitor.duration;

    const trigger =
      (consecutiveFailing >= monitor.failureLimit
        ? {
            kind: 'failure-limit' as const,
            metric: 'consecutive_failing_ticks',
            value: consecutiveFailing,
            threshold: monitor.failureLimit,
            forMs: 0,
            message: `${consecutiveFailing} consecutive monitor ticks failed (limit ${monitor.failureLimit})${describeFailures(failures)}.`,
          }
        : undefined) ??
      events ??
      logs?.trigger ??
      missingDataTrigger(monitor, consecutiveMissing, windowOver, tick) ??
      forRule(errorStreak.update(sample.errorRate > monitor.maxErrorRate, tickAt), monitor.errorRateFor, () => ({
        kind: 'error-rate',
        metric: 'error_rate',
        value: sample.errorRate,
        threshold: monitor.maxErrorRate,
        forMs: monitor.errorRateFor,
        message: `Error rate ${percent(sample.errorRate)} has been above ${percent(monitor.maxErrorRate)} for ${monitor.errorRateFor} ms.`,
      })) ??
      forRule(unhealthyStreak.update(!sample.healthy, tickAt), monitor.healthFailingFor, () => ({
        kind: 'health-failing',
        metric: 'health_failing',
        value: 1,
        threshold: 0,
        forMs: monitor.healthFailingFor,
        message: `Health checks have been failing for ${monitor.healthFailingFor} ms${describeFailures(failures)}.`,
      })) ??
      prometheusTrigger(monitor, prometheus?.values, queryStreaks, tickAt) ??
      baselineTrigger(options, ticks.length, windowRequests, windowFailures, { latency: latencyStreak, errorIncrease: errorIncreaseStreak }, sample.p95LatencyMs, tickAt);
    if (trigger) return report('rollback', false, trigger);

    if (windowOver) return report('healthy', true);
    const nextAt = Math.min(start + ticks.length * monitor.interval, start + monitor.duration);
    // Never longer than one interval, whatever the clock says: a watch that sleeps is not watching.
    await clock.sleep(Math.min(monitor.interval, Math.max(0, nextAt - now())), signal);
  }
}

/** The first watched event whose command exited non-zero on this tick, as a trigger. */
async function runSignals(options: RunMonitorOptions, signal?: AbortSignal): Promise<MonitorTrigger | undefined> {
  const watched = options.signals ?? [];
  if (watched.length === 0) return undefined;
  const timeoutMs = Math.max(1_000, Math.min(30_000, options.monitor.interval));
  const results = await Promise.all(watched.map((w) => runScript(w.command, { cwd: options.cwd ?? process.cwd(), timeoutMs, ...(signal ? { signal } : {}), ...options.commands })));
  const index = results.findIndex((r) => r.exitCode !== 0 && !r.aborted);
  if (index === -1) return undefined;
  const { event, command } = watched[index]!;
  const result = results[index]!;
  const output = (result.stderr || result.stdout).trim().split('\n').at(-1);
  return {
    kind: 'event',
    metric: event,
    value: result.exitCode,
    threshold: 0,
    forMs: 0,
    message: `Event "${event}" signalled: \`${command}\` exited ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}${output ? ` (${output})` : ''}.`,
  };
}

/** Seed 001's "logs show no errors": the log command's output, error lines counted. */
async function scanLogs(options: RunMonitorOptions, signal?: AbortSignal): Promise<{ trigger?: MonitorTrigger; missing?: string } | undefined> {
  const logs = options.monitor.logs;
  if (!logs) return undefined;
  const timeoutMs = Math.max(1_000, Math.min(30_000, options.monitor.interval));
  const result = await runScript(logs.command, { cwd: options.cwd ?? process.cwd(), timeoutMs, maxOutput: 64_000, ...(signal ? { signal } : {}), ...options.commands });
  if (result.aborted) return undefined;
  if (result.exitCode !== 0) return { missing: `log command exited ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}` };
  const pattern = new RegExp(logs.errorPattern, 'i');
  const matches = result.stdout.split('\n').filter((line) => pattern.test(line));
  if (matches.length <= logs.maxMatches) return {};
  return {
    trigger: {
      kind: 'logs',
      metric: 'log_errors',
      value: matches.length,
      threshold: logs.maxMatches,
      forMs: 0,
      message: `${matches.length} log line(s) match /${logs.errorPattern}/i (allowed ${logs.maxMatches}), e.g. ${JSON.stringify(matches[0]!.slice(0, 200))}.`,
    },
  };
}

function forRule(heldMs: number, forMs: number, make: () => MonitorTrigger): MonitorTrigger | undefined {
  return heldMs >= 0 && heldMs >= forMs ? make() : undefined;
}

async function samplePrometheus(monitor: MonitorConfig, signal?: AbortSignal): Promise<{ values: Record<string, number | null>; errors: Record<string, string> } | undefined> {
  const prometheus = monitor.prometheus;
  if (!prometheus || prometheus.queries.length === 0) return undefined;
  const values: Record<string, number | null> = {};
  const errors: Record<string, string> = {};
  await Promise.all(
    prometheus.queries.map(async (q) => {
      try {
        const options: Parameters<typeof queryPrometheus>[0] = { url: prometheus.url, query: q.query, timeoutMs: Math.max(1_000, Math.min(10_000, monitor.interval)) };
        if (signal) options.signal = signal;
        values[q.name] = (await queryPrometheus(options)).value;
      } catch (error) {
        values[q.name] = null;
        errors[q.name] = error instanceof Error ? error.message : String(error);
      }
    }),
  );
  return { values, errors };
}

function prometheusTrigger(
  monitor: MonitorConfig,
  values: Record<string, number | null> | undefined,
  streaks: Map<string, Streak>,
  at: number,
): MonitorTrigger | undefined {
  if (!values || !monitor.prometheus) return undefined;
  for (const q of monitor.prometheus.queries) {
    const value = values[q.name];
    const above = value !== null && value !== undefined && q.above !== undefined && value > q.above;
    const below = value !== null && value !== undefined && q.below !== undefined && value < q.below;
    let streak = streaks.get(q.name);
    if (!streak) streaks.set(q.name, (streak = new Streak()));
    const held = streak.update(above || below, at);
    if (held >= 0 && held >= q.for) {
      const threshold = above ? q.above! : q.below!;
      return {
        kind: 'prometheus',
        metric: q.name,
        value: value!,
        threshold,
        forMs: q.for,
        message: `Prometheus query "${q.name}" = ${value} has been ${above ? 'above' : 'below'} ${threshold} for ${q.for} ms (${q.query}).`,
      };
    }
  }
  return undefined;
}

/**
 * Losing sight of production is never "all clear": `after` unobserved ticks in a row, or a window that
 * ends while the last tick saw nothing, is a trigger of its own.
 */
function missingDataTrigger(monitor: MonitorConfig, consecutive: number, windowOver: boolean, tick: MonitorTick): MonitorTrigger | undefined {
  const { after, action } = monitor.missingData;
  if (consecutive === 0 || (consecutive < after && !windowOver)) return undefined;
  const what = (tick.missing ?? []).map((name) => {
    const why = tick.prometheusErrors?.[name.replace(/^prometheus /, '')] ?? tick.failures?.[name];
    return why ? `${name} (${why})` : name;
  });
  const when = consecutive >= after ? `${consecutive} monitor ticks in a row (limit ${after})` : `the last ${consecutive} tick(s) before the window ended`;
  return {
    kind: 'missing-data',
    metric: 'unobserved_ticks',
    value: consecutive,
    threshold: after,
    forMs: 0,
    message: `Production could not be observed for ${when}: ${what.join(', ')}. A failed query is not a healthy one (monitor.missingData.action: ${action}).`,
  };
}

function baselineTrigger(
  options: RunMonitorOptions,
  tickCount: number,
  requests: number,
  failures: number,
  streaks: { latency: Streak; errorIncrease: Streak },
  tickP95: number,
  at: number,
): MonitorTrigger | undefined {
  const { baseline, monitor } = options;
  if (!baseline || requests === 0) return undefined;
  // Latency: this tick's p95 must be over both the relative and the absolute limit, without a break,
  // for latencyIncreaseFor. A single slow tick on a loaded machine resets nothing and fires nothing.
  const rise = tickP95 - baseline.p95LatencyMs;
  const relative = baseline.p95LatencyMs > 0 ? rise / baseline.p95LatencyMs : rise > 0 ? Infinity : 0;
  const held = streaks.latency.update(relative > monitor.maxLatencyIncrease && rise > monitor.minLatencyIncrease, at);
  if (tickCount < 3) return undefined;
  const errorRate = failures / requests;
  const increase = errorRate - baseline.errorRate;
  const increaseHeld = streaks.errorIncrease.update(increase > monitor.maxErrorRateIncrease, at);
  if (increaseHeld >= 0 && increaseHeld >= monitor.errorRateIncreaseFor) {
    return {
      kind: 'error-rate-increase',
      metric: 'error_rate_increase',
      value: increase,
      threshold: monitor.maxErrorRateIncrease,
      forMs: monitor.errorRateIncreaseFor,
      message: `Error rate over the window is ${percent(errorRate)}, up ${percent(increase)} from the baseline ${percent(baseline.errorRate)} (allowed +${percent(monitor.maxErrorRateIncrease)}).`,
    };
  }
  if (held >= 0 && held >= monitor.latencyIncreaseFor) {
    return {
      kind: 'latency-increase',
      metric: 'latency_increase',
      value: relative,
      threshold: monitor.maxLatencyIncrease,
      forMs: monitor.latencyIncreaseFor,
      message: `p95 latency is ${tickP95} ms, up ${percent(relative)} (+${rise} ms) from the baseline ${baseline.p95LatencyMs} ms, over +${percent(monitor.maxLatencyIncrease)} and +${monitor.minLatencyIncrease} ms for ${monitor.latencyIncreaseFor} ms.`,
    };
  }
  return undefined;
}

function percent(fraction: number): string {
  if (!Number.isFinite(fraction)) return '∞%';
  return `${Math.round(fraction * 1000) / 10}%`;
}

function describeFailures(failures: Record<string, string>): string {
  const entries = Object.entries(failures);
  if (entries.length === 0) return '';
  return `: ${entries.map(([name, why]) => `${name} (${why})`).join(', ')}`;
}
