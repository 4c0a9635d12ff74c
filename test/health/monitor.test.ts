import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthCheckSchema, monitorSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runMonitor, type MonitorTick } from '../../mcp-server/src/health/monitor.js';
import { measureBaseline } from '../../mcp-server/src/health/baseline.js';
import { reply, startServer, type TestServer } from './http-fixture.js';

let server: TestServer;
let mode: 'ok' | 'error' | 'slow' = 'ok';
let errorEvery = 0;
let count = 0;

beforeAll(async () => {
  server = await startServer((req, res) => {
    count += 1;
    if (req.url === '/hang') return;
    if (mode === 'error') return reply(res, 500, 'boom');
    if (mode === 'slow') return reply(res, 200, 'ok', 120);
    if (errorEvery > 0 && count % errorEvery === 0) return reply(res, 500, 'sometimes');
    return reply(res, 200, 'ok');
  });
});

afterAll(async () => {
  await server.close();
});

const checks = [healthCheckSchema.parse({ path: '/health', timeout: '2s' })];

describe('runMonitor', () => {
  it('rolls back after failureLimit consecutive failing ticks (100 ms interval)', async () => {
    mode = 'error';
    const seen: MonitorTick[] = [];
    const started = Date.now();
    const report = await runMonitor({
      baseUrl: server.url,
      checks,
      monitor: monitorSchema.parse({ duration: '30s', interval: '100ms', failureLimit: 3 }),
      onTick: (tick) => seen.push(tick),
    });
    expect(report.verdict).toBe('rollback');
    expect(report.completed).toBe(false);
    expect(report.ticks).toHaveLength(3);
    expect(seen).toEqual(report.ticks);
    expect(report.trigger).toMatchObject({ kind: 'failure-limit', metric: 'consecutive_failing_ticks', value: 3, threshold: 3 });
    expect(report.trigger!.message).toContain('/health (expected status 200, got 500)');
    expect(report.ticks.every((t) => !t.healthy && t.errorRate === 1)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(report.observedMs).toBeGreaterThanOrEqual(150);
  });

  it('completes a healthy window', async () => {
    mode = 'ok';
    errorEvery = 0;
    const report = await runMonitor({ baseUrl: server.url, checks, monitor: monitorSchema.parse({ duration: '500ms', interval: '100ms' }) });
    expect(report.verdict).toBe('healthy');
    expect(report.completed).toBe(true);
    expect(report.trigger).toBeUndefined();
    expect(report.ticks.length).toBeGreaterThanOrEqual(4);
    expect(report.ticks.length).toBeLessThanOrEqual(7);
    expect(report.observedMs).toBeGreaterThanOrEqual(500);
    expect(report.ticks.every((t) => t.healthy && t.errorRate === 0)).toBe(true);
  });

  it('rolls back when the error rate stays above maxErrorRate for errorRateFor', async () => {
    mode = 'ok';
    count = 0;
    errorEvery = 2; // every second request fails: 50% error rate, never 3 failures in a row across 2 checks
    const twoChecks = [healthCheckSchema.parse({ path: '/a', critical: false }), healthCheckSchema.parse({ path: '/b', critical: false })];
    const report = await runMonitor({
      baseUrl: server.url,
      checks: twoChecks,
      monitor: monitorSchema.parse({ duration: '10s', interval: '100ms', failureLimit: 100, maxErrorRate: 0.2, errorRateFor: '300ms', healthFailingFor: '1h' }),
    });
    errorEvery = 0;
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'error-rate', metric: 'error_rate', threshold: 0.2, forMs: 300 });
    // Held for 300 ms of tick time (on a loaded machine late ticks cover that in 3 ticks rather than 4).
    const span = Date.parse(report.ticks.at(-1)!.at) - Date.parse(report.ticks[0]!.at);
    expect(report.ticks.length).toBeGreaterThanOrEqual(3);
    expect(span).toBeGreaterThanOrEqual(300);
  });

  it('rolls back when health keeps failing for healthFailingFor', async () => {
    mode = 'error';
    const report = await runMonitor({
      baseUrl: server.url,
      checks,
      monitor: monitorSchema.parse({ duration: '10s', interval: '100ms', failureLimit: 100, errorRateFor: '1h', healthFailingFor: '250ms' }),
    });
    mode = 'ok';
    expect(report.trigger).toMatchObject({ kind: 'health-failing', forMs: 250 });
    expect(report.ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('rolls back on a latency regression against the baseline', async () => {
    mode = 'ok';
    const baseline = await measureBaseline({ baseUrl: server.url, checks, samples: 3, intervalMs: 20 });
    expect(baseline).toMatchObject({ errorRate: 0, samples: 3 });
    expect(baseline.p95LatencyMs).toBeLessThan(100);
    mode = 'slow';
    // The rule needs a sustained breach (latencyIncreaseFor, default 5m as in seed 003): 150 ms here.
    const report = await runMonitor({ baseUrl: server.url, checks, baseline, monitor: monitorSchema.parse({ duration: '10s', interval: '50ms', maxLatencyIncrease: 0.5, latencyIncreaseFor: '150ms' }) });
    mode = 'ok';
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'latency-increase', threshold: 0.5, forMs: 150 });
    expect(report.ticks.length).toBeGreaterThanOrEqual(3);
    expect(report.ticks.every((t) => t.p95LatencyMs >= 100)).toBe(true);
  });

  it('does not roll back on the same latency as the baseline', async () => {
    mode = 'ok';
    const baseline = await measureBaseline({ baseUrl: server.url, checks, samples: 2, intervalMs: 10 });
    // 100 ms floor: a loaded CI machine may add tens of ms of jitter to localhost requests.
    const report = await runMonitor({ baseUrl: server.url, checks, baseline, monitor: monitorSchema.parse({ duration: '400ms', interval: '50ms', minLatencyIncrease: '100ms' }) });
    expect(report.verdict).toBe('healthy');
  });

  it('honours the abort signal promptly, also during a hanging probe', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 150);
    const started = Date.now();
    const report = await runMonitor({
      baseUrl: server.url,
      checks: [healthCheckSchema.parse({ path: '/hang', timeout: '30s' })],
      monitor: monitorSchema.parse({ duration: '30m', interval: '10s' }),
      signal: controller.signal,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report).toMatchObject({ verdict: 'aborted', completed: false });
    expect(report.trigger).toBeUndefined();
  });

  it('honours an abort during the interval sleep', async () => {
    mode = 'ok';
    const controller = new AbortController();
    const started = Date.now();
    const report = await runMonitor({
      baseUrl: server.url,
      checks,
      monitor: monitorSchema.parse({ duration: '30m', interval: '10m' }),
      signal: controller.signal,
      onTick: () => setTimeout(() => controller.abort(), 50),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(report.verdict).toBe('aborted');
    expect(report.ticks).toHaveLength(1);
  });
});
