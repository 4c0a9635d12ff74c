/**
 * Fault #15.1 end to end (the case from the issue): a release that answers 500 only on an endpoint the
 * health checks do not probe, and Prometheus SIGKILLed when the canary analysis starts. Before the fix:
 * exit 0, record `succeeded`, every measurement "ok". Now: the failed queries are misses, the deploy
 * rolls back (exit 3), the previous version serves, the record's trigger is `missing-data` and says
 * why, and the Prometheus measurements are marked failed. With `missingData.action: hold` nothing is
 * rolled back and the record says what to run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, release, servedVersion, startPlatform, type Platform, type Project } from '../deploy/helpers.js';
import { hasPrometheus, reservePrometheusPort, startPrometheus, PROMETHEUS_BINARY, type PrometheusServer } from '../health/prometheus-server.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { killMatching } from './process-tools.js';

if (!hasPrometheus) console.warn(`SKIPPED deploy-prometheus-killed.test.ts: it needs a real Prometheus at ${PROMETHEUS_BINARY}.`);

interface RecordJson {
  status: string;
  reason?: string;
  rollback?: { monitorTrigger?: { kind: string; value: number; threshold: number }; trigger: string; verified?: boolean };
  measurements: Array<{ step: string; name: string; value: unknown; ok: boolean }>;
}

describe.skipIf(!hasPrometheus)('Prometheus killed when the canary analysis starts', () => {
  let project: Project | undefined;
  let platform: Platform | undefined;
  let prometheus: PrometheusServer | undefined;
  let port = 0;

  beforeAll(async () => {
    port = await reservePrometheusPort();
    project = await makeProject((text) =>
      text.replace(/      steps:\n.*\n.*\n/, '      steps:\n        - { weight: 20, pause: 8s }\n').replace(
        '      failureLimit: 2\n',
        ['      failureLimit: 2', '      prometheus:', `        url: http://127.0.0.1:${port}`, '        queries:', '          - name: canary_5xx', "            query: 'sum(http_requests_total{status=\"500\"})'", '            above: 5', '            for: 3s', ''].join('\n'),
      ),
    );
    platform = await startPlatform(project.root);
    await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
    prometheus = await startPrometheus({ port, target: new URL(platform.url).host, metricsPath: '/__color/canary/metrics' });
  }, 60_000);

  afterAll(async () => {
    await prometheus?.stop();
    await platform?.stop();
    await project?.cleanup();
  });

  it('rolls back (exit 3) with a missing-data trigger; no failed query counted as healthy', async () => {
    const root = project!.root;
    await release(root, '1.1.0');
    // Broken only on /api/checkout: /health, /api/status and /api/version stay fine.
    await writeFile(join(root, 'sample-app', 'fault.json'), JSON.stringify({ mode: 'error', paths: ['/api/checkout'] }));
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--amend', '--no-edit');
    git(root, 'tag', '-f', '-a', 'v1.1.0', '-m', 'v1.1.0\n\n- checkout (broken)');
    await passReceipt(root);

    let killed = -1;
    const result = await runDeploy({
      projectRoot: root,
      environment: 'production',
      onProgress: async (event) => {
        if (event.step === 'analysis-1' && killed === -1) killed = await killMatching(PROMETHEUS_BINARY, `127.0.0.1:${port}`);
      },
    });
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(killed).toBe(1);
    const { outcome } = result;
    expect(outcome.status).toBe('rolled_back');
    expect(outcome.exitCode).toBe(3);
    expect(outcome.trigger).toMatch(/^analysis-1: missing-data: Production could not be observed .*prometheus canary_5xx/);
    expect(await servedVersion(platform!.url)).toBe('1.0.0');

    const json = JSON.parse(await readFile(outcome.record.files.json, 'utf8')) as RecordJson;
    expect(json.status).toBe('rolled_back');
    expect(json.rollback?.monitorTrigger).toMatchObject({ kind: 'missing-data', threshold: 3 });
    const queries = json.measurements.filter((m) => m.name === 'prometheus canary_5xx');
    expect(queries.length).toBeGreaterThanOrEqual(3);
    expect(queries.filter((m) => String(m.value).includes('did not answer')).every((m) => m.ok === false)).toBe(true);
    expect(queries.some((m) => m.ok)).toBe(false);
    const md = await readFile(outcome.record.files.markdown, 'utf8');
    expect(md).toContain('missing-data');
  }, 90_000);

  it('with missingData.action: hold, nothing is rolled back and the record says what to run (exit 1)', async () => {
    const root = project!.root;
    const configFile = join(root, 'shipgate.config.yaml');
    await writeFile(configFile, (await readFile(configFile, 'utf8')).replace('      failureLimit: 2\n', '      failureLimit: 2\n      missingData: { after: 2, action: hold }\n'));
    await release(root, '1.1.1');
    await passReceipt(root);
    // Prometheus is dead since the previous test: every query fails from the first tick.
    const result = await runDeploy({ projectRoot: root, environment: 'production' });
    if (result.dryRun) throw new Error('unexpected dry run');
    const { outcome } = result;
    expect(outcome.status).toBe('failed');
    expect(outcome.exitCode).toBe(1);
    const json = JSON.parse(await readFile(outcome.record.files.json, 'utf8')) as RecordJson;
    expect(json.rollback).toBeUndefined();
    expect(json.reason).toContain('monitor.missingData.action is hold: nothing was rolled back');
    expect(json.reason).toContain('shipgate rollback --env production');
    // The canary still runs beside stable at 20%: held, not promoted and not removed.
    const status = await platform!.status();
    expect(status.candidate).toMatchObject({ weight: 20 });
  }, 90_000);
});
