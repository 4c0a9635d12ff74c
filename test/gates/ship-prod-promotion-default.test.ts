/**
 * #14.2: `/ship-prod` checks the staging approval out of the box. A production environment that lists
 * no gates runs production-gate AND production-promotion, so `staging_validation.status: pending`
 * blocks the gate; `version_bump` (run-bump) refuses before it writes a commit or a tag; a staging
 * environment keeps production-gate alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArgv } from '../../mcp-server/src/exec/run.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';
import { gateSettings } from '../../mcp-server/src/gates/gate-settings.js';
import { loadConfig } from '../../mcp-server/src/config/load-config.js';
import { renderStarterConfig } from '../../mcp-server/src/config/init-config.js';
import { PLUGIN_ROOT } from '../plugin/plugin-files.js';

let base: string;
let project: string;
const env = { ...process.env, CLAUDE_PLUGIN_ROOT: PLUGIN_ROOT };

async function git(cwd: string, ...args: string[]): Promise<string> {
  const result = await runArgv('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd, timeoutMs: 20_000 });
  expect(result.exitCode, result.stderr).toBe(0);
  return result.stdout.trim();
}

async function setUp(stagingStatus: string): Promise<void> {
  project = join(base, 'app');
  await mkdir(join(project, 'specs', '007-search'), { recursive: true });
  await writeFile(join(project, 'package.json'), `${JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'node -e "0"' } }, null, 2)}\n`);
  await writeFile(join(project, 'shipgate.config.yaml'), 'environments:\n  production:\n    provider: { type: git-push, remote: origin, branch: production }\n  staging:\n    provider: { type: git-push, remote: origin, branch: staging }\n');
  await writeFile(join(project, 'specs', '007-search', 'state.yaml'), `current_phase: ship-prod\nmanual_gates:\n  staging_validation:\n    status: ${stagingStatus}\nquality_gates:\n  rollback:\n    status: passed\n`);
  await git(base, 'init', '-q', '--bare', 'remote.git');
  await git(project, 'init', '-q', '-b', 'main');
  await git(project, 'remote', 'add', 'origin', join(base, 'remote.git'));
  await git(project, 'add', '-A');
  await git(project, 'commit', '-q', '-m', 'feat: search');
  await git(project, 'push', '-q', '-u', 'origin', 'main');
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'shipgate-ship-prod-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('/ship-prod checks the staging approval out of the box', () => {
  it('production with no gates listed runs production-gate and production-promotion; staging runs production-gate only', async () => {
    await setUp('approved');
    const loaded = await loadConfig(project);
    expect(gateSettings(loaded, 'production').gates).toEqual(['production-gate', 'production-promotion']);
    expect(gateSettings(loaded, 'staging').gates).toEqual(['production-gate']);
  }, 60_000);

  it('the gate blocks on staging_validation.status: pending and issues no receipt', async () => {
    await setUp('pending');
    const result = await runGate({ projectRoot: project, environment: 'production', all: true, env });
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toContain('staging_validation_approved');
    expect(result.checks.find((c) => c.id === 'staging_validation_approved')?.message).toMatch(/"pending", expected "approved"/);
    expect(result.checks.find((c) => c.id === 'git_remote_configured')?.status).toBe('passed');
    expect(result.checks.find((c) => c.id === 'production_config_exists')?.status).toBe('passed');
    expect(result.receipt).toBeUndefined();
  }, 60_000);

  it('version_bump refuses before writing a commit or a tag while staging is pending (dry run lists it)', async () => {
    await setUp('pending');
    const head = await git(project, 'rev-parse', 'HEAD');
    const dry = await runBump(project, { bump: 'auto', dryRun: true, now: new Date(), env, skipLearnings: true });
    expect(dry.ok).toBe(false);
    expect(dry.plan.refusals.map((r) => r.id)).toContain('promotion-prerequisite');
    expect(dry.plan.refusals.find((r) => r.id === 'promotion-prerequisite')?.message).toMatch(/staging_validation_approved .*pending/);
    await expect(runBump(project, { bump: 'auto', dryRun: false, now: new Date(), env, skipLearnings: true })).rejects.toThrow(/staging_validation_approved/);
    expect(await git(project, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(project, 'tag', '--list')).toBe('');
  }, 60_000);

  it('version_bump releases once staging is approved', async () => {
    await setUp('approved');
    const result = await runBump(project, { bump: 'auto', dryRun: false, now: new Date(), env, skipLearnings: true });
    expect(result.plan.refusals).toEqual([]);
    expect(result.applied?.tag).toBe('v1.1.0');
    expect(await git(project, 'tag', '--list')).toBe('v1.1.0');
  }, 60_000);

  it('init writes both gates for production and says what they check', () => {
    const text = renderStarterConfig({ app: 'app', defaultBranch: 'main', stateFiles: ['specs/007-search/state.yaml'] });
    expect(text).toContain('gates: [production-gate, production-promotion]');
    expect(text).toMatch(/production-promotion checks manual_gates\.staging_validation\.status = approved/);
    expect(text).not.toMatch(/production-gate checks manual_gates\.staging_validation/);
  });
});
