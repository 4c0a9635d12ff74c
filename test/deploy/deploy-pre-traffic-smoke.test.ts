/**
 * Seed 002 in code (#14.3): the pre-deployment smoke tests run on the candidate (preview URL) before any
 * traffic reaches it, and a candidate that fails them never takes traffic; "Recreate: dev/staging only"
 * is refused for production unless the configuration says `allowProduction: true`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, servedVersion, startPlatform, type Platform, type Project } from './helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';

describe('pre-traffic smoke tests on the candidate', () => {
  let project: Project;
  let platform: Platform;

  beforeAll(async () => {
    project = await makeProject((text) => text.replace(/strategy:\n      type: canary\n      steps:\n.*\n.*\n/, 'strategy: { type: blue-green, scaleDownDelay: 1s }\n').replace('duration: 4s', 'duration: 2s'));
    // A smoke test of the home page, which no health check probes.
    const smokeFile = join(project.root, 'sample-app', 'smoke-tests.json');
    const smoke = JSON.parse(await readFile(smokeFile, 'utf8')) as { tests: unknown[] };
    smoke.tests.push({ name: 'home', method: 'GET', path: '/', expected_status: 200, expected_body_contains: 'sample app' });
    await writeFile(smokeFile, `${JSON.stringify(smoke, null, 2)}\n`);
    git(project.root, 'commit', '-qam', 'test: smoke the home page');
    platform = await startPlatform(project.root);
    await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
    await project?.cleanup();
  });

  it('plans the candidate smoke tests after its health checks and before the traffic switch (blue-green and canary)', async () => {
    git(project.root, 'tag', '-a', 'v1.0.1', '-m', 'v1.0.1');
    const blueGreen = await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    const ids = blueGreen.plan.steps.map((s) => s.id);
    expect(ids.slice(0, 4)).toEqual(['deploy-idle', 'health-green', 'smoke-green', 'switch']);
    expect(blueGreen.plan.steps[2]).toMatchObject({ kind: 'smoke', target: 'candidate' });
    const canary = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'canary', dryRun: true });
    expect(canary.plan.steps.map((s) => s.id).slice(0, 4)).toEqual(['deploy-canary', 'health-canary', 'smoke-canary', 'weight-10']);
    git(project.root, 'tag', '-d', 'v1.0.1');
  }, 60_000);

  it('a candidate whose home page fails its smoke test never takes traffic (health checks alone pass it)', async () => {
    await writeFile(join(project.root, 'sample-app', 'package.json'), `${JSON.stringify({ ...JSON.parse(await readFile(join(project.root, 'sample-app', 'package.json'), 'utf8')), version: '1.1.0' }, null, 2)}\n`);
    await writeFile(join(project.root, 'sample-app', 'fault.json'), JSON.stringify({ mode: 'error', paths: ['/'] }));
    git(project.root, 'add', '-A');
    git(project.root, 'commit', '-q', '-m', 'chore(release): 1.1.0');
    git(project.root, 'tag', '-a', 'v1.1.0', '-m', 'v1.1.0');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (result.dryRun) throw new Error('dry');
    expect(result.outcome.status).toBe('failed');
    expect(result.outcome.trigger).toContain('smoke-green');
    const steps = result.outcome.record.steps.map((s) => `${s.id}:${s.status}`);
    expect(steps).toContain('health-green:passed');
    expect(steps).toContain('smoke-green:failed');
    expect(steps).toContain('switch:skipped');
    expect(await servedVersion(platform.url)).toBe('1.0.0');
  }, 120_000);
});

describe('recreate is for dev/staging', () => {
  let project: Project;
  beforeAll(async () => {
    project = await makeProject((text) => `${text}  staging:\n    provider: { type: command, deploy: [node, -e, "0"] }\n    strategy: { type: recreate }\n`, { platform: false });
  }, 60_000);
  afterAll(async () => project?.cleanup());

  it('refuses recreate for production, configured or as a --strategy override, and changes nothing', async () => {
    await expect(runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'recreate', dryRun: true })).rejects.toThrow(/recreate strategy is for dev\/staging/);
    const configFile = join(project.root, 'shipgate.config.yaml');
    const original = await readFile(configFile, 'utf8');
    await writeFile(configFile, original.replace(/strategy:\n      type: canary\n      steps:\n.*\n.*\n/, 'strategy: { type: recreate }\n'));
    const refused = runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    await expect(refused).rejects.toMatchObject({ code: 'config' });
    await writeFile(configFile, original);
    await expect(refused).rejects.toMatchObject({ details: { hint: expect.stringContaining('allowProduction: true') } });
  }, 60_000);

  it('allows recreate for production when the configuration says so, and for staging always', async () => {
    const configFile = join(project.root, 'shipgate.config.yaml');
    const original = await readFile(configFile, 'utf8');
    await writeFile(configFile, original.replace(/strategy:\n      type: canary\n      steps:\n.*\n.*\n/, 'strategy: { type: recreate, allowProduction: true }\n'));
    const allowed = await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    expect(allowed.plan.strategy).toBe('recreate');
    await writeFile(configFile, original);
    const staging = await runDeploy({ projectRoot: project.root, environment: 'staging', dryRun: true });
    expect(staging.plan.strategy).toBe('recreate');
  }, 60_000);
});
