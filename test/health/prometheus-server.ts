/**
 * A real Prometheus (`prometheus` on PATH, or SHIPGATE_PROMETHEUS) for the health and deploy tests: temp config and tsdb, a free
 * port, 1 s scrapes of one target, a readiness wait, and a stop that kills it (through exec/run.ts's
 * abort signal) and removes the temp directory.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { runArgv, type RunResult } from '../../mcp-server/src/exec/run.js';
import { freePort } from './http-fixture.js';

/** `SHIPGATE_PROMETHEUS`, else `prometheus` on PATH (Debian installs /usr/bin/prometheus). */
export const PROMETHEUS_BINARY = process.env.SHIPGATE_PROMETHEUS || findOnPath('prometheus') || 'prometheus';
/**
 * Whether to run the real-Prometheus tests. Missing Prometheus skips them on a developer machine (with a
 * warning); on CI (`CI=true`, where .ci/run installs it) the tests run and fail loudly instead of skipping.
 */
export const hasPrometheus = existsSync(PROMETHEUS_BINARY) || Boolean(process.env.CI);

function findOnPath(name: string): string | undefined {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, name);
    if (folder && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export interface PrometheusServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Reserve the port first (the deploy config must name Prometheus before the scrape target is known). */
export async function reservePrometheusPort(): Promise<number> {
  return freePort();
}

/** Start Prometheus on `port`, scraping `target` (host:port) at `metricsPath` every second. */
export async function startPrometheus(options: { port: number; target: string; metricsPath: string }): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'shipgate-prometheus-'));
  const url = `http://127.0.0.1:${options.port}`;
  await writeFile(
    join(dir, 'prometheus.yml'),
    [
      'global:',
      '  scrape_interval: 1s',
      '  evaluation_interval: 1s',
      'scrape_configs:',
      '  - job_name: app',
      `    metrics_path: ${JSON.stringify(options.metricsPath)}`,
      '    static_configs:',
      `      - targets: [${JSON.stringify(options.target)}]`,
      '',
    ].join('\n'),
  );
  const stop = new AbortController();
  const running: Promise<RunResult> = runArgv(
    PROMETHEUS_BINARY,
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${options.port}`, '--log.level=warn'],
    { cwd: dir, signal: stop.signal, maxOutput: 4_000 },
  );
  const shutdown = async (): Promise<void> => {
    stop.abort();
    await running.catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      const state = await Promise.race([running, Promise.resolve('still running')]);
      await shutdown();
      throw new Error(`Prometheus did not become ready on ${url}: ${JSON.stringify(state)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, port: options.port, stop: shutdown };
}
