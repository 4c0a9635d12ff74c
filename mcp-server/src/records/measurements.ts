/**
 * What a deploy step measured, as deployment-record rows and one-line summaries: health probes, smoke
 * tests and monitor ticks become `RecordMeasurement`s (value, threshold, ok) so the record shows every
 * number the verdict was based on. Pure: results and the time in, rows out; the caller stamps `at`
 * from its injected clock.
 *
 * Good: `probeMeasurements('health-candidate', report.results, checks, clock.now())` → a status row and
 *       a latency row per check, thresholds spelled as the config states them.
 * Bad:  a row whose `at` comes from `new Date()` here: tests could not pin the record's timestamps.
 */
import type { MonitorConfig, MonitorTick } from '../health/monitor.js';
import type { HealthCheck, HealthCheckResult } from '../health/run-health-checks.js';
import type { SmokeTestResult } from '../health/smoke-tests.js';
import type { RecordMeasurement } from './record-schema.js';

export function probeMeasurements(step: string, results: HealthCheckResult[], checks: HealthCheck[], at: Date): RecordMeasurement[] {
  const when = at.toISOString();
  return results.flatMap((result, index) => {
    const check = checks[index];
    const latencyMs = result.latencyMs ?? 0;
    return [
      {
        at: when,
        step,
        name: `${result.name} status`,
        value: result.status ?? (result.error ?? 'no answer'),
        threshold: `= ${check?.status ?? 200}${check?.bodyContains ? `, body contains ${JSON.stringify(check.bodyContains)}` : ''}${check?.json ? `, ${Object.entries(check.json).map(([key, want]) => `${key} = ${JSON.stringify(want)}`).join(', ')}` : ''}`,
        ok: result.ok,
      },
      { at: when, step, name: `${result.name} latency ms`, value: latencyMs, ...(check?.maxLatency ? { threshold: `<= ${check.maxLatency}` } : {}), ok: check?.maxLatency ? latencyMs <= check.maxLatency : true },
    ];
  });
}

export function smokeMeasurements(step: string, results: SmokeTestResult[], at: Date): RecordMeasurement[] {
  const when = at.toISOString();
  return results.flatMap((result) => [
    { at: when, step, name: `${result.name} status`, value: result.status ?? (result.error ?? 'no answer'), threshold: `= ${result.expectedStatus}`, ok: result.ok },
    { at: when, step, name: `${result.name} latency ms`, value: result.latencyMs, ok: true },
  ]);
}

export function tickMeasurements(step: string, tick: MonitorTick, monitor: MonitorConfig): RecordMeasurement[] {
  const rows: RecordMeasurement[] = [
    { at: tick.at, step, name: 'error rate', value: tick.errorRate, threshold: `<= ${monitor.maxErrorRate} (failure limit ${monitor.failureLimit} ticks in a row)`, ok: tick.healthy && tick.errorRate <= monitor.maxErrorRate },
    { at: tick.at, step, name: 'p95 latency ms', value: tick.p95LatencyMs, ok: true },
  ];
  if (tick.missing) rows.push({ at: tick.at, step, name: 'observed', value: `no data from ${tick.missing.join(', ')}`, threshold: `every probe and query answers (missing data: ${monitor.missingData.action} after ${monitor.missingData.after} ticks)`, ok: false });
  for (const query of monitor.prometheus?.queries ?? []) {
    const value = tick.prometheus?.[query.name];
    const error = tick.prometheusErrors?.[query.name];
    const limits = [query.above !== undefined ? `<= ${query.above}` : '', query.below !== undefined ? `>= ${query.below}` : ''].filter(Boolean).join(', ');
    const within = value === null || value === undefined || ((query.above === undefined || value <= query.above) && (query.below === undefined || value >= query.below));
    // A query that failed measured nothing: its row is never ok (an empty result is "no data", and is).
    rows.push({ at: tick.at, step, name: `prometheus ${query.name}`, value: value ?? (error ?? 'no data'), ...(limits ? { threshold: limits } : {}), ok: error === undefined && within });
  }
  return rows;
}

/** "GET /health ok (status 200, 3 ms); /api FAILED (no answer within 2000 ms, ...)". */
export function summarizeProbes(results: HealthCheckResult[], checks: HealthCheck[]): string {
  return results
    .map((r, index) => {
      const timeout = checks[index]?.timeout;
      const answer = r.status !== undefined ? `status ${r.status}` : r.error?.startsWith('timeout') && timeout !== undefined ? `no answer within ${timeout} ms` : 'no answer';
      return `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${answer}, ${r.latencyMs ?? 0} ms${r.error ? `: ${r.error}` : ''})`;
    })
    .join('; ');
}

export function summarizeSmoke(results: SmokeTestResult[]): string {
  return results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${r.status !== undefined ? `status ${r.status}` : 'no answer'}, ${r.latencyMs} ms${r.error ? `: ${r.error}` : ''})`).join('; ');
}

/** One monitor tick for progress output: "healthy; errors=0" or the failing checks and why. */
export function describeTick(tick: MonitorTick): string {
  const parts: string[] = [];
  if (tick.failures) parts.push(Object.entries(tick.failures).map(([name, why]) => `${name}: ${why}`).join(', '));
  else parts.push('healthy');
  for (const [name, value] of Object.entries(tick.prometheus ?? {})) parts.push(`${name}=${value ?? 'no data'}`);
  return parts.join('; ');
}
