/**
 * One sample of an environment's health: every check probed once (no retries), summarised as error
 * rate, p95 latency and healthy (all critical checks passed). The monitor takes one per tick and the
 * baseline several before a deploy, so both measure the same thing the same way.
 *
 * Good: 4 checks, one answers 500 → { errorRate: 0.25, healthy: false }.
 * Bad:  comparing a monitor built on retried checks with a baseline built on single probes.
 */
import { joinUrl, probeHttp } from './http-probe.js';
import { evaluate, type HealthCheck, type HealthCheckResult } from './run-health-checks.js';

export interface HealthSample {
  results: HealthCheckResult[];
  errorRate: number;
  p95LatencyMs: number;
  healthy: boolean;
  latencies: number[];
}

export async function sampleChecks(baseUrl: string, checks: HealthCheck[], signal?: AbortSignal): Promise<HealthSample> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const url = joinUrl(baseUrl, check.path);
      const request: Parameters<typeof probeHttp>[0] = { url, timeoutMs: check.timeout };
      if (signal) request.signal = signal;
      return evaluate(check, url, await probeHttp(request), 1);
    }),
  );
  const latencies = results.map((r) => r.latencyMs ?? 0);
  const failures = results.filter((r) => !r.ok).length;
  return {
    results,
    errorRate: results.length === 0 ? 0 : failures / results.length,
    p95LatencyMs: percentile(latencies, 0.95),
    healthy: results.every((r) => r.ok || !r.critical),
    latencies,
  };
}

/** Nearest-rank percentile; 0 for no values. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(p * sorted.length)));
  return sorted[rank - 1]!;
}
