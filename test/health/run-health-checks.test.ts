import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthCheckSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runHealthChecks } from '../../mcp-server/src/health/run-health-checks.js';
import { probeHttp, joinUrl } from '../../mcp-server/src/health/http-probe.js';
import { freePort, reply, startServer, type TestServer } from './http-fixture.js';

let server: TestServer;
let flakyCount = 0;

beforeAll(async () => {
  server = await startServer((req, res) => {
    switch (req.url) {
      case '/health':
        return reply(res, 200, '{"status":"ok","db":"up"}');
      case '/broken':
        return reply(res, 500, 'database down');
      case '/slow':
        return reply(res, 200, 'ok', 300);
      case '/flaky':
        flakyCount += 1;
        return reply(res, flakyCount <= 2 ? 503 : 200, flakyCount <= 2 ? 'warming up' : 'ok');
      case '/hang':
        return; // never answers
      default:
        return reply(res, 404, 'not found');
    }
  });
});

afterAll(async () => {
  await server.close();
});

const check = (input: Record<string, unknown>) => healthCheckSchema.parse(input);

describe('runHealthChecks', () => {
  it('passes a 200 with the expected body, reporting latency and one attempt', async () => {
    const report = await runHealthChecks({ baseUrl: server.url, checks: [check({ path: '/health', bodyContains: '"status":"ok"' })] });
    expect(report.ok).toBe(true);
    expect(report.results[0]).toMatchObject({ name: '/health', url: `${server.url}/health`, expectedStatus: 200, status: 200, ok: true, attempts: 1 });
    expect(report.results[0]!.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('retries a 500 `retries` times, then fails with the status in the error', async () => {
    const before = server.requests.filter((r) => r.url === '/broken').length;
    const report = await runHealthChecks({ baseUrl: server.url, checks: [check({ path: '/broken', retries: 2 })], retryDelayMs: 20 });
    expect(report.ok).toBe(false);
    expect(report.results[0]).toMatchObject({ status: 500, ok: false, attempts: 3, error: 'expected status 200, got 500', bodyExcerpt: 'database down' });
    expect(server.requests.filter((r) => r.url === '/broken').length - before).toBe(3);
  });

  it('succeeds on a later attempt when the service warms up', async () => {
    flakyCount = 0;
    const report = await runHealthChecks({ baseUrl: server.url, checks: [check({ name: 'warmup', path: '/flaky', retries: 2 })], retryDelayMs: 20 });
    expect(report.ok).toBe(true);
    expect(report.results[0]).toMatchObject({ name: 'warmup', ok: true, attempts: 3, status: 200 });
  });

  it('times out a hanging endpoint', async () => {
    const started = Date.now();
    const report = await runHealthChecks({ baseUrl: server.url, checks: [check({ path: '/hang', timeout: '200ms', retries: 0 })] });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report.results[0]).toMatchObject({ ok: false, attempts: 1, error: 'timeout after 200 ms' });
    expect(report.results[0]!.status).toBeUndefined();
  });

  it('fails a slow endpoint above maxLatency and a body mismatch', async () => {
    const report = await runHealthChecks({
      baseUrl: server.url,
      checks: [check({ path: '/slow', maxLatency: '100ms', retries: 0 }), check({ path: '/health', bodyContains: 'version', retries: 0 })],
    });
    expect(report.ok).toBe(false);
    expect(report.results[0]!.error).toMatch(/^latency \d+ ms is above maxLatency 100 ms$/);
    expect(report.results[1]!.error).toBe('expected the body to contain "version", got "{\\"status\\":\\"ok\\",\\"db\\":\\"up\\"}"');
  });

  it('a failing non-critical check is reported but does not fail the report', async () => {
    const report = await runHealthChecks({
      baseUrl: server.url,
      checks: [check({ path: '/health' }), check({ path: '/broken', critical: false, retries: 0 })],
    });
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => r.ok)).toEqual([true, false]);
  });

  it('reports a refused connection', async () => {
    const port = await freePort();
    const report = await runHealthChecks({ baseUrl: `http://127.0.0.1:${port}`, checks: [check({ path: '/health', retries: 0 })] });
    expect(report.ok).toBe(false);
    expect(report.results[0]!.error).toMatch(/ECONNREFUSED/);
  });

  it('stops promptly on abort', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const report = await runHealthChecks({ baseUrl: server.url, checks: [check({ path: '/hang', timeout: '10s', retries: 3 })], signal: controller.signal });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report.ok).toBe(false);
    expect(report.results[0]!.error).toBe('aborted');
  });
});

describe('probeHttp and joinUrl', () => {
  it('joins base URLs and paths without doubling slashes', () => {
    expect(joinUrl('http://h:1/', '/health')).toBe('http://h:1/health');
    expect(joinUrl('http://h:1/app', 'status')).toBe('http://h:1/app/status');
    expect(joinUrl('http://h:1', 'https://other/x')).toBe('https://other/x');
  });

  it('reads at most 64 KB of a large body', async () => {
    const big = await startServer((_req, res) => reply(res, 200, 'x'.repeat(300_000)));
    try {
      const probe = await probeHttp({ url: big.url, timeoutMs: 5_000 });
      expect(probe.status).toBe(200);
      expect(probe.body.length).toBe(64 * 1024);
      expect(probe.bodyExcerpt.length).toBeLessThanOrEqual(201);
    } finally {
      await big.close();
    }
  });
});
