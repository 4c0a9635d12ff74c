/**
 * End to end with the local platform: the sample app's real HTTP servers, a real git repository, the
 * command provider. A good canary goes out; a bad one (answers 500s) is rolled back on its own with
 * exit status 3 and a record that says why; a deploy without a receipt changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, release, servedVersion, startPlatform, type Platform, type Project } from './helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

let project: Project;
let platform: Platform;

beforeAll(async () => {
  project = await makeProject((text) => text.replace('duration: 4s', 'duration: 2s').replace(/pause: 3s/g, 'pause: 1s'));
  platform = await startPlatform(project.root);
  await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
  // The config commit moved HEAD; tag it as the 1.0.0 everyone runs.
});

afterAll(async () => {
  await platform?.stop();
  await project?.cleanup();
});

describe('canary through the command provider', () => {
  it('ships a good release: all traffic on it, record succeeded', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const events: string[] = [];
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', onProgress: (e) => void events.push(e.step) });
    expect(result.dryRun).toBe(false);
    if (result.dryRun) return;
    expect(result.outcome.status).toBe('succeeded');
    expect(result.outcome.exitCode).toBe(0);
    expect(result.plan.previous?.version).toBe('1.0.0');
    expect(events).toContain('weight-20');
    expect(events).toContain('promote');
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    const status = await platform.status();
    expect(status.candidate).toBeNull();
    const json = JSON.parse(await readFile(result.outcome.record.files.json, 'utf8'));
    expect(json.status).toBe('succeeded');
    expect(json.receipt.checks[0].id).toBe('app_tests_pass');
    expect(json.changelogExcerpt).toContain('release 1.1.0');
    const md = await readFile(result.outcome.record.files.markdown, 'utf8');
    expect(md).toContain('```mermaid');
    expect(md).toContain('SUCCEEDED');
    expect(result.outcome.record.files.markdown).toMatch(/\.claude\/processes\/deployment-v1\.1\.0-\d{4}-\d{2}-\d{2}\.md$/);
  });

  it('rolls a bad release (500s) back on its own: exit 3, previous version serving, incident in the record', async () => {
    await release(project.root, '1.2.0', 'error');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(result.outcome.status).toBe('rolled_back');
    expect(result.outcome.exitCode).toBe(3);
    expect(result.outcome.trigger).toMatch(/health-canary|analysis|status 500/);
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    expect((await platform.status()).candidate).toBeNull();
    const json = JSON.parse(await readFile(result.outcome.record.files.json, 'utf8'));
    expect(json.status).toBe('rolled_back');
    expect(json.rollback.verified).toBe(true);
    expect(json.rollback.steps.every((s: { status: string }) => s.status === 'passed')).toBe(true);
    // The gate skill's <rollback_procedure> step ran after the provider's undo.
    expect(json.rollback.steps.map((s: { id: string }) => s.id)).toContain('1');
    const md = await readFile(result.outcome.record.files.markdown, 'utf8');
    expect(md).toContain('Incident report');
    expect(md).toContain('ROLLED BACK');
  });

  it('refuses a deploy without a receipt and changes nothing', async () => {
    await release(project.root, '1.3.0');
    const recordsBefore = await readdir(join(project.root, '.claude', 'processes'));
    await expect(runDeploy({ projectRoot: project.root, environment: 'production' })).rejects.toBeInstanceOf(BlockedError);
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    expect(await readdir(join(project.root, '.claude', 'processes'))).toEqual(recordsBefore);
  });

  it('--dry-run plans every command with its timeout and says the receipt is missing', async () => {
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    if (!result.dryRun) throw new Error('expected a dry run');
    expect(result.plan.receipt).toBe('missing');
    const { formatPlan } = await import('../../mcp-server/src/deploy/plan-deploy.js');
    const text = formatPlan(result.plan);
    expect(text).toContain('$ node platform/ctl.mjs deploy canary');
    expect(text).toContain('$ node platform/ctl.mjs weight canary 20');
    expect(text).toMatch(/timeout \d/);
    expect(text).toContain('MISSING');
    expect(await servedVersion(platform.url)).toBe('1.1.0');
  });
});
