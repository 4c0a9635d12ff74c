/**
 * Seed 002's `smoke-tests.json`: a list (or `{ "tests": [...] }`) of requests with the status and body
 * text each must answer, run in order after a deploy. Loading validates every entry with zod and names
 * the entry index and key that is wrong; running never throws for a failing endpoint, it reports it.
 *
 * Good: `[{ "name": "home", "path": "/", "expected_status": 200, "expected_body_contains": "Welcome" }]`.
 * Bad:  `[{ "name": "home", "expected_status": "200" }]` → ConfigError at `smoke-tests.json: [0].path`
 *       (required) and `[0].expected_status` (expected number, received string).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigError, quote } from '../errors.js';
import { joinUrl, probeHttp } from './http-probe.js';

export const smokeTestSchema = z
  .object({
    name: z.string().min(1).optional(),
    description: z.string().optional(),
    method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).default('GET'),
    path: z.string().min(1),
    headers: z.record(z.string()).default({}),
    body: z.union([z.string(), z.record(z.unknown()), z.array(z.unknown())]).optional(),
    expected_status: z.number().int().min(100).max(599).default(200),
    expected_body_contains: z.string().optional(),
    /** Milliseconds for this request (default 10 000). */
    timeout_ms: z.number().int().positive().optional(),
  })
  .strict();

export type SmokeTest = z.output<typeof smokeTestSchema>;

export interface SmokeTestResult {
  name: string;
  method: string;
  url: string;
  expectedStatus: number;
  status?: number;
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface SmokeReport {
  ok: boolean;
  results: SmokeTestResult[];
}

/** Parses the JSON value of a smoke-tests file; `file` only names it in errors. */
export function parseSmokeTests(value: unknown, file: string): SmokeTest[] {
  const wrapped = value !== null && typeof value === 'object' && !Array.isArray(value);
  const result = (wrapped ? z.object({ tests: z.array(smokeTestSchema) }).strict() : z.array(smokeTestSchema)).safeParse(value);
  if (result.success) return Array.isArray(result.data) ? result.data : (result.data as { tests: SmokeTest[] }).tests;
  if (!wrapped && !Array.isArray(value)) {
    throw new ConfigError(`Smoke tests in ${file} must be a JSON array of tests or an object { "tests": [...] }.`, {
      where: file,
      expected: 'an array like [{ "name": "home", "path": "/", "expected_status": 200 }]',
      found: quote(JSON.stringify(value) ?? String(value)),
    });
  }
  const issues = result.error.issues.map((issue) => `${pathOf(issue.path)}: ${issue.message}`);
  const first = result.error.issues[0]!;
  throw new ConfigError(`Invalid smoke tests in ${file}: ${issues.join('; ')}`, {
    where: `${file}: ${pathOf(first.path)}`,
    expected: 'each test as { "name", "method", "path", "headers", "body", "expected_status", "expected_body_contains" }',
    hint: `Fix ${pathOf(first.path)} in ${file}.`,
  });
}

/** `['tests', 2, 'expected_status']` → `tests[2].expected_status`. */
function pathOf(path: Array<string | number>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(root)' : out;
}

export async function loadSmokeTests(file: string): Promise<SmokeTest[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ConfigError(`Cannot read the smoke tests file ${file} (${code}).`, {
      where: file,
      hint: 'Check `health.smokeTests` in shipgate.config.yaml: it is a path relative to the project root.',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new ConfigError(`The smoke tests file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, {
      where: file,
      expected: 'JSON: an array of tests or { "tests": [...] }',
    });
  }
  return parseSmokeTests(value, file);
}

export interface RunSmokeTestsOptions {
  baseUrl: string;
  tests: SmokeTest[];
  signal?: AbortSignal;
  /** Default per-request timeout when a test sets no `timeout_ms` (10 s). */
  timeoutMs?: number;
}

/** Runs the tests in order (later ones may depend on earlier ones); stops early only on abort. */
export async function runSmokeTests(options: RunSmokeTestsOptions): Promise<SmokeReport> {
  const results: SmokeTestResult[] = [];
  for (const test of options.tests) {
    const url = joinUrl(options.baseUrl, test.path);
    const name = test.name ?? `${test.method} ${test.path}`;
    if (options.signal?.aborted) {
      results.push({ name, method: test.method, url, expectedStatus: test.expected_status, ok: false, latencyMs: 0, error: 'aborted before the test could run' });
      continue;
    }
    const headers: Record<string, string> = { ...test.headers };
    let body: string | undefined;
    if (typeof test.body === 'string') body = test.body;
    else if (test.body !== undefined) {
      body = JSON.stringify(test.body);
      if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
    }
    const request: Parameters<typeof probeHttp>[0] = { url, method: test.method, headers, timeoutMs: test.timeout_ms ?? options.timeoutMs ?? 10_000 };
    if (body !== undefined) request.body = body;
    if (options.signal) request.signal = options.signal;
    const probe = await probeHttp(request);
    const result: SmokeTestResult = { name, method: test.method, url, expectedStatus: test.expected_status, ok: false, latencyMs: probe.latencyMs };
    if (probe.status !== undefined) result.status = probe.status;
    if (probe.error !== undefined) result.error = probe.error;
    else if (probe.status !== test.expected_status) result.error = `expected status ${test.expected_status}, got ${probe.status}`;
    else if (test.expected_body_contains !== undefined && !probe.body.includes(test.expected_body_contains)) {
      result.error = `expected the body to contain ${JSON.stringify(test.expected_body_contains)}, got ${JSON.stringify(probe.bodyExcerpt)}`;
    } else result.ok = true;
    results.push(result);
  }
  return { ok: results.every((r) => r.ok), results };
}
