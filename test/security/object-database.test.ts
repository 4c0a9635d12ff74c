/**
 * The object database is the agent's: `.git/objects` and `.git/refs` are in the project folder, which
 * the agent's Bash may write even in hardened mode. Git itself trusts them in two ways shipgate must
 * not: a replace ref (`git replace <bad> <good>`) shows one commit's content under another's id to every
 * command except the pack transfer, and a loose object is never checked against its id when it is read.
 * Each attack below is what an agent with Bash would do; each is refused with a clear error and
 * production still serves what it served. The controls show that plain git is fooled by the same setup,
 * so the tests would catch the hole if the protection went away.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { makeSecurityProject, WEDNESDAY, type SecurityProject } from './project.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

let p: SecurityProject;
beforeEach(async () => {
  p = await makeSecurityProject();
});
afterEach(async () => p.cleanup());

const humanAttests = () => recordAttestation({ projectRoot: p.root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'PR #12 reviewed', via: 'cli', now: WEDNESDAY });
const gate = () => runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
const deploy = () => runDeploy({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });

async function shipHonestly(): Promise<string> {
  await humanAttests();
  const result = await gate();
  expect(result.ok, JSON.stringify(result.checks)).toBe(true);
  const deployed = await deploy();
  if (deployed.dryRun) throw new Error('dry run');
  expect(deployed.outcome.status).toBe('succeeded');
  p.commit('docs: deployment record');
  return p.production();
}

/** What production's branch holds in `src/app.js` (read from the remote's real objects). */
const servedApp = () => execFileSync('git', ['--git-dir', p.remote, '--no-replace-objects', 'show', 'refs/heads/production:src/app.js'], { encoding: 'utf8' });

const recordsCount = () => (existsSync(join(p.root, '.claude/processes')) ? readdirSync(join(p.root, '.claude/processes')).length : 0);

async function expectRefused(attempt: () => Promise<unknown>, message: RegExp): Promise<void> {
  const before = { production: p.production(), head: p.git('rev-parse', 'HEAD'), records: recordsCount() };
  const error = await attempt().then(() => undefined, (e: unknown) => e);
  expect(error, 'the attempt must be refused').toBeInstanceOf(BlockedError);
  expect((error as BlockedError).describe(), (error as BlockedError).describe()).toMatch(message);
  expect({ production: p.production(), head: p.git('rev-parse', 'HEAD'), records: recordsCount() }).toEqual(before);
}

describe('replace refs', () => {
  it('a bad release commit replaced by a good one in git\'s view: the gate sees the real commit and refuses; production keeps serving', async () => {
    const served = await shipHonestly();
    // The good release, made only to lend its content.
    const good = await p.release('1.1.0');
    p.git('tag', '-d', 'v1.1.0');
    p.git('reset', '-q', '--hard', 'HEAD~1');
    // The bad release the agent wants in production, tagged like a release.
    const bad = await p.release('1.1.0', { 'src/app.js': 'console.log("bad");\n' });
    // `.git/refs/replace/<bad>` is a file in the project: git now shows good's content for bad.
    p.git('replace', bad, good);
    p.git('checkout', '-q', '-f');
    // Control: plain git is fooled. The tree, status and diff all say "good", while a push sends bad.
    expect(p.git('status', '--porcelain')).toBe('');
    expect(p.git('show', 'HEAD:src/app.js')).toBe('console.log("good 1.0.0");');
    expect(p.git('rev-parse', 'HEAD')).toBe(bad);
    await humanAttests();
    await expectRefused(gate, /working tree differs from the commit in 1 file: src\/app\.js/);
    await expectRefused(deploy, /working tree differs from the commit in 1 file: src\/app\.js/);
    expect(p.production()).toBe(served);
    expect(servedApp()).toBe('console.log("good 1.0.0");\n');
  });
});

const COMMAND_PROVIDER = `app: wall
environments:
  production:
    gates: [gates/release/SKILL.md]
    provider:
      type: command
      deploy: [sh, scripts/deploy.sh, "{version}"]
      undo: [sh, scripts/deploy.sh, "{version}"]
      timeout: 20s
    strategy: { type: recreate, allowProduction: true }
`;
const deployScript = (label: string) => `#!/bin/sh\necho "$1 by ${label}" >> "$SHIPGATE_PROJECT_ROOT/../production.log"\n`;
const productionLog = async () => (await readFile(join(p.root, '..', 'production.log'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean);

/** Rewrite the loose object file of `id` so that it holds `text` (what an agent's `python -c` does). */
function rewriteLooseBlob(id: string, text: string): void {
  const file = join(p.root, '.git', 'objects', id.slice(0, 2), id.slice(2));
  chmodSync(file, 0o644);
  const body = Buffer.from(text);
  writeFileSync(file, deflateSync(Buffer.concat([Buffer.from(`blob ${body.length}\0`), body])));
}

describe('rewritten object files', () => {
  it('a deploy script rewritten in .git/objects after the gate never runs: the deploy is refused, naming the object, and production keeps its version', async () => {
    await p.write({ 'shipgate.config.yaml': COMMAND_PROVIDER, 'scripts/deploy.sh': deployScript('the gated script') });
    p.commit('build: deploy script');
    await p.release('1.1.0');
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    const blob = p.git('rev-parse', 'HEAD:scripts/deploy.sh');
    rewriteLooseBlob(blob, '#!/bin/sh\necho "EVIL $1" >> "$SHIPGATE_PROJECT_ROOT/../production.log"\n');
    // Control: git is fooled. Its status is clean and its checkout writes the rewritten script.
    expect(p.git('status', '--porcelain')).toBe('');
    expect(p.git('show', `HEAD:scripts/deploy.sh`)).toContain('EVIL');
    const before = p.git('rev-parse', 'HEAD');
    const error = await deploy().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as BlockedError).describe()).toMatch(new RegExp(`object ${blob.slice(0, 12)} in the repository is an object whose content hashes to`));
    expect((error as BlockedError).describe()).toMatch(/git fsck/);
    expect(await productionLog()).toEqual([]);
    expect(p.git('rev-parse', 'HEAD')).toBe(before);
    expect(p.git('worktree', 'list').split('\n')).toHaveLength(1);
  });

  it('a committed symbolic link from the deploy script to a file outside the repository is refused at deploy; the outside file never runs', async () => {
    const outsideScript = join(p.root, '..', 'deploy-outside.sh');
    writeFileSync(outsideScript, deployScript('the script as gated'));
    await p.write({ 'shipgate.config.yaml': COMMAND_PROVIDER });
    await p.write({ 'scripts/.keep': '' });
    symlinkSync(outsideScript, join(p.root, 'scripts', 'deploy.sh'));
    p.commit('build: deploy script');
    await p.release('1.1.0');
    await humanAttests();
    expect((await gate()).ok).toBe(true);
    // After the gate, the file the link points to is the agent's to change: the commit never held it.
    writeFileSync(outsideScript, '#!/bin/sh\necho "EVIL $1" >> "$SHIPGATE_PROJECT_ROOT/../production.log"\n');
    const error = await deploy().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as BlockedError).describe()).toMatch(/scripts\/deploy\.sh is a symbolic link to ".*deploy-outside\.sh", outside the commit/);
    expect(await productionLog()).toEqual([]);
  });
});
