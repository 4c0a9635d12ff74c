/**
 * Runs an environment's health checks (`environments.<env>.health.checks` in shipgate.config.yaml)
 * against a base URL: each check GETs its path, expects a status (and optionally body text and a
 * latency ceiling), and is retried `retries` times before it counts as failed. The report is `ok` when
 * every critical check passed; non-critical failures are reported but do not fail it.
 *
 * Good: `{ path: '/health', status: 200, bodyContains: 'ok', retries: 2 }` against a server that answers
 *       `200 ok` → ok. Bad: the same check against a server answering 500 three times → not ok, with
 *       error "expected status 200, got 500" and attempts 3.
 */
import type { z } from 'zod';
import type { healthCheckSchema } from '../config/environment-schema.js';
import { joinUrl, probeHttp, type HttpProbeResult } from './http-probe.js';
import { abortableSleep, type Sleep } from '../util/clock.js';

export type HealthCheck = z.output<typeof healthCheckSchema>;

export interface HealthCheckResult {
  name: string;
  url: string;
  expectedStatus: number;
  status?: number;
  ok: boolean;
  critical: boolean;
  latencyMs?: number;
  attempts: number;
  error?: string;
  bodyExcerpt?: string;
}

export interface HealthReport {
  ok: boolean;
  results: HealthCheckResult[];
}

export interface RunHealthChecksOptions {
  baseUrl: string;
  checks: HealthCheck[];
  signal?: AbortSignal;
  /** Pause between attempts of one check (default 1s). */
  retryDelayMs?: number;
  sleep?: Sleep;
}

export async function runHealthChecks(options: RunHealthChecksOptions): Promise<HealthReport> {
  const results = await Promise.all(options.checks.map((check) => runOne(check, options)));
  return { ok: results.every((r) => r.ok || !r.critical), results };
}

async function runOne(check: HealthCheck, options: RunHealthChecksOptions): Promise<HealthCheckResult> {
  const url = joinUrl(options.baseUrl, check.path);
  const sleep = options.sleep ?? abortableSleep;
  const maxAttempts = check.retries + 1;
  let result: HealthCheckResult = { name: check.name ?? check.path, url, expectedStatus: check.status, ok: false, critical: check.critical, attempts: 0 };
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (options.signal?.aborted) {
      result.error = result.error ?? 'aborted before the check could run';
      break;
    }
    const probeRequest: Parameters<typeof probeHttp>[0] = { url, timeoutMs: check.timeout };
    if (options.signal) probeRequest.signal = options.signal;
    const probe = await probeHttp(probeRequest);
    result = evaluate(check, url, probe, attempt);
    if (result.ok || attempt === maxAttempts) break;
    await sleep(options.retryDelayMs ?? 1_000, options.signal);
  }
  return result;
}

/** Whether one probe satisfies the check, and if not, why (status, body, latency, network). */
export function evaluate(check: HealthCheck, url: string, probe: HttpProbeResult, attempts: number): HealthCheckResult {
  const result: HealthCheckResult = {
    name: check.name ?? check.path,
    url,
    expectedStatus: check.status,
    ok: false,
    critical: check.critical,
    latencyMs: probe.latencyMs,
    attempts,
  };
  if (probe.status !== undefined) result.status = probe.status;
  if (probe.bodyExcerpt) result.bodyExcerpt = probe.bodyExcerpt;
  if (probe.error !== undefined) {
    result.error = probe.error;
    return result;
  }
  if (probe.status !== check.status) {
    result.error = `expected status ${check.status}, got ${probe.status}`;
    return result;
  }
  if (check.bodyContains !== undefined && !probe.body.includes(check.bodyContains)) {
    result.error = `expected the body to contain ${JSON.stringify(check.bodyContains)}, got ${JSON.stringify(probe.bodyExcerpt)}`;
    return result;
  }
  const jsonMismatch = check.json ? mismatchedJson(check.json, probe.body) : undefined;
  if (jsonMismatch !== undefined) {
    result.error = jsonMismatch;
    return result;
  }
  // A health endpoint that answers 200 while its own body says it is down is not healthy (a `json:`
  // expectation, when configured, is the explicit word on the body and replaces this).
  const selfReported = check.json ? undefined : selfReportedUnhealthy(probe.body);
  if (selfReported !== undefined) {
    result.error = `status ${probe.status}, but the body reports ${selfReported}`;
    return result;
  }
  if (check.maxLatency !== undefined && probe.latencyMs > check.maxLatency) {
    result.error = `latency ${probe.latencyMs} ms is above maxLatency ${check.maxLatency} ms`;
    return result;
  }
  result.ok = true;
  return result;
}

/** Top-level words of the common health formats (Spring Actuator, MicroProfile, IETF health+json, k8s-style). */
const UNHEALTHY_WORDS = new Set(['down', 'fail', 'failed', 'failing', 'failure', 'error', 'fatal', 'unhealthy', 'critical', 'red', 'out_of_service', 'ko', 'not_ok', 'not ok']);
const STATUS_KEYS = ['status', 'state', 'health'];
const HEALTHY_FLAGS = ['healthy', 'ok', 'up'];

/**
 * `status = "DOWN"` when a JSON health body says so, else undefined. Only a JSON object is read, only
 * its top level, only these keys: a body that says nothing about health is left to the status code.
 *
 * Good (healthy): `{"status":"UP"}`, `{"ok":true}`, `ok`. Bad: `{"status":"DOWN"}`, `{"healthy":false}`.
 */
export function selfReportedUnhealthy(body: string): string | undefined {
  const text = body.trim();
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const object = parsed as Record<string, unknown>;
  for (const key of STATUS_KEYS) {
    const value = object[key];
    if (typeof value === 'string' && UNHEALTHY_WORDS.has(value.trim().toLowerCase())) return `${key} = ${JSON.stringify(value.slice(0, 40))}`;
  }
  for (const key of HEALTHY_FLAGS) if (object[key] === false) return `${key} = false`;
  return undefined;
}

/** Why a JSON body does not hold the expected values (`version` = "1.2.0"), or undefined when it does. */
function mismatchedJson(expected: Record<string, string | number | boolean>, body: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `expected a JSON body with ${describeExpected(expected)}, got ${JSON.stringify(body.slice(0, 80))}`;
  }
  for (const [path, want] of Object.entries(expected)) {
    const got = path.split('.').reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), parsed);
    if (got !== want && String(got) !== String(want)) return `expected ${path} = ${JSON.stringify(want)}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}`;
  }
  return undefined;
}

function describeExpected(expected: Record<string, string | number | boolean>): string {
  return Object.entries(expected)
    .map(([path, want]) => `${path} = ${JSON.stringify(want)}`)
    .join(', ');
}
