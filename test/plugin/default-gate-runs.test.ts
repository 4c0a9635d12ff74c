/**
 * production-gate (with production-promotion, #14.2) is the DEFAULT gate of a production environment
 * that lists no gates, so its checks must run for real. A temp git repository laid out as references/adapting-the-gate.md describes passes every
 * check; take one piece away (or deploy on a Friday afternoon) and the gate blocks on that check.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArgv } from '../../mcp-server/src/exec/run.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { PLUGIN_ROOT } from './plugin-files.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';

const WEDNESDAY_MORNING = new Date('2026-11-18T10:00:00Z');
const FRIDAY_AFTERNOON = new Date('2026-11-20T14:00:00Z');

let project: string;

async function git(...args: string[]): Promise<void> {
  const result = await runArgv('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: project, timeoutMs: 20_000 });
  expect(result.exitCode, result.stderr).toBe(0);
}

async function write(relative: string, text: string, mtime?: Date): Promise<void> {
  const path = join(project, relative);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, text);
  if (mtime) await utimes(path, mtime, mtime);
}

/** A project that satisfies every check of the default gate on the given day. */
async function layOutProject(now: Date): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await write('package.json', JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'node -e "process.exit(0)"' } }));
  await write('backups/db-backup.log', 'restore tested\n', new Date(now.getTime() - 60 * 60_000));
  await write(`docs/deployments/${day}-plan.md`, '# Plan\n');
  await write('scripts/rollback.sh', '#!/bin/sh\necho rolling back\n');
  await write('specs/001-checkout/state.yaml', 'manual_gates:\n  staging_validation: { status: approved }\nquality_gates:\n  rollback: { status: passed }\n  migrations: { status: not_applicable }\n');
  // production-promotion's prerequisites: a configuration and a git remote.
  await write('shipgate.config.yaml', 'environments:\n  production:\n    provider: { type: git-push, remote: origin, branch: production }\n');
  await git('init', '-q', '-b', 'main');
  await git('remote', 'add', 'origin', 'https://example.com/app.git');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'chore: initial');
  for (const [checkId, by] of [['code_review', 'Ada'], ['monitoring_configured', 'Grace'], ['team_notified', 'Linus']] as const) {
    await recordAttestation({ projectRoot: project, environment: 'production', checkId, by, evidence: 'https://example.com/evidence', now: () => now });
  }
}

function run(now: Date) {
  return runGate({ projectRoot: project, environment: 'production', now: () => now, env: { ...process.env, CLAUDE_PLUGIN_ROOT: PLUGIN_ROOT } });
}

describe('the bundled production-gate runs as the default gate', () => {
  beforeEach(async () => {
    project = await mkdtemp(join(tmpdir(), 'shipgate-default-gate-'));
  });
  afterEach(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('passes every check in a project laid out as documented, and issues a receipt', async () => {
    await layOutProject(WEDNESDAY_MORNING);
    const result = await run(WEDNESDAY_MORNING);
    expect(result.checks.map((c) => `${c.id}:${c.status}:${c.message}`).filter((line) => !line.includes(':passed:'))).toEqual([]);
    expect(result.gateFiles).toEqual(['plugin:skills/production-gate/SKILL.md', 'plugin:skills/production-promotion/SKILL.md']);
    expect(result.checks.map((c) => c.id)).toEqual(['tests_pass', 'code_review', 'migrations_tested', 'backups_current', 'deployment_plan', 'rollback_ready', 'rollback_tested', 'monitoring_configured', 'team_notified', 'deploy_window', 'staging_validation_approved', 'rollback_gate_passed', 'git_remote_configured', 'production_config_exists']);
    expect(result.ok).toBe(true);
    expect(result.receipt).toBeDefined();
  }, 60_000);

  it('blocks on stale backups', async () => {
    await layOutProject(WEDNESDAY_MORNING);
    await utimes(join(project, 'backups/db-backup.log'), new Date('2026-11-16T10:00:00Z'), new Date('2026-11-16T10:00:00Z'));
    const result = await run(WEDNESDAY_MORNING);
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toEqual(['backups_current']);
    expect(result.receipt).toBeUndefined();
  }, 60_000);

  it('blocks on Friday afternoon (seed 001: never deploy Friday afternoon)', async () => {
    await layOutProject(FRIDAY_AFTERNOON);
    const result = await run(FRIDAY_AFTERNOON);
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toEqual(['deploy_window']);
  }, 60_000);

  it('waits for a human when an attestation is missing', async () => {
    await layOutProject(WEDNESDAY_MORNING);
    // Attestations live in the per-user state folder now (signed), not in the repository.
    await rm(statePaths(project).attestations, { force: true });
    const result = await run(WEDNESDAY_MORNING);
    expect(result.ok).toBe(false);
    expect(result.needsAttestation.map((n) => n.checkId)).toContain('code_review');
  }, 60_000);
});
