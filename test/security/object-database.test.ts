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
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
