/**
 * Instant queries against Prometheus' HTTP API (`GET /api/v1/query?query=...`), reduced to one number,
 * for the monitor's thresholds. Errors teach: a bad base URL is a ConfigError; an unreachable server,
 * a non-success status or a result that is not one value is a FailedError saying how to fix the query.
 * An empty vector is `null` ("no data": e.g. no 5xx responses yet), not an error.
 *
 * Good: `sum(rate(http_requests_total{code=~"5.."}[1m])) / sum(rate(http_requests_total[1m]))` → 0.02.
 * Bad:  `http_requests_total` (one series per label set) → "returned 3 series, expected one value;
 *       aggregate it, e.g. sum(...)".
 */
import { ConfigError, FailedError, quote } from '../errors.js';
import { probeHttp } from './http-probe.js';

export interface PrometheusQueryOptions {
  url: string;
  query: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface PrometheusSample {
  /** null when the query returned no series. */
  value: number | null;
  latencyMs: number;
}

export async function queryPrometheus(options: PrometheusQueryOptions): Promise<PrometheusSample> {
  let endpoint: URL;
  try {
    endpoint = new URL(options.url);
    if (endpoint.protocol !== 'http:' && endpoint.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new ConfigError(`The Prometheus URL ${quote(options.url)} is not an http(s) URL.`, {
      where: 'monitor.prometheus.url',
      expected: 'a base URL like http://prometheus.internal:9090',
    });
  }
  const base = endpoint.href.replace(/\/+$/, '');
  const url = `${base}/api/v1/query?query=${encodeURIComponent(options.query)}`;
  const request: Parameters<typeof probeHttp>[0] = { url, timeoutMs: options.timeoutMs ?? 10_000 };
  if (options.signal) request.signal = options.signal;
  const probe = await probeHttp(request);
  if (probe.error !== undefined) {
    throw new FailedError(`Prometheus at ${base} did not answer the query: ${probe.error}.`, {
      where: base,
      hint: 'Check monitor.prometheus.url and that Prometheus is reachable from here.',
    });
  }
  let payload: { status?: string; error?: string; errorType?: string; data?: { resultType?: string; result?: unknown } } | undefined;
  try {
    payload = JSON.parse(probe.body) as typeof payload;
  } catch {
    payload = undefined;
  }
  if (probe.status !== 200 || payload?.status !== 'success') {
    const why = payload?.error ? `${payload.errorType ?? 'error'}: ${payload.error}` : `HTTP ${probe.status}, body ${quote(probe.bodyExcerpt)}`;
    throw new FailedError(`Prometheus rejected the query ${quote(options.query)}: ${why}.`, {
      where: base,
      expected: 'HTTP 200 with status "success"',
      hint: probe.status === 400 ? 'Fix the PromQL expression (try it in the Prometheus UI first).' : 'Check that the URL points at Prometheus itself (its /api/v1/query endpoint).',
    });
  }
  return { value: reduce(payload.data?.resultType, payload.data?.result, options.query), latencyMs: probe.latencyMs };
}

function reduce(resultType: string | undefined, result: unknown, query: string): number | null {
  if (resultType === 'scalar') return toNumber((result as unknown[] | undefined)?.[1], query);
  if (resultType === 'vector' && Array.isArray(result)) {
    if (result.length === 0) return null;
    if (result.length === 1) return toNumber((result[0] as { value?: unknown[] }).value?.[1], query);
    throw new FailedError(`The Prometheus query ${quote(query)} returned ${result.length} series, expected one value.`, {
      expected: 'a single number',
      hint: 'Aggregate it, e.g. sum(...) or max(...).',
    });
  }
  throw new FailedError(`The Prometheus query ${quote(query)} returned a ${resultType ?? 'missing'} result, expected one value.`, {
    expected: 'an instant vector with one series, or a scalar',
    hint: 'Use an instant query without a range selector at the top level, e.g. rate(x[1m]) rather than x[1m].',
  });
}

/** Prometheus sends numbers as strings; `NaN` (e.g. 0/0 before any traffic) is "no data". */
function toNumber(raw: unknown, query: string): number | null {
  if (raw === 'NaN') return null;
  const value = typeof raw === 'string' ? Number(raw) : NaN;
  if (Number.isNaN(value)) {
    throw new FailedError(`The Prometheus query ${quote(query)} returned ${quote(String(raw))}, expected a number.`);
  }
  return value;
}
