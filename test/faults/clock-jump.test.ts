/**
 * Fault #15 "clock jumps": the wall clock is stepped while a monitor window runs (NTP, a resumed VM, a
 * hand-set date). Real HTTP servers, real sleeps, the system clock's monotonic source; only the wall
 * clock is stepped (a test must not set the machine's date). A step forward must not end the window
 * early as "healthy", a step back must not stall the watch or stop a breach from holding.
 */
import { describe, expect, it, afterAll, beforeAll } from 'vitest';
import { healthCheckSchema, monitorSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runMonitor, type MonitorTick } from '../../mcp-server/src/health/monitor.js';
import { systemClock, type Clock } from '../../mcp-server/src/util/clock.js';
import { reply, startServer, type TestServer } from '../health/http-fixture.js';

const HOUR = 3_600_000;

/** The system clock whose wall time is stepped by `step` ms once `after` ticks have been seen. */
function steppedClock(step: number): { clock: Clock; stepNow(): void } {
  let offset = 0;
  return {
    clock: { now: () => new Date(Date.now() + offset), sleep: systemClock.sleep, elapsed: systemClock.elapsed! },
    stepNow: () => void (offset += step),
  };
}

let good: TestServer;
let bad: TestServer;
beforeAll(async () => {
  good = await startServer((_req, res) => reply(res, 200, 'ok'));
  bad = await startServer((_req, res) => reply(res, 500, 'broken'));
});
afterAll(async () => {
  await good?.close();
  await bad?.close();
});

const checks = [healthCheckSchema.parse({ path: '/health', timeout: '2s' })];

describe('the wall clock stepped during the monitor window', () => {
  it('a step forward of an hour after the first tick does not end a 1.2 s window: it is watched to its end', async () => {
    const { clock, stepNow } = steppedClock(HOUR);
    const ticks: MonitorTick[] = [];
    const started = performance.now();
    const report = await runMonitor({
      baseUrl: good.url,
      checks,
      monitor: monitorSchema.parse({ duration: '1200ms', interval: '200ms' }),
      clock,
      onTick: (tick) => {
        ticks.push(tick);
        if (ticks.length === 1) stepNow();
      },
    });
    const watchedMs = performance.now() - started;
    expect(report.verdict).toBe('healthy');
    expect(watchedMs).toBeGreaterThanOrEqual(1_150);
    expect(report.ticks.length).toBeGreaterThanOrEqual(5); // ~7 on an idle machine; a loaded one may stretch ticks
    expect(report.observedMs).toBeGreaterThanOrEqual(1_150);
    expect(report.observedMs).toBeLessThan(HOUR / 2);
    // Timestamps stay wall-clock time: the record shows the step.
    expect(Date.parse(ticks.at(-1)!.at) - Date.parse(ticks[0]!.at)).toBeGreaterThan(HOUR - 60_000);
  }, 30_000);

  it('a step back of an hour: a failing release still rolls back on its breach, and the watch never sleeps an hour', async () => {
    const { clock, stepNow } = steppedClock(-HOUR);
    let ticks = 0;
    const started = performance.now();
    const report = await runMonitor({
      baseUrl: bad.url,
      checks,
      // failureLimit out of reach: the time-based rule (error rate above 5% for 600 ms) must fire.
      monitor: monitorSchema.parse({ duration: '30s', interval: '150ms', failureLimit: 1000, errorRateFor: '600ms', healthFailingFor: '10m' }),
      clock,
      onTick: () => {
        ticks += 1;
        if (ticks === 2) stepNow();
      },
    });
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'error-rate', forMs: 600 });
    expect(performance.now() - started).toBeLessThan(15_000);
  }, 30_000);
});
