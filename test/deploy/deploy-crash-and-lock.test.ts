/**
 * Crash and concurrency: the CLI (built bundle) is killed with SIGKILL during the canary analysis; the
 * record stays in_progress until the next start marks it aborted, the stale lock is taken over, and
 * the primary slot still serves the previous version. Two deploys at once: the second is refused
 * naming the holder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, release, startPlatform, type Platform, type Project } from './helpers.js';
import { acquireDeployLock } from '../../mcp-server/src/deploy/lock.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { runRollback } from '../../mcp-server/src/deploy/rollback.js';
import { ConflictError } from '../../mcp-server/src/errors.js';
import { readRecords } from '../../mcp-server/src/records/deployment-record.js';

const CLI = resolve(__dirname, '../../mcp-server/dist/cli.js');
let project: Project;
let platform: Platform;

beforeAll(async () => {
  project = await makeProject((text) => text.replace(/pause: 3s/g, 'pause: 20s'));
  platform = await startPlatform(project.root);
  await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
});

afterAll(async () => {
  await platform?.stop();
  await project?.cleanup();
});

describe('a deploy killed during its monitor window', () => {
  it.runIf(existsSync(CLI))('leaves an in-progress record that the next start marks aborted; the previous version still serves', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const child = spawn(process.execPath, [CLI, 'deploy', '--env', 'production'], { cwd: project.root, stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const recordsDir = join(project.root, '.claude', 'processes');
    let analysing = false;
    for (let i = 0; i < 400 && !analysing; i += 1) {
      await new Promise((r) => setTimeout(r, 50));
      const records = await readRecords(recordsDir);
      analysing = records.some((r) => r.steps.some((s) => s.id === 'analysis-1' && s.status === 'running'));
    }
    expect(analysing).toBe(true);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    const [stuck] = await readRecords(recordsDir);
    expect(stuck?.status).toBe('in_progress');
    // Next start (a dry run is enough) finds the dead pid and marks the record aborted.
    await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    const [aborted] = await readRecords(recordsDir);
    expect(aborted?.status).toBe('aborted');
    expect(aborted?.reason).toContain('ended before the deploy finished');
    expect(await readFile(aborted!.files.markdown, 'utf8')).toContain('ABORTED');
    const status = await platform.status();
    expect(status.live?.version).toBe('1.0.0');
    // The dead process's lock is stale and is taken over.
    const unlock = await acquireDeployLock(project.root, 'production', 'test');
    await unlock();
    expect((await readdir(recordsDir)).filter((n) => n.endsWith('.json'))).toHaveLength(1);
    // The canary the crash left behind still had traffic: an on-demand rollback clears it.
    expect(status.candidate?.color).toBe('canary');
    const rolled = await runRollback({ projectRoot: project.root, environment: 'production', to: '1.0.0', reason: 'deploy crashed during analysis' });
    if ('dryRun' in rolled) throw new Error('dry');
    expect(rolled.status).toBe('succeeded');
    const after = await platform.status();
    expect(after.candidate).toBeNull();
    expect(after.live?.version).toBe('1.0.0');
  });
});

describe('two deploys at once', () => {
  it('refuses the second one, naming the holder', async () => {
    const unlock = await acquireDeployLock(project.root, 'production', 'deploy of v9.9.9');
    try {
      await passReceipt(project.root);
      const error = await runDeploy({ projectRoot: project.root, environment: 'production' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).message).toContain('deploy of v9.9.9');
      expect((error as ConflictError).details.found).toContain(`pid ${process.pid}`);
    } finally {
      await unlock();
    }
  });
});
