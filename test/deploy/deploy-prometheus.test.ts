/**
 * End to end with a REAL Prometheus: the local platform runs the sample app, Prometheus scrapes the
 * canary's own `/metrics` through the router's preview path, and the environment's monitor has a
 * Prometheus query on the canary's 5xx count. The bad release passes every health check and smoke test
 * (its fault is only on /api/checkout), so only the Prometheus rule can catch it: real traffic through
 * the public URL reaches the canary, its 500s show up in Prometheus, the threshold is held for its
 * `for`, and the deploy rolls back: exit 3, the previous version serving, the record naming the
 * prometheus trigger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, servedVersion, startPlatform, type Platform, type Project } from './helpers.js';
import { hasPrometheus, reservePrometheusPort, startPrometheus, PROMETHEUS_BINARY, type PrometheusServer } from '../health/prometheus-server.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { startLoad } from '../../mcp-server/src/deploy/load-loop.js';

if (!hasPrometheus) console.warn(`SKIPPED deploy-prometheus.test.ts: it needs a real Prometheus at ${PROMETHEUS_BINARY} (apt-get install prometheus).`);

const QUERY = 'sum(http_requests_total{status="500"})';

describe.skipIf(!hasPrometheus)('a Prometheus threshold breach during the canary analysis rolls the deploy back', () => {
  let project: Project | undefined;
  let platform: Platform | undefined;
  let prometheus: PrometheusServer | undefined;

  beforeAll(async () => {
    const port = await reservePrometheusPort();
    project = await makeProject((text) =>
      text
        // One long analysis window at 20%: time for scrapes to see the canary's errors.
        .replace(/      steps:\n.*\n.*\n/, '      steps:\n        - { weight: 20, pause: 15s }\n')
        .replace(
          '      failureLimit: 2\n',
          [
            '      failureLimit: 2',
            '      prometheus:',
            `        url: http://127.0.0.1:${port}`,
            '        queries:',
            '          - name: canary_5xx',
            `            query: '${QUERY}'`,
            '            above: 5',
            '            for: 1s',
            '',
          ].join('\n'),
        ),
    );
    platform = await startPlatform(project.root);
    await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
    // The canary's own metrics, through the router's preview path (nothing there until the canary starts).
    prometheus = await startPrometheus({ port, target: new URL(platform.url).host, metricsPath: '/__color/canary/metrics' });
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await platform?.stop();
    await project?.cleanup();
  });

  it('exit 3, 1.0.0 still serving, record says prometheus canary_5xx', async () => {
    const root = project!.root;
    // A release whose new endpoint is broken: /health, /api/status and /api/version stay fine.
    const pkgFile = join(root, 'sample-app', 'package.json');
    const pkg = JSON.parse(await readFile(pkgFile, 'utf8')) as { version: string };
    pkg.version = '1.1.0';
    await writeFile(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
    await writeFile(join(root, 'sample-app', 'fault.json'), JSON.stringify({ mode: 'error', paths: ['/api/checkout'] }));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '-m', 'feat: checkout endpoint');
    git(root, 'tag', '-a', 'v1.1.0', '-m', 'v1.1.0\n\n- checkout endpoint (broken)');
    await passReceipt(root);

    const traffic = startLoad(`${platform!.url}/api/checkout`, 100);
    const started = Date.now();
    let result: Awaited<ReturnType<typeof runDeploy>>;
    try {
      result = await runDeploy({ projectRoot: root, environment: 'production' });
    } finally {
      await traffic.stop();
    }
    if (result.dryRun) throw new Error('unexpected dry run');
    const { outcome } = result;
    expect(outcome.exitCode).toBe(3);
    expect(outcome.status).toBe('rolled_back');
    expect(outcome.trigger).toMatch(/^analysis-1: prometheus: Prometheus query "canary_5xx" = \d+ has been above 5/);
    // Caught by the rule well before the 15 s analysis window ended.
    expect(outcome.monitorCompleted).toBe(false);
    expect(outcome.monitorObservedMs).toBeLessThan(15_000);
    expect(Date.now() - started).toBeLessThan(30_000);

    expect(await servedVersion(platform!.url)).toBe('1.0.0');
    expect((await platform!.status()).candidate).toBeNull();

    const json = JSON.parse(await readFile(outcome.record.files.json, 'utf8'));
    expect(json.status).toBe('rolled_back');
    expect(json.rollback.monitorTrigger).toMatchObject({ kind: 'prometheus', metric: 'canary_5xx', threshold: 5, forMs: 1_000 });
    expect(json.rollback.monitorTrigger.value).toBeGreaterThan(5);
    expect(json.rollback.verified).toBe(true);
    // Health checks alone saw nothing wrong: every health measurement of the canary passed.
    const canaryHealth = json.measurements.filter((m: { step: string }) => m.step === 'health-canary');
    expect(canaryHealth.length).toBeGreaterThan(0);
    expect(canaryHealth.every((m: { ok: boolean }) => m.ok)).toBe(true);
    const promTicks = json.measurements.filter((m: { name: string }) => m.name === 'prometheus canary_5xx');
    expect(promTicks.some((m: { ok: boolean }) => !m.ok)).toBe(true);
    // The baseline was taken against production before the deploy.
    expect(json.baseline).toMatchObject({ errorRate: 0, url: platform!.url });
    const md = await readFile(outcome.record.files.markdown, 'utf8');
    expect(md).toContain('**Monitor rule:** prometheus (canary_5xx');
  }, 60_000);
});
