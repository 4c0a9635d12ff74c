/**
 * The pre-deploy baseline the monitor compares against (seed 003: "error rate <1% increase from
 * baseline, response times <10% degradation"): the health checks sampled a few times before the
 * deploy, reduced to error rate and p95 latency over all requests.
 *
 * Good: `measureBaseline({ baseUrl, checks, samples: 5, intervalMs: 1_000 })` before `deploy`.
 * Bad:  a baseline taken after the new version is live (it would hide the regression).
 */
import { abortableSleep, type Sleep } from '../util/clock.js';
import { percentile, sampleChecks } from './sample-checks.js';
import type { HealthCheck } from './run-health-checks.js';

export interface Baseline {
  errorRate: number;
  p95LatencyMs: number;
  /** Requests the figures are computed from. */
  samples: number;
}

export interface MeasureBaselineOptions {
  baseUrl: string;
  checks: HealthCheck[];
  /** Rounds of probing (default 5). */
  samples?: number;
  /** Pause between rounds (default 1s). */
  intervalMs?: number;
  signal?: AbortSignal;
  sleep?: Sleep;
}

export async function measureBaseline(options: MeasureBaselineOptions): Promise<Baseline> {
  const rounds = Math.max(1, options.samples ?? 5);
  const sleep = options.sleep ?? abortableSleep;
  let failures = 0;
  let requests = 0;
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    if (options.signal?.aborted) break;
    const sample = await sampleChecks(options.baseUrl, options.checks, options.signal);
    if (options.signal?.aborted) break;
    requests += sample.results.length;
    failures += sample.results.filter((r) => !r.ok).length;
    latencies.push(...sample.latencies);
    if (round + 1 < rounds) await sleep(options.intervalMs ?? 1_000, options.signal);
  }
  return { errorRate: requests === 0 ? 0 : failures / requests, p95LatencyMs: percentile(latencies, 0.95), samples: requests };
}
