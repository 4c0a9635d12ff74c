import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  ConfigError
} from "./chunk-Z6DQB4O2.js";

// mcp-server/src/deploy/health-probe.ts
import { readFile } from "node:fs/promises";
function joinUrl(baseUrl, path) {
  return `${baseUrl.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
async function probeOnce(baseUrl, check, signal) {
  const url = joinUrl(baseUrl, check.path);
  const name = check.name ?? check.path;
  const critical = check.critical ?? true;
  const started = performance.now();
  const timeout = AbortSignal.timeout(check.timeout);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    const response = await fetch(url, { method: check.method ?? "GET", headers: check.headers, body: check.body, signal: combined });
    const text = await response.text();
    const latencyMs = Math.round(performance.now() - started);
    const problems = [];
    if (response.status !== check.status) problems.push(`status ${response.status}, expected ${check.status}`);
    if (check.bodyContains !== void 0 && !text.includes(check.bodyContains)) problems.push(`body lacks ${JSON.stringify(check.bodyContains)}`);
    if (check.maxLatency !== void 0 && latencyMs > check.maxLatency) problems.push(`latency ${latencyMs} ms above ${check.maxLatency} ms`);
    return { name, url, ok: problems.length === 0, status: response.status, latencyMs, attempts: 1, critical, ...problems.length ? { error: problems.join("; ") } : {} };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    const timedOut = timeout.aborted && !(signal?.aborted ?? false);
    const cause = error.cause;
    const why = cause?.code ? `${cause.code} (${url} not reachable)` : cause?.message ?? error.message;
    return { name, url, ok: false, latencyMs, attempts: 1, critical, error: timedOut ? `no answer within ${check.timeout} ms` : why };
  }
}
async function probeWithRetries(baseUrl, check, signal) {
  let last;
  for (let attempt = 1; attempt <= check.retries + 1; attempt += 1) {
    last = { ...await probeOnce(baseUrl, check, signal), attempts: attempt };
    if (last.ok || signal?.aborted) return last;
    if (attempt <= check.retries) await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 2e3)));
  }
  return last;
}
async function runHttpChecks(baseUrl, checks, signal, retries = true) {
  const results = await Promise.all(checks.map((check) => retries ? probeWithRetries(baseUrl, check, signal) : probeOnce(baseUrl, check, signal)));
  return { ok: results.every((result) => result.ok || !result.critical), results };
}
async function loadSmokeTestFile(file) {
  let parsed;
  try {
    parsed = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new ConfigError(`Cannot read the smoke tests in ${file}.`, { where: file, expected: 'a JSON file like {"tests":[{"name":"home","method":"GET","path":"/","expected_status":200}]}', found: error.message });
  }
  const list = Array.isArray(parsed) ? parsed : parsed.tests;
  if (!Array.isArray(list)) throw new ConfigError(`The smoke tests in ${file} are not a list.`, { where: file, expected: '{"tests": [...]} or [...]' });
  return list.map((entry, index) => {
    const test = entry;
    if (typeof test.path !== "string") throw new ConfigError(`Smoke test ${index + 1} in ${file} has no path.`, { where: `${file} tests[${index}].path`, expected: 'a path like "/api/status"' });
    const body = test.body === void 0 ? void 0 : typeof test.body === "string" ? test.body : JSON.stringify(test.body);
    return {
      name: typeof test.name === "string" ? test.name : test.path,
      path: test.path,
      method: typeof test.method === "string" ? test.method.toUpperCase() : "GET",
      headers: test.headers ?? void 0,
      body,
      status: typeof test.expected_status === "number" ? test.expected_status : 200,
      bodyContains: typeof test.expected_body_contains === "string" ? test.expected_body_contains : void 0,
      timeout: 5e3,
      retries: 1,
      critical: true
    };
  });
}

export {
  joinUrl,
  probeOnce,
  probeWithRetries,
  runHttpChecks,
  loadSmokeTestFile
};
