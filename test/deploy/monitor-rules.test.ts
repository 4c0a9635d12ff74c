/**
 * Issue #14.1: the gate skill's `<trigger_conditions>` drive the monitor. Precedence per setting: the
 * config's explicit value > the skill's condition > the default, shown in the plan. A skill edit changes
 * the live threshold; seed 001's migration_failure has a command signal that rolls a real deploy back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, release, servedVersion, startPlatform, type Platform, type Project } from './helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { resolveMonitorRules, type SkillCondition } from '../../mcp-server/src/deploy/monitor-rules.js';
import { monitorSchema, healthCheckSchema } from '../../mcp-server/src/config/environment-schema.js';
import { runMonitor } from '../../mcp-server/src/health/monitor.js';
import { reply, startServer } from '../health/http-fixture.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';

const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const condition = (fields: Partial<SkillCondition>): SkillCondition => ({ text: '', position: at, where: 'gate/SKILL.md:7', ...fields });

describe('resolveMonitorRules (config > skill > default)', () => {
  it('the skill sets what the config leaves out; the config wins where it speaks; the rest is default', () => {
    const config = monitorSchema.parse({ maxErrorRate: 0.3, prometheus: { url: 'http://127.0.0.1:9', queries: [{ name: 'q', query: 'x', above: 1 }] } });
    const resolved = resolveMonitorRules(config, new Set(['maxErrorRate', 'prometheus:q.above']), [
      condition({ metric: 'error_rate', above: 0.2, forMs: 60_000 }),
      condition({ metric: 'latency_increase', above: 0.25, forMs: 300_000, where: 'gate/SKILL.md:9' }),
      condition({ metric: 'prometheus:q', above: 7, forMs: 30_000 }),
      condition({ event: 'migration_failure', command: 'test ! -e failed' }),
    ]);
    expect(resolved.monitor).toMatchObject({ maxErrorRate: 0.3, errorRateFor: 60_000, maxLatencyIncrease: 0.25, latencyIncreaseFor: 300_000, healthFailingFor: 300_000 });
    expect(resolved.monitor.prometheus?.queries[0]).toMatchObject({ above: 1, for: 30_000 });
    const bySetting = Object.fromEntries(resolved.rules.map((r) => [r.setting, r]));
    expect(bySetting.maxErrorRate).toMatchObject({ source: 'config', value: '0.3' });
    expect(bySetting.errorRateFor).toMatchObject({ source: 'skill', where: 'gate/SKILL.md:7', value: '1m' });
    expect(bySetting.maxLatencyIncrease).toMatchObject({ source: 'skill', where: 'gate/SKILL.md:9' });
    expect(bySetting.healthFailingFor).toMatchObject({ source: 'default' });
    expect(bySetting['prometheus:q.for']).toMatchObject({ source: 'skill', value: '30s' });
    expect(resolved.signals).toEqual([{ event: 'migration_failure', command: 'test ! -e failed', where: 'gate/SKILL.md:7' }]);
    // The input config is not mutated.
    expect(config.prometheus?.queries[0]?.for).toBe(0);
  });
});

describe('a watched event (seed 001: database migration failures)', () => {
  it('the command signal fires on the tick after it starts failing: trigger kind event', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipgate-signal-'));
    const app = await startServer((_req, res) => reply(res, 200, 'ok'));
    try {
      let ticks = 0;
      const report = await runMonitor({
        baseUrl: app.url,
        checks: [healthCheckSchema.parse({ path: '/health' })],
        monitor: monitorSchema.parse({ duration: '30s', interval: '100ms' }),
        cwd: dir,
        signals: [{ event: 'migration_failure', command: 'test ! -e migration-failed || { echo "migration 042 failed" >&2; exit 3; }' }],
        onTick: () => {
          ticks += 1;
          if (ticks === 2) void writeFile(join(dir, 'migration-failed'), '');
        },
      });
      expect(report.verdict).toBe('rollback');
      expect(report.trigger).toMatchObject({ kind: 'event', metric: 'migration_failure', value: 3 });
      expect(report.trigger!.message).toContain('migration 042 failed');
      expect(report.ticks.length).toBeGreaterThanOrEqual(3);
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the skill drives a real deploy', () => {
  let project: Project;
  let platform: Platform;
  beforeAll(async () => {
    project = await makeProject((text) => text.replace(/pause: 3s/g, 'pause: 2s').replace('duration: 4s', 'duration: 2s'));
    const skill = join(project.root, 'skills', 'release-gate', 'SKILL.md');
    await writeFile(
      skill,
      (await readFile(skill, 'utf8'))
        .replace('metric="error_rate" above="0.05" for="2m"', 'metric="error_rate" above="0.2" for="2m"')
        .replace('</trigger_conditions>', '  <condition event="migration_failure" command="test ! -e $SHIPGATE_PROJECT_ROOT/.platform/migration-failed">Database migration failures</condition>\n  </trigger_conditions>'),
    );
    git(project.root, 'commit', '-qam', 'skill: triggers');
    platform = await startPlatform(project.root);
    await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
  }, 60_000);
  afterAll(async () => {
    await platform?.stop();
    await project?.cleanup();
  });

  it('the plan shows each rule and where it comes from', async () => {
    await release(project.root, '1.1.0');
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    const notice = result.plan.notices.find((n) => n.startsWith('Monitor rules'))!;
    expect(notice).toMatch(/maxErrorRate 0\.2 \(skill skills\/release-gate\/SKILL\.md:\d+\)/);
    expect(notice).toContain('errorRateFor 2m (skill skills/release-gate/SKILL.md');
    expect(notice).toContain('failureLimit 2 (config)');
    expect(notice).toContain('latencyIncreaseFor 5m (default)');
    expect(notice).toContain('watched events: migration_failure: `test ! -e $SHIPGATE_PROJECT_ROOT/.platform/migration-failed` each tick');
  });

  it('a migration failure signalled during the canary analysis rolls the deploy back (exit 3)', async () => {
    await passReceipt(project.root);
    const result = await runDeploy({
      projectRoot: project.root,
      environment: 'production',
      onProgress: async (event) => {
        if (event.step === 'analysis-1') await writeFile(join(project.root, '.platform', 'migration-failed'), '');
      },
    });
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(result.outcome.status).toBe('rolled_back');
    expect(result.outcome.trigger).toMatch(/^analysis-1: event: Event "migration_failure" signalled/);
    expect(result.outcome.record.rollback?.monitorTrigger).toMatchObject({ kind: 'event', metric: 'migration_failure' });
    expect(await servedVersion(platform.url)).toBe('1.0.0');
  }, 90_000);
});
