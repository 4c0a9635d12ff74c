/**
 * production-promotion's gate (seed 003) reads the staging approval and the rollback gate from
 * state.yaml and needs a git remote and a configuration. A temp repository with a bare remote passes it;
 * without the approval the promotion is blocked before anything changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArgv } from '../../mcp-server/src/exec/run.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { PLUGIN_ROOT } from './plugin-files.js';

let base: string;
let project: string;

async function git(cwd: string, ...args: string[]): Promise<void> {
  const result = await runArgv('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, timeoutMs: 20_000 });
  expect(result.exitCode, result.stderr).toBe(0);
}

async function setUp(stagingStatus: string): Promise<void> {
  project = join(base, 'app');
  await mkdir(join(project, 'specs', '007-search'), { recursive: true });
  await writeFile(join(project, 'shipgate.config.yaml'), 'environments:\n  production:\n    gates: [production-promotion]\n    provider: { type: git-push, remote: origin, branch: production }\n');
  await writeFile(join(project, 'specs', '007-search', 'state.yaml'), `current_phase: ship-prod\nmanual_gates:\n  staging_validation:\n    status: ${stagingStatus}\nquality_gates:\n  rollback:\n    status: passed\n`);
  await git(base, 'init', '-q', '--bare', 'remote.git');
  await git(project, 'init', '-q', '-b', 'main');
  await git(project, 'remote', 'add', 'origin', join(base, 'remote.git'));
  await git(project, 'add', '-A');
  await git(project, 'commit', '-q', '-m', 'feat: search');
}

const run = () => runGate({ projectRoot: project, environment: 'production', env: { ...process.env, CLAUDE_PLUGIN_ROOT: PLUGIN_ROOT } });

describe('the production-promotion gate', () => {
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'shipgate-promotion-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('passes with staging approved, the rollback gate passed, a remote and a configuration', async () => {
    await setUp('approved');
    const result = await run();
    expect(result.checks.map((c) => [c.id, c.status])).toEqual([
      ['staging_validation_approved', 'passed'],
      ['rollback_gate_passed', 'passed'],
      ['git_remote_configured', 'passed'],
      ['production_config_exists', 'passed'],
    ]);
    expect(result.ok).toBe(true);
  }, 60_000);

  it('blocks when the staging validation is still pending', async () => {
    await setUp('pending');
    const result = await run();
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toEqual(['staging_validation_approved']);
    expect(result.checks[0]?.message).toMatch(/pending/);
  }, 60_000);
});
