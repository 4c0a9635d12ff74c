/**
 * The monitor window against a real HTTP server on 127.0.0.1: healthy runs to the end; consecutive
 * failures hit the failure limit fast (first tick at once); an error rate above the limit for its
 * duration triggers even when failures never line up; an abort ends the window as aborted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { watchWindow, type MonitorSettings } from '../../mcp-server/src/deploy/monitor-window.js';

let server: Server;
let url = '';
let answer: () => number = () => 200;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(answer());
    response.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const checks = [{ name: 'health', path: '/health', status: 200, timeout: 1_000, retries: 0 }];
const settings: MonitorSettings = { duration: 1_000, interval: 100, failureLimit: 2, maxErrorRate: 0.05, errorRateFor: 120_000, healthFailingFor: 300_000 };

describe('watchWindow', () => {
  it('healthy: runs the whole window', async () => {
    answer = () => 200;
    const outcome = await watchWindow({ baseUrl: url, checks, monitor: settings, durationMs: 500 });
    expect(outcome.verdict).toBe('healthy');
    expect(outcome.completed).toBe(true);
    expect(outcome.ticks.length).toBeGreaterThanOrEqual(5);
    expect(outcome.observedMs).toBeGreaterThanOrEqual(500);
  });

  it('failure limit 2: rolls back on the second failing tick, about one interval in', async () => {
    answer = () => 500;
    const outcome = await watchWindow({ baseUrl: url, checks, monitor: { ...settings, interval: 300 }, durationMs: 10_000 });
    expect(outcome.verdict).toBe('rollback');
    expect(outcome.trigger).toContain('2 consecutive');
    expect(outcome.ticks).toHaveLength(2);
    expect(outcome.observedMs).toBeLessThan(1_000);
    expect(outcome.completed).toBe(false);
  });

  it('error rate above the limit for its duration triggers though failures alternate', async () => {
    let n = 0;
    answer = () => (n++ % 2 === 0 ? 500 : 200);
    const outcome = await watchWindow({ baseUrl: url, checks, monitor: { ...settings, failureLimit: 5, errorRateFor: 300, maxErrorRate: 0.05 }, durationMs: 5_000 });
    expect(outcome.verdict).toBe('rollback');
    expect(outcome.trigger).toMatch(/error rate 50\.0% above 5\.0%/);
  });

  it('an abort ends the window as aborted', async () => {
    answer = () => 200;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 250);
    const outcome = await watchWindow({ baseUrl: url, checks, monitor: settings, durationMs: 10_000, signal: controller.signal });
    expect(outcome.verdict).toBe('aborted');
    expect(outcome.completed).toBe(false);
  });
});
