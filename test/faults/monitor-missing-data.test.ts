/**
 * Fault #15.1 at the monitor: losing sight of production is never "all clear". A real Prometheus is
 * SIGKILLed while the window runs, a real probe target stops answering: the failed queries and the
 * unanswered probes are misses, after `missingData.after` in a row the verdict is rollback (kind
 * `missing-data`, saying what was missing and why), and a window that ends on a miss is not healthy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthCheckSchema, monitorSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runMonitor, type MonitorTick } from '../../mcp-server/src/health/monitor.js';
import { tickMeasurements } from '../../mcp-server/src/records/measurements.js';
import { reply, startServer, type TestServer } from '../health/http-fixture.js';
import { hasPrometheus, reservePrometheusPort, startPrometheus, PROMETHEUS_BINARY, type PrometheusServer } from '../health/prometheus-server.js';
import { killMatching } from './process-tools.js';

if (!hasPrometheus) console.warn(`SKIPPED part of monitor-missing-data.test.ts: it needs a real Prometheus at ${PROMETHEUS_BINARY}.`);

let app: TestServer;
beforeAll(async () => {
  app = await startServer((_req, res) => reply(res, 200, 'ok'));
});
afterAll(async () => {
  await app.close();
});

describe.skipIf(!hasPrometheus)('Prometheus killed during the monitor window', () => {
  let prometheus: PrometheusServer | undefined;
  let port = 0;
  beforeAll(async () => {
    port = await reservePrometheusPort();
    prometheus = await startPrometheus({ port, target: new URL(app.url).host, metricsPath: '/metrics' });
  }, 60_000);
  afterAll(async () => {
    await prometheus?.stop();
  });

  it('rolls back after 3 failed queries in a row, each measurement marked failed, the trigger saying why', async () => {
    const monitor = monitorSchema.parse({
      duration: '60s',
      interval: '200ms',
      prometheus: { url: `http://127.0.0.1:${port}`, queries: [{ name: 'errors', query: 'vector(0)', above: 5 }] },
    });
    const ticks: MonitorTick[] = [];
    let killed = 0;
    const report = await runMonitor({
      baseUrl: app.url,
      checks: [healthCheckSchema.parse({ path: '/health', timeout: '2s' })],
      monitor,
      onTick: (tick) => {
        ticks.push(tick);
        // The first tick saw Prometheus answer; then it dies for real.
        if (ticks.length === 1) void killMatching(PROMETHEUS_BINARY, `127.0.0.1:${port}`).then((n) => (killed = n));
      },
    });
    expect(killed).toBe(1);
    expect(ticks[0]!.prometheus).toEqual({ errors: 0 });
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'missing-data', metric: 'unobserved_ticks', value: 3, threshold: 3 });
    expect(report.trigger!.message).toMatch(/could not be observed for 3 monitor ticks in a row .*prometheus errors \(Prometheus at http:\/\/127\.0\.0\.1:\d+ did not answer/);
    const missed = report.ticks.filter((t) => t.missing);
    expect(missed.length).toBe(3);
    // The health checks were fine all along: only the missing data stopped the deploy.
    expect(report.ticks.every((t) => t.healthy)).toBe(true);
    const rows = missed.flatMap((t) => tickMeasurements('monitor', t, monitor));
    expect(rows.filter((r) => r.name === 'prometheus errors').every((r) => r.ok === false && String(r.value).includes('did not answer'))).toBe(true);
    expect(rows.filter((r) => r.name === 'observed').every((r) => r.ok === false)).toBe(true);
  }, 60_000);
});

describe('a probe target that stops answering', () => {
  it('a non-critical check with no answer is a miss: rollback after `after` ticks, not "healthy"', async () => {
    const dying = await startServer((_req, res) => reply(res, 200, 'ok'));
    const ticks: MonitorTick[] = [];
    const report = await runMonitor({
      baseUrl: app.url,
      checks: [healthCheckSchema.parse({ path: '/health', timeout: '2s' }), healthCheckSchema.parse({ name: 'edge', path: `${dying.url}/ping`, timeout: '1s', critical: false })],
      // Error-rate rules that would never fire within the window: only missing data can stop it.
      monitor: monitorSchema.parse({ duration: '60s', interval: '100ms', errorRateFor: '1h', maxErrorRate: 1, missingData: { after: 2 } }),
      onTick: (tick) => {
        ticks.push(tick);
        if (ticks.length === 2) void dying.close();
      },
    });
    expect(ticks.slice(0, 2).every((t) => !t.missing)).toBe(true);
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'missing-data', value: 2, threshold: 2 });
    expect(report.trigger!.message).toMatch(/edge \((ECONNREFUSED|.*socket|.*closed)/i);
  });

  it('a window that ends on a miss is not healthy, even below the limit', async () => {
    const report = await runMonitor({
      baseUrl: app.url,
      checks: [healthCheckSchema.parse({ name: 'gone', path: 'http://127.0.0.1:9/none', timeout: '500ms', critical: false })],
      monitor: monitorSchema.parse({ duration: '150ms', interval: '100ms', maxErrorRate: 1, errorRateFor: '1h', missingData: { after: 10 } }),
    });
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'missing-data', threshold: 10 });
    expect(report.trigger!.message).toContain('before the window ended');
  });

  it('an empty Prometheus result ("no data yet") is not a miss', async () => {
    const fake = await startServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
    });
    try {
      const report = await runMonitor({
        baseUrl: app.url,
        checks: [healthCheckSchema.parse({ path: '/health' })],
        monitor: monitorSchema.parse({ duration: '250ms', interval: '100ms', prometheus: { url: fake.url, queries: [{ name: 'x', query: 'sum(x)', above: 1 }] } }),
      });
      expect(report.verdict).toBe('healthy');
      expect(report.ticks.every((t) => !t.missing && t.prometheus?.x === null)).toBe(true);
    } finally {
      await fake.close();
    }
  });
});
