/**
 * HTTP probes the deploy runs against production or the candidate: expected status, body text and
 * latency, with timeout and retries (seed 003's `/health`, `/api/status`, `/api/version`), and seed 002's
 * `smoke-tests.json` (name, method, path, headers, body, expected_status, expected_body_contains).
 * A small self-contained prober so the deploy engine does not wait on health/ (which adds Prometheus).
 *
 * Good: `{ path: /health, status: 200, bodyContains: ok, timeout: 2s, retries: 2 }`.
 * Bad:  a check with no timeout (a hanging endpoint would hang the deploy).
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';

export interface HttpCheck {
  name?: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
  bodyContains?: string;
  maxLatency?: number;
  timeout: number;
  retries: number;
  critical?: boolean;
}

export interface ProbeResult {
  name: string;
  url: string;
  ok: boolean;
  status?: number;
  latencyMs: number;
  attempts: number;
  error?: string;
  critical: boolean;
}

export function joinUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

export async function probeOnce(baseUrl: string, check: HttpCheck, signal?: AbortSignal): Promise<ProbeResult> {
  const url = joinUrl(baseUrl, check.path);
  const name = check.name ?? check.path;
  const critical = check.critical ?? true;
  const started = performance.now();
  const timeout = AbortSignal.timeout(check.timeout);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { method: check.method ?? 'GET', headers: check.headers, body: check.body, signal: combined });
    const text = await response.text();
    const latencyMs = Math.round(performance.now() - started);
    const problems: string[] = [];
    if (response.status !== check.status) problems.push(`status ${response.status}, expected ${check.status}`);
    if (check.bodyContains !== undefined && !text.includes(check.bodyContains)) problems.push(`body lacks ${JSON.stringify(check.bodyContains)}`);
    if (check.maxLatency !== undefined && latencyMs > check.maxLatency) problems.push(`latency ${latencyMs} ms above ${check.maxLatency} ms`);
    return { name, url, ok: problems.length === 0, status: response.status, latencyMs, attempts: 1, critical, ...(problems.length ? { error: problems.join('; ') } : {}) };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    const timedOut = timeout.aborted && !(signal?.aborted ?? false);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ? `${cause.code} (${url} not reachable)` : cause?.message ?? (error as Error).message;
    return { name, url, ok: false, latencyMs, attempts: 1, critical, error: timedOut ? `no answer within ${check.timeout} ms` : why };
  }
}

export async function probeWithRetries(baseUrl: string, check: HttpCheck, signal?: AbortSignal): Promise<ProbeResult> {
  let last: ProbeResult | undefined;
  for (let attempt = 1; attempt <= check.retries + 1; attempt += 1) {
    last = { ...(await probeOnce(baseUrl, check, signal)), attempts: attempt };
    if (last.ok || signal?.aborted) return last;
    if (attempt <= check.retries) await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 2_000)));
  }
  return last!;
}

export async function runHttpChecks(baseUrl: string, checks: HttpCheck[], signal?: AbortSignal, retries = true): Promise<{ ok: boolean; results: ProbeResult[] }> {
  const results = await Promise.all(checks.map((check) => (retries ? probeWithRetries(baseUrl, check, signal) : probeOnce(baseUrl, check, signal))));
  return { ok: results.every((result) => result.ok || !result.critical), results };
}

/** Seed 002's smoke-tests.json: `{ "tests": [...] }` or a bare array. */
export async function loadSmokeTestFile(file: string): Promise<HttpCheck[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`Cannot read the smoke tests in ${file}.`, { where: file, expected: 'a JSON file like {"tests":[{"name":"home","method":"GET","path":"/","expected_status":200}]}', found: (error as Error).message });
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { tests?: unknown }).tests;
  if (!Array.isArray(list)) throw new ConfigError(`The smoke tests in ${file} are not a list.`, { where: file, expected: '{"tests": [...]} or [...]' });
  return list.map((entry, index) => {
    const test = entry as Record<string, unknown>;
    if (typeof test.path !== 'string') throw new ConfigError(`Smoke test ${index + 1} in ${file} has no path.`, { where: `${file} tests[${index}].path`, expected: 'a path like "/api/status"' });
    const body = test.body === undefined ? undefined : typeof test.body === 'string' ? test.body : JSON.stringify(test.body);
    return {
      name: typeof test.name === 'string' ? test.name : test.path,
      path: test.path,
      method: typeof test.method === 'string' ? test.method.toUpperCase() : 'GET',
      headers: (test.headers as Record<string, string> | undefined) ?? undefined,
      body,
      status: typeof test.expected_status === 'number' ? test.expected_status : 200,
      bodyContains: typeof test.expected_body_contains === 'string' ? test.expected_body_contains : undefined,
      timeout: 5_000,
      retries: 1,
      critical: true,
    };
  });
}
