/**
 * History written by one clone is seen by the other and used for its rollback. Ada deploys 1.1.0 and
 * then 1.3.0 from her clone (1.2.0 is tagged but never served); Bo, on another clone with his own HOME
 * and no local state, sees both in `shipgate history` (signed by Ada, trusted) and his `rollback` goes
 * to 1.1.0, the version that served, not the semver-previous 1.2.0. A history entry forged by Eve, whose
 * key is not in allowed_signers, is listed as untrusted and never becomes a target. Ada then sees Bo's
 * rollback, and her next rollback plan starts from what Bo left serving.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { CLI, cli, makeTeam, pull, releaseIn, type Member, type Team } from './team-fixture.js';

let team: Team;
let ada: Member;
let bo: Member;
let eve: Member;

interface TeamRow { kind: string; version: string; result: string; by: { name: string }; trusted: boolean; signer?: string; problem?: string }

async function teamHistory(member: Member): Promise<TeamRow[]> {
  const result = await cli(member, ['history', '--env', 'production', '--json']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { team: { entries: TeamRow[] } }).team.entries;
}

async function gateAndDeploy(member: Member): Promise<void> {
  const gate = await cli(member, ['gate', '--env', 'production']);
  expect(gate.code, gate.stdout + gate.stderr).toBe(0);
  const deploy = await cli(member, ['deploy', '--env', 'production']);
  expect(deploy.code, deploy.stdout + deploy.stderr).toBe(0);
  expect(deploy.stdout).toContain('Team history: refs/shipgate/history/production');
}

/** Eve appends an entry claiming 1.2.0 served, signed with her own key (plumbing only, no shipgate). */
function forgeEntry(): void {
  const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: eve.root, env: eve.env, input, encoding: 'utf8' }).trim();
  git(['fetch', '-q', 'origin', '+refs/shipgate/history/production:refs/shipgate/history/production']);
  const tip = git(['rev-parse', 'refs/shipgate/history/production']);
  const sha = git(['rev-parse', 'v1.2.0^{commit}']);
  const entry = `${JSON.stringify({ v: 1, kind: 'deploy', environment: 'production', version: '1.2.0', tag: 'v1.2.0', commit: sha, result: 'succeeded', record: 'x.md', recordId: 'x', startedAt: new Date().toISOString(), at: new Date().toISOString(), by: { name: 'Ada', email: 'ada@example.com', host: 'ada-laptop' } }, null, 2)}\n`;
  const signature = execFileSync('ssh-keygen', ['-Y', 'sign', '-n', 'shipgate', '-f', eve.key], { input: entry, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
  const blobs = [entry, signature].map((text) => git(['hash-object', '-w', '--stdin'], text));
  const tree = git(['mktree'], `100644 blob ${blobs[0]}\trecord.json\n100644 blob ${blobs[1]}\trecord.json.sig\n`);
  const commit = git(['commit-tree', tree, '-p', tip, '-m', 'forged']);
  git(['push', '-q', 'origin', `${commit}:refs/shipgate/history/production`]);
}

beforeAll(() => {
  team = makeTeam({ memberNames: ['Ada', 'Bo', 'Eve'], allowed: [0, 1] });
  [ada, bo, eve] = team.members as [Member, Member, Member];
}, 60_000);

afterAll(() => team?.cleanup());

describe.runIf(existsSync(CLI))('the team history on the remote', () => {
  it('is seen by another clone and used for its rollback target (versions that served)', async () => {
    releaseIn(ada, '1.1.0');
    await gateAndDeploy(ada);
    releaseIn(ada, '1.2.0');
    releaseIn(ada, '1.3.0');
    await gateAndDeploy(ada);
    expect(readFileSync(team.production, 'utf8').trim()).toBe('1.3.0');

    pull(bo);
    const seen = await teamHistory(bo);
    expect(seen.map((e) => [e.kind, e.version, e.result, e.by.name, e.trusted, e.signer])).toEqual([
      ['deploy', '1.1.0', 'succeeded', 'Ada', true, 'ada@example.com'],
      ['deploy', '1.3.0', 'succeeded', 'Ada', true, 'ada@example.com'],
    ]);

    pull(eve);
    forgeEntry();
    const withForgery = await teamHistory(bo);
    expect(withForgery).toHaveLength(3);
    expect(withForgery[2]).toMatchObject({ version: '1.2.0', trusted: false, problem: 'signed by a key that is not in allowed_signers' });

    const rollback = await cli(bo, ['rollback', '--env', 'production', '--reason', 'checkout returns 500 since 1.3.0', '--json']);
    expect(rollback.code, rollback.stdout + rollback.stderr).toBe(0);
    const result = JSON.parse(rollback.stdout) as { from: { version: string }; to: { version: string }; team: { published: string } };
    expect(result.from.version).toBe('1.3.0');
    expect(result.to.version).toBe('1.1.0');
    expect(result.team.published).toBe('refs/shipgate/history/production');
    expect(readFileSync(team.production, 'utf8').trim()).toBe('1.1.0');
  }, 240_000);

  it('carries the other clone\'s rollback back to the first clone', async () => {
    const seen = await teamHistory(ada);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({ kind: 'rollback', version: '1.1.0', result: 'succeeded', by: { name: 'Bo' }, trusted: true, signer: 'bo@example.com' });
    const plan = await cli(ada, ['rollback', '--env', 'production', '--reason', 'what if', '--dry-run', '--json']);
    expect(plan.code, plan.stderr).toBe(0);
    const parsed = JSON.parse(plan.stdout) as { plan: { from: { version: string }; to: { version: string } } };
    expect(parsed.plan.from.version).toBe('1.1.0');
    expect(parsed.plan.to.version).toBe('1.3.0');
    const text = await cli(ada, ['history', '--env', 'production']);
    expect(text.stdout).toContain('Team history on origin:');
    expect(text.stdout).toMatch(/rollback +production +v1\.1\.0 +succeeded +Bo <bo@example.com> on \S+ +signed by bo@example.com/);
    expect(text.stdout).toContain('UNTRUSTED: signed by a key that is not in allowed_signers');
  }, 120_000);
});
