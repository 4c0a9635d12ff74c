/**
 * Issue #14.5: seed 001's "logs show no errors" (a log command in the monitor: error lines roll back, a
 * failing log command is missing data) and "enhanced monitoring for the first hour after a rollback"
 * (environment rollback.watch: the restored release is watched, and what the watch saw is recorded).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { healthCheckSchema, monitorSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runMonitor } from '../../mcp-server/src/health/monitor.js';
import { reply, startServer, type TestServer } from './http-fixture.js';
import { bootstrap, git, makeProject, passReceipt, release, startPlatform, type Platform, type Project } from '../deploy/helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';

let app: TestServer;
let dir = '';
beforeAll(async () => {
  app = await startServer((_req, res) => reply(res, 200, 'ok'));
  dir = await mkdtemp(join(tmpdir(), 'shipgate-logs-'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const checks = [healthCheckSchema.parse({ path: '/health' })];

describe('monitor.logs', () => {
  it('error lines in the log command output roll back; quiet logs pass', async () => {
    await writeFile(join(dir, 'app.log'), 'GET /health 200\nGET /api 200\n');
    let ticks = 0;
    const report = await runMonitor({
      baseUrl: app.url,
      checks,
      cwd: dir,
      monitor: monitorSchema.parse({ duration: '30s', interval: '100ms', logs: { command: 'tail -n 50 app.log' } }),
      onTick: () => {
        ticks += 1;
        if (ticks === 2) void writeFile(join(dir, 'app.log'), 'GET /health 200\nERROR checkout: connection refused\n');
      },
    });
    expect(report.verdict).toBe('rollback');
    expect(report.trigger).toMatchObject({ kind: 'logs', metric: 'log_errors', value: 1, threshold: 0 });
    expect(report.trigger!.message).toContain('ERROR checkout: connection refused');
    expect(report.ticks.length).toBeGreaterThanOrEqual(3);
  });

  it('a log command that fails is a miss, never a healthy tick', async () => {
    const report = await runMonitor({
      baseUrl: app.url,
      checks,
      cwd: dir,
      monitor: monitorSchema.parse({ duration: '30s', interval: '100ms', logs: { command: 'cat no-such.log' }, missingData: { after: 2 } }),
    });
    expect(report.trigger).toMatchObject({ kind: 'missing-data', value: 2 });
    expect(report.trigger!.message).toContain('logs (log command exited 1)');
  });
});

describe('rollback.watch after an automatic rollback', () => {
  let project: Project;
  let platform: Platform;
  beforeAll(async () => {
    project = await makeProject((text) => text.replace('    rollback:\n      automatic: true\n', '    rollback:\n      automatic: true\n      watch: 2s\n'));
    platform = await startPlatform(project.root);
    await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
  }, 60_000);
  afterAll(async () => {
    await platform?.stop();
    await project?.cleanup();
  });

  it('the restored release is watched for rollback.watch and the record says what the watch saw', async () => {
    await release(project.root, '1.1.0', 'error');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'rolling' });
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(result.outcome.status).toBe('rolled_back');
    const watch = result.outcome.record.rollback?.watch;
    expect(watch).toMatchObject({ plannedMs: 2_000, verdict: 'healthy' });
    expect(watch!.observedMs).toBeGreaterThanOrEqual(2_000);
    expect(result.outcome.record.measurements.some((m) => m.step === 'rollback-watch')).toBe(true);
    expect(await readFile(result.outcome.record.files.markdown, 'utf8')).toContain('**Watched after the rollback:**');
  }, 90_000);
});
