import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthCheckSchema, monitorSchema } from '../../mcp-server/src/config/environment-schema.js';
import { queryPrometheus } from '../../mcp-server/src/health/prometheus.js';
import { runMonitor } from '../../mcp-server/src/health/monitor.js';
import { ConfigError, FailedError } from '../../mcp-server/src/errors.js';
import { freePort, reply, startServer, type TestServer } from './http-fixture.js';
import { hasPrometheus, PROMETHEUS_BINARY, reservePrometheusPort, startPrometheus, type PrometheusServer } from './prometheus-server.js';

if (!hasPrometheus) console.warn(`SKIPPED: the real-Prometheus tests need ${PROMETHEUS_BINARY} (apt-get install prometheus).`);

describe('queryPrometheus errors (fake API server)', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startServer((req, res) => {
      const query = new URL(req.url ?? '/', 'http://x').searchParams.get('query');
      res.setHeader('content-type', 'application/json');
      if (query === 'bad(') return reply(res, 400, JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'parse error at char 5' }));
      if (query === 'many') return reply(res, 200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: { a: '1' }, value: [1, '1'] }, { metric: { a: '2' }, value: [1, '2'] }] } }));
      if (query === 'range') return reply(res, 200, JSON.stringify({ status: 'success', data: { resultType: 'matrix', result: [] } }));
      if (query === 'none') return reply(res, 200, JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }));
      if (query === 'scalar') return reply(res, 200, JSON.stringify({ status: 'success', data: { resultType: 'scalar', result: [1, '0.25'] } }));
      return reply(res, 404, 'not prometheus');
    });
  });
  afterAll(async () => {
    await api.close();
  });

  it('explains each failure', async () => {
    await expect(queryPrometheus({ url: 'not a url', query: 'up' })).rejects.toBeInstanceOf(ConfigError);
    await expect(queryPrometheus({ url: api.url, query: 'bad(' })).rejects.toThrow(/rejected the query "bad\(": bad_data: parse error at char 5/);
    await expect(queryPrometheus({ url: api.url, query: 'many' })).rejects.toThrow(/returned 2 series, expected one value/);
    await expect(queryPrometheus({ url: api.url, query: 'range' })).rejects.toThrow(/returned a matrix result/);
    await expect(queryPrometheus({ url: api.url, query: 'other' })).rejects.toThrow(/HTTP 404/);
    const port = await freePort();
    await expect(queryPrometheus({ url: `http://127.0.0.1:${port}`, query: 'up' })).rejects.toBeInstanceOf(FailedError);
    expect(await queryPrometheus({ url: api.url, query: 'none' })).toMatchObject({ value: null });
    expect(await queryPrometheus({ url: `${api.url}/`, query: 'scalar' })).toMatchObject({ value: 0.25 });
  });
});

describe.skipIf(!hasPrometheus)('monitor against a real Prometheus', () => {
  let app: TestServer;
  let prometheus: PrometheusServer | undefined;
  let prometheusUrl = '';
  let errors = 0;

  beforeAll(async () => {
    app = await startServer((req, res) => {
      if (req.url === '/metrics') {
        res.setHeader('content-type', 'text/plain; version=0.0.4');
        return reply(res, 200, ['# TYPE http_requests_total counter', 'http_requests_total{code="200"} 1000', `http_requests_total{code="500"} ${errors}`, ''].join('\n'));
      }
      return reply(res, 200, 'ok');
    });
    prometheus = await startPrometheus({ port: await reservePrometheusPort(), target: `127.0.0.1:${app.port}`, metricsPath: '/metrics' });
    prometheusUrl = prometheus.url;
    // Wait for the first scrape so queries have data.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const sample = await queryPrometheus({ url: prometheusUrl, query: 'sum(http_requests_total{code="200"})' });
      if (sample.value !== null) break;
      if (Date.now() > deadline) throw new Error('Prometheus never scraped the test app');
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await app?.close();
  });

  const checks = [healthCheckSchema.parse({ path: '/health' })];
  const monitorWith = (above: number, duration = '3s') =>
    monitorSchema.parse({
      duration,
      interval: '250ms',
      prometheus: { url: prometheusUrl, queries: [{ name: 'errors_total', query: 'sum(http_requests_total{code="500"})', above, for: '500ms' }] },
    });

  it('reads a real query value', async () => {
    expect((await queryPrometheus({ url: prometheusUrl, query: 'sum(http_requests_total{code="200"})' })).value).toBe(1000);
  });

  it('a healthy threshold does not roll back', async () => {
    errors = 0;
    const report = await runMonitor({ baseUrl: app.url, checks, monitor: monitorWith(50, '1500ms') });
    expect(report.verdict).toBe('healthy');
    expect(report.ticks.every((t) => t.prometheus?.errors_total === 0)).toBe(true);
  });

  it('a threshold breach held for `for` rolls back', async () => {
    errors = 500;
    // Wait until Prometheus has scraped the new value.
    const deadline = Date.now() + 10_000;
    while ((await queryPrometheus({ url: prometheusUrl, query: 'sum(http_requests_total{code="500"})' })).value !== 500) {
      if (Date.now() > deadline) throw new Error('Prometheus did not scrape the new counter value');
      await new Promise((r) => setTimeout(r, 200));
    }
    const report = await runMonitor({ baseUrl: app.url, checks, monitor: monitorWith(50, '20s') });
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'prometheus', metric: 'errors_total', value: 500, threshold: 50, forMs: 500 });
    expect(report.ticks.length).toBeGreaterThanOrEqual(3);
    expect(report.ticks.every((t) => t.healthy)).toBe(true);
  });
});
