/**
 * Fault #15.7: a good canary rolled back on a busy machine (p95 211 ms against an 83 ms baseline). The
 * latency rule needs a sustained breach (`latencyIncreaseFor`) and an absolute floor
 * (`minLatencyIncrease`): isolated slow ticks and small absolute rises never roll back, a regression
 * that holds does. Real HTTP server, real latencies, and real CPU load from busy child processes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { healthCheckSchema, monitorSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runMonitor } from '../../mcp-server/src/health/monitor.js';
import { reply, startServer, type TestServer } from '../health/http-fixture.js';

let server: TestServer;
let delay: () => number = () => 0;
beforeAll(async () => {
  server = await startServer((_req, res) => reply(res, 200, 'ok', delay()));
});
afterAll(async () => {
  await server.close();
});

const checks = [healthCheckSchema.parse({ path: '/health', timeout: '5s' })];
const baseline = { errorRate: 0, p95LatencyMs: 20, samples: 5 };

describe('the latency rule under load noise', () => {
  it('slow ticks that come and go (every other request 250 ms) never hold the breach: healthy', async () => {
    let n = 0;
    delay = () => (++n % 2 === 0 ? 250 : 0);
    const report = await runMonitor({ baseUrl: server.url, checks, baseline, monitor: monitorSchema.parse({ duration: '2s', interval: '100ms', latencyIncreaseFor: '600ms' }) });
    expect(report.ticks.some((t) => t.p95LatencyMs >= 250)).toBe(true);
    expect(report.verdict).toBe('healthy');
  });

  it('a rise under the absolute floor is no regression, however large in percent', async () => {
    delay = () => 40;
    const report = await runMonitor({ baseUrl: server.url, checks, baseline: { ...baseline, p95LatencyMs: 1 }, monitor: monitorSchema.parse({ duration: '800ms', interval: '100ms', latencyIncreaseFor: 0, minLatencyIncrease: '100ms' }) });
    expect(report.ticks.every((t) => t.p95LatencyMs >= 40)).toBe(true);
    expect(report.verdict).toBe('healthy');
  });

  it('a sustained regression over the floor rolls back once it held for latencyIncreaseFor', async () => {
    delay = () => 200;
    const started = Date.now();
    const report = await runMonitor({ baseUrl: server.url, checks, baseline, monitor: monitorSchema.parse({ duration: '30s', interval: '100ms', latencyIncreaseFor: '700ms' }) });
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'latency-increase', forMs: 700 });
    expect(report.observedMs).toBeGreaterThanOrEqual(700);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('on a machine whose two cores are saturated by busy processes, a good release stays healthy with the defaults', async () => {
    delay = () => 0;
    const burners: ChildProcess[] = [0, 1, 2, 3].map(() => spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
    try {
      const report = await runMonitor({ baseUrl: server.url, checks, baseline: { errorRate: 0, p95LatencyMs: 1, samples: 5 }, monitor: monitorSchema.parse({ duration: '2s', interval: '100ms' }) });
      expect(report.verdict).toBe('healthy');
    } finally {
      for (const b of burners) b.kill('SIGKILL');
    }
  });
});
