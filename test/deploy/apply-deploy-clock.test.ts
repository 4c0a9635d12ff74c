/**
 * applyDeploy through its step registry with an injected fake clock: a canary with 10-minute pauses and
 * a 30-minute monitor window runs in well under a few seconds of real time, against a real HTTP server
 * and the real command provider, and every time in the record comes from the injected clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environmentSchema } from '../../mcp-server/src/config/environment-schema.js';
import { applyDeploy } from '../../mcp-server/src/deploy/apply-deploy.js';
import { planDeploy } from '../../mcp-server/src/deploy/plan-deploy.js';
import { createProvider, providerTimeoutMs } from '../../mcp-server/src/deploy/providers/index.js';
import { stepRunnerKind } from '../../mcp-server/src/deploy/steps/index.js';
import { newRecord } from '../../mcp-server/src/records/deployment-record.js';
import { reply, startServer, type TestServer } from '../health/http-fixture.js';
import { fakeClock } from '../helpers/fake-clock.js';

let server: TestServer;
let healthStatus = 200;
let dir: string;

beforeAll(async () => {
  server = await startServer((_req, res) => reply(res, healthStatus, 'ok'));
  dir = await mkdtemp(join(tmpdir(), 'shipgate-apply-clock-'));
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

function setUp(name: string) {
  const environment = environmentSchema.parse({
    url: server.url,
    previewUrl: server.url,
    provider: { type: 'command', deploy: [process.execPath, '-e', ''], traffic: [process.execPath, '-e', ''], promote: [process.execPath, '-e', ''], undo: [process.execPath, '-e', ''] },
    strategy: { type: 'canary', steps: [{ weight: 10, pause: '10m' }, { weight: 50, pause: '10m' }] },
    health: { checks: [{ path: '/health', timeout: '2s' }] },
    monitor: { duration: '30m', interval: '1m', failureLimit: 2 },
  });
  const provider = createProvider(environment.provider);
  const plan = planDeploy({
    environmentName: 'production',
    environment,
    provider,
    providerTimeoutMs: providerTimeoutMs(environment.provider),
    next: { version: '1.1.0', tag: 'v1.1.0', sha: 'b'.repeat(40) },
    previous: { version: '1.0.0', tag: 'v1.0.0', sha: 'a'.repeat(40) },
    liveColor: 'blue',
    receipt: 'valid',
  });
  const clock = fakeClock();
  const record = newRecord({
    id: name,
    kind: 'deploy',
    environment: 'production',
    strategy: plan.strategy,
    provider: plan.provider,
    version: '1.1.0',
    tag: 'v1.1.0',
    commit: 'b'.repeat(40),
    startedAt: clock.now().toISOString(),
    files: { markdown: join(dir, `${name}.md`), json: join(dir, `${name}.json`) },
  });
  return { environment, provider, plan, clock, record };
}

describe('applyDeploy with an injected clock', () => {
  it('runs every kind of step through the registry and waits only on the clock', async () => {
    healthStatus = 200;
    const { environment, provider, plan, clock, record } = setUp('good');
    expect(new Set(plan.steps.map(stepRunnerKind))).toEqual(new Set(['action', 'health', 'monitor']));
    const realStart = Date.now();
    const outcome = await applyDeploy({ projectRoot: dir, plan, environment, provider, providerTimeoutMs: 60_000, record, clock });
    expect(outcome.status).toBe('succeeded');
    // Hours of canary analysis on the fake clock; no real-time waiting (generous bound for a loaded machine).
    const planned = plan.steps.reduce((sum, step) => sum + (step.kind === 'monitor' ? step.durationMs ?? 0 : 0), 0);
    expect(planned).toBeGreaterThanOrEqual(20 * 60_000);
    expect(outcome.monitorPlannedMs).toBe(planned);
    expect(outcome.monitorObservedMs).toBeGreaterThanOrEqual(planned);
    expect(clock.elapsedMs()).toBeGreaterThanOrEqual(planned);
    expect(Date.now() - realStart).toBeLessThan(20_000);
    const json = JSON.parse(await readFile(record.files.json, 'utf8')) as typeof record;
    const times = [...json.steps.flatMap((s) => [s.startedAt!, s.finishedAt!]), ...json.measurements.map((m) => m.at), json.finishedAt!];
    // Every stamp is on the fake clock's timeline, in order of the steps.
    for (const at of times) {
      expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse('2026-03-04T10:00:00Z'));
      expect(Date.parse(at)).toBeLessThanOrEqual(clock.now().getTime());
    }
    const monitorStep = json.steps.find((s) => s.kind === 'monitor')!;
    expect(Date.parse(monitorStep.finishedAt!) - Date.parse(monitorStep.startedAt!)).toBeGreaterThanOrEqual(10 * 60_000);
    expect(json.measurements.some((m) => m.step === monitorStep.id && m.name === 'error rate')).toBe(true);
  });

  it('a failing monitor rolls back on the clock: trigger in the record, undo run', async () => {
    const { environment, provider, plan, clock, record } = setUp('bad');
    healthStatus = 200;
    // The release turns bad once the canary has traffic: the first health step passes, the monitor fails.
    const firstMonitor = plan.steps.findIndex((s) => s.kind === 'monitor');
    const outcome = await applyDeploy({
      projectRoot: dir,
      plan,
      environment,
      provider,
      providerTimeoutMs: 60_000,
      record,
      clock,
      onProgress: (event) => {
        if (event.index === firstMonitor) healthStatus = 500;
      },
    });
    healthStatus = 200;
    expect(outcome.status).toBe('rolled_back');
    expect(outcome.exitCode).toBe(3);
    expect(outcome.record.rollback?.monitorTrigger).toMatchObject({ kind: 'failure-limit', value: 2, threshold: 2 });
    expect(outcome.record.rollback?.steps.length).toBeGreaterThan(0);
    expect(outcome.record.rollback?.steps.every((s) => s.status === 'passed')).toBe(true);
    // Two failing ticks one minute apart on the fake clock.
    expect(clock.elapsedMs()).toBeGreaterThanOrEqual(60_000);
  });
});
