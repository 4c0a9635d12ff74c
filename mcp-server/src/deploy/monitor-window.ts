/**
 * The monitor window: probe production every `interval` for `duration`; roll back when health fails on
 * `failureLimit` consecutive ticks, when it keeps failing for `healthFailingFor` (seed 001: 5 minutes), or
 * when the error rate of the monitor's own requests stays above `maxErrorRate` for `errorRateFor` (seed
 * 001: 5% for 2 minutes). The first tick runs at once, so a bad release is caught in about
 * interval × (failureLimit − 1) plus one probe, not interval × failureLimit.
 */
import type { HttpCheck, ProbeResult } from './health-probe.js';
import { runHttpChecks } from './health-probe.js';

export interface MonitorSettings {
  duration: number;
  interval: number;
  failureLimit: number;
  maxErrorRate: number;
  errorRateFor: number;
  healthFailingFor: number;
}

export interface MonitorTick {
  at: string;
  ok: boolean;
  failed: number;
  total: number;
  maxLatencyMs: number;
  errors: string[];
}

export interface MonitorOutcome {
  verdict: 'healthy' | 'rollback' | 'aborted';
  trigger?: string;
  ticks: MonitorTick[];
  observedMs: number;
  completed: boolean;
}

export async function watchWindow(options: {
  baseUrl: string;
  checks: HttpCheck[];
  monitor: MonitorSettings;
  durationMs: number;
  signal?: AbortSignal;
  onTick?: (tick: MonitorTick, index: number, total: number) => void | Promise<void>;
}): Promise<MonitorOutcome> {
  const { monitor, checks } = options;
  const started = Date.now();
  const expectedTicks = Math.max(1, Math.floor(options.durationMs / monitor.interval) + 1);
  const ticks: MonitorTick[] = [];
  const history: { at: number; failed: number; total: number }[] = [];
  let consecutive = 0;
  let failingSince: number | undefined;
  const done = (verdict: MonitorOutcome['verdict'], trigger?: string): MonitorOutcome => ({
    verdict,
    ...(trigger ? { trigger } : {}),
    ticks,
    observedMs: Date.now() - started,
    completed: verdict === 'healthy',
  });
  if (checks.length === 0) return done('healthy');
  for (let index = 0; ; index += 1) {
    if (options.signal?.aborted) return done('aborted');
    const tickStart = Date.now();
    const { ok, results } = await runHttpChecks(options.baseUrl, checks, options.signal, false);
    if (options.signal?.aborted) return done('aborted');
    const failed = results.filter((result: ProbeResult) => !result.ok).length;
    const tick: MonitorTick = {
      at: new Date(tickStart).toISOString(),
      ok,
      failed,
      total: results.length,
      maxLatencyMs: Math.max(0, ...results.map((r) => r.latencyMs)),
      errors: results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.error ?? 'failed'}`),
    };
    ticks.push(tick);
    history.push({ at: tickStart, failed, total: results.length });
    await options.onTick?.(tick, index, expectedTicks);
    consecutive = ok ? 0 : consecutive + 1;
    failingSince = ok ? undefined : (failingSince ?? tickStart);
    if (consecutive >= monitor.failureLimit) {
      return done('rollback', `health failed on ${consecutive} consecutive checks (failure limit ${monitor.failureLimit}): ${tick.errors.join(', ')}`);
    }
    if (failingSince !== undefined && tickStart - failingSince >= monitor.healthFailingFor) {
      return done('rollback', `health failing for ${Math.round((tickStart - failingSince) / 1000)}s (limit ${Math.round(monitor.healthFailingFor / 1000)}s)`);
    }
    const recent = history.filter((h) => h.at >= tickStart - monitor.errorRateFor);
    if (tickStart - started >= monitor.errorRateFor && recent.length > 1) {
      const total = recent.reduce((s, h) => s + h.total, 0);
      const failedRecent = recent.reduce((s, h) => s + h.failed, 0);
      const rate = total ? failedRecent / total : 0;
      if (rate > monitor.maxErrorRate) {
        return done('rollback', `error rate ${(rate * 100).toFixed(1)}% above ${(monitor.maxErrorRate * 100).toFixed(1)}% for ${Math.round(monitor.errorRateFor / 1000)}s`);
      }
    }
    const elapsed = Date.now() - started;
    if (elapsed >= options.durationMs) return done('healthy');
    const wait = Math.min(monitor.interval - (Date.now() - tickStart), options.durationMs - elapsed);
    if (wait > 0) {
      const aborted = await sleep(wait, options.signal);
      if (aborted) return done('aborted');
    }
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(false);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(true);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export { sleep as sleepUnlessAborted };
