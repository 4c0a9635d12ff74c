/**
 * Fault #15.10: a deploy SIGKILLed mid-canary leaves production serving two versions. The next command
 * that touches the environment: a dry run says exactly what to run (and changes nothing); a real deploy
 * first restores the last good release with full traffic (canary removed), records that on the aborted
 * record, then deploys. The built CLI is the process that gets killed (a real SIGKILL, mid-analysis).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, release, servedVersion, startPlatform, type Platform, type Project } from '../deploy/helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { readRecords, type DeploymentRecord } from '../../mcp-server/src/records/deployment-record.js';

const CLI = resolve(__dirname, '../../mcp-server/dist/cli.js');
let project: Project;
let platform: Platform;
let recordsDir = '';

beforeAll(async () => {
  project = await makeProject((text) => text.replace(/pause: 3s/g, 'pause: 30s').replace('duration: 4s', 'duration: 1s'));
  recordsDir = join(project.root, '.claude', 'processes');
  platform = await startPlatform(project.root);
  await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await project?.cleanup();
});

describe.runIf(existsSync(CLI))('a deploy killed mid-canary', () => {
  let aborted: DeploymentRecord | undefined;

  it('SIGKILL during the analysis at 20%: two versions serve', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const child = spawn(process.execPath, [CLI, 'deploy', '--env', 'production'], { cwd: project.root, stdio: 'ignore', env: { ...process.env, CI: '1' } });
    let analysing = false;
    for (let i = 0; i < 600 && !analysing; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      analysing = (await readRecords(recordsDir)).some((r) => r.steps.some((s) => s.id === 'analysis-1' && s.status === 'running'));
    }
    expect(analysing).toBe(true);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const status = await platform.status();
    expect(status.candidate).toMatchObject({ color: 'canary', weight: 20 });
  }, 60_000);

  it('a dry run names the aborted deploy and the exact command, and changes nothing', async () => {
    await release(project.root, '1.2.0');
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    const notice = result.plan.notices.find((n) => n.includes('was aborted'));
    expect(notice).toContain('shipgate rollback --env production --to 1.0.0 --reason');
    [aborted] = await readRecords(recordsDir);
    expect(aborted?.status).toBe('aborted');
    expect(aborted?.recovery).toBeUndefined();
    expect((await platform.status()).candidate).toMatchObject({ color: 'canary', weight: 20 });
  });

  it('the next deploy restores 1.0.0 with full traffic first, the aborted record says so, then ships 1.2.0', async () => {
    await passReceipt(project.root);
    const seen: string[] = [];
    const result = await runDeploy({
      projectRoot: project.root,
      environment: 'production',
      strategy: 'rolling',
      onProgress: async (event) => {
        // Before the new release's first step runs, the old canary is gone and 1.0.0 takes all traffic.
        if (seen.length === 0) seen.push(`${JSON.stringify((await platform.status()).candidate)} ${await servedVersion(platform.url)}`);
      },
    });
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(seen[0]).toBe('null 1.0.0');
    expect(result.plan.previous?.version).toBe('1.0.0');
    expect(result.outcome.status).toBe('succeeded');
    expect(await servedVersion(platform.url)).toBe('1.2.0');

    const after = (await readRecords(recordsDir)).find((r) => r.id === aborted!.id)!;
    expect(after.recovery).toMatchObject({ status: 'restored', detail: 'restored v1.0.0 with full traffic before the next deploy' });
    expect(after.recovery?.rollbackRecord).toMatch(/deployment-rollback-v1\.0\.0-.*\.md$/);
    expect(await readFile(after.files.markdown, 'utf8')).toContain('| recovery | restored: restored v1.0.0 with full traffic');
    const rollbackJson = JSON.parse(await readFile(after.recovery!.rollbackRecord!.replace(/\.md$/, '.json'), 'utf8')) as { kind: string; status: string; reason: string };
    expect(rollbackJson).toMatchObject({ kind: 'rollback', status: 'succeeded' });
    expect(rollbackJson.reason).toContain(`after the aborted deploy ${aborted!.id}`);
  }, 90_000);
});
