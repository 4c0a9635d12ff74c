/**
 * Fault #15 "health endpoint returning 200 with an error body": a real HTTP server answers 200 while
 * its JSON body says it is down. That is never healthy: the health check fails (naming what the body
 * said), and the monitor counts the tick as failing and rolls back. Bodies that say nothing about health,
 * or say it is up, keep passing; a configured `json:` expectation is the explicit word and replaces the rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthCheckSchema, monitorSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runHealthChecks, selfReportedUnhealthy } from '../../mcp-server/src/health/run-health-checks.js';
import { runMonitor } from '../../mcp-server/src/health/monitor.js';
import { reply, startServer, type TestServer } from '../health/http-fixture.js';

let server: TestServer;
/** Path → the body answered with 200. */
const BODIES: Record<string, string> = {
  '/actuator': '{"status":"DOWN","components":{"db":{"status":"DOWN"}}}',
  '/flag': '{"healthy": false, "checks": []}',
  '/ok-false': '{"ok":false,"error":"database unreachable"}',
  '/state': '{"state":"Unhealthy"}',
  '/up': '{"status":"UP"}',
  '/plain': 'ok',
  '/garbage': '{"status": "DOWN"',
  '/nested-only': '{"db":{"status":"down"}}',
};
beforeAll(async () => {
  server = await startServer((req, res) => reply(res, 200, BODIES[req.url ?? ''] ?? 'not found'));
});
afterAll(async () => {
  await server?.close();
});

const check = (path: string, extra: Record<string, unknown> = {}) => healthCheckSchema.parse({ path, timeout: '2s', retries: 0, ...extra });

describe('a 200 whose body says the service is down', () => {
  it('fails the health check, saying what the body reported', async () => {
    const report = await runHealthChecks({ baseUrl: server.url, checks: ['/actuator', '/flag', '/ok-false', '/state'].map((p) => check(p)), retryDelayMs: 0 });
    expect(report.ok).toBe(false);
    expect(report.results.map((r) => [r.name, r.ok, r.error])).toEqual([
      ['/actuator', false, 'status 200, but the body reports status = "DOWN"'],
      ['/flag', false, 'status 200, but the body reports healthy = false'],
      ['/ok-false', false, 'status 200, but the body reports ok = false'],
      ['/state', false, 'status 200, but the body reports state = "Unhealthy"'],
    ]);
  });

  it('bodies that say up, or nothing about health (text, broken JSON, nested only), pass on their status', async () => {
    const report = await runHealthChecks({ baseUrl: server.url, checks: ['/up', '/plain', '/garbage', '/nested-only'].map((p) => check(p)), retryDelayMs: 0 });
    expect(report.results.map((r) => [r.name, r.ok])).toEqual([['/up', true], ['/plain', true], ['/garbage', true], ['/nested-only', true]]);
  });

  it('a configured json: expectation is the explicit word on the body', async () => {
    const report = await runHealthChecks({ baseUrl: server.url, checks: [check('/actuator', { json: { status: 'DOWN' } })], retryDelayMs: 0 });
    expect(report.ok).toBe(true);
  });

  it('the monitor counts such ticks as failing and rolls back', async () => {
    const report = await runMonitor({ baseUrl: server.url, checks: [check('/actuator')], monitor: monitorSchema.parse({ duration: '20s', interval: '100ms', failureLimit: 3 }) });
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'failure-limit', value: 3 });
    expect(report.trigger!.message).toContain('the body reports status = "DOWN"');
  }, 30_000);

  it('selfReportedUnhealthy reads only a JSON object\'s top level', () => {
    expect(selfReportedUnhealthy('{"status":"fail"}')).toBe('status = "fail"');
    expect(selfReportedUnhealthy('[{"status":"down"}]')).toBeUndefined();
    expect(selfReportedUnhealthy('{"status":"ok"}')).toBeUndefined();
    expect(selfReportedUnhealthy('DOWN')).toBeUndefined();
  });
});
