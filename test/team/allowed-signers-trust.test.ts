/**
 * Which team history entries are "versions that served" (rollback targets) is decided by allowed_signers.
 * The attack, by an agent working in Bo's clone: it commits its own key into allowed_signers with git
 * plumbing (the working file, which `shipgate harden` write-denies, is never touched), signs a history
 * entry claiming that a never-gated commit served, pushes it, and asks for a rollback to it. Bo's shipgate
 * reads allowed_signers from the working tree, so the entry stays untrusted and the rollback is refused;
 * production keeps serving what it served. The control shows HEAD's allowed_signers does list the
 * agent's key (what the history trusted before). And `harden` write-denies the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cli, makeTeam, pull, releaseIn, type Member, type Team } from './team-fixture.js';
import { readAllowedSigners } from '../../mcp-server/src/team/allowed-signers.js';
import { collectProtectedTargets } from '../../mcp-server/src/protection/protected-targets.js';

let team: Team;
let ada: Member;
let bo: Member;
let eve: Member;

beforeAll(() => {
  team = makeTeam({ memberNames: ['Ada', 'Bo', 'Eve'], allowed: [0, 1] });
  [ada, bo, eve] = team.members as [Member, Member, Member];
}, 60_000);
afterAll(() => team?.cleanup());

describe.runIf(existsSync(CLI))('allowed_signers as the trust anchor of the team history', () => {
  it('an agent that commits its own key with plumbing and pushes a signed entry cannot make a never-gated commit a rollback target', async () => {
    releaseIn(ada, '1.1.0');
    expect((await cli(ada, ['gate', '--env', 'production'])).code).toBe(0);
    expect((await cli(ada, ['deploy', '--env', 'production'])).code).toBe(0);
    pull(bo);
    const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: bo.root, env: bo.env, input, encoding: 'utf8' }).trim();
    // A commit nobody gated, tagged like a release.
    git(['checkout', '-q', '-b', 'evil']);
    const evil = git(['commit-tree', 'HEAD^{tree}', '-p', 'HEAD', '-m', 'feat: never gated']);
    git(['tag', '-a', 'v1.0.1', '-m', 'v1.0.1', evil]);
    // allowed_signers at HEAD gains the agent's key; the working file stays as it is.
    const signersPath = '.shipgate/allowed_signers';
    const withEve = `${readFileSync(join(bo.root, signersPath), 'utf8')}${eve.email} namespaces="shipgate" ${eve.publicKey}\n`;
    const blob = git(['hash-object', '-w', '--stdin'], withEve);
    git(['update-index', '--cacheinfo', `100644,${blob},${signersPath}`]);
    git(['-c', 'user.name=Bo', '-c', 'user.email=bo@example.com', 'commit', '-q', '-m', 'chore: signers']);
    git(['update-index', '--cacheinfo', `100644,${git(['hash-object', '-w', signersPath])},${signersPath}`]);
    // Control: HEAD trusts the agent's key now.
    expect(await readAllowedSigners(bo.root, 'HEAD', signersPath)).toContain(eve.publicKey);
    // The signed entry: "v1.0.1 served in production".
    git(['fetch', '-q', 'origin', '+refs/shipgate/history/production:refs/shipgate/history/production']);
    const tip = git(['rev-parse', 'refs/shipgate/history/production']);
    const entry = `${JSON.stringify({ v: 1, kind: 'deploy', environment: 'production', version: '1.0.1', tag: 'v1.0.1', commit: evil, result: 'succeeded', record: 'x.md', recordId: 'x', startedAt: new Date().toISOString(), at: new Date().toISOString(), by: { name: 'Ada', email: 'ada@example.com', host: 'ada-laptop' } }, null, 2)}\n`;
    const signature = execFileSync('ssh-keygen', ['-Y', 'sign', '-n', 'shipgate', '-f', eve.key], { input: entry, encoding: 'utf8', stdio: ['pipe', 'pipe', 'ignore'] });
    const blobs = [entry, signature].map((text) => git(['hash-object', '-w', '--stdin'], text));
    const tree = git(['mktree'], `100644 blob ${blobs[0]}\trecord.json\n100644 blob ${blobs[1]}\trecord.json.sig\n`);
    git(['push', '-q', 'origin', `${git(['commit-tree', tree, '-p', tip, '-m', 'forged'])}:refs/shipgate/history/production`]);

    const history = JSON.parse((await cli(bo, ['history', '--env', 'production', '--json'])).stdout) as { team: { entries: { version: string; trusted: boolean; problem?: string }[] } };
    expect(history.team.entries.find((e) => e.version === '1.0.1')).toMatchObject({ trusted: false, problem: 'signed by a key that is not in allowed_signers' });
    const rollback = await cli(bo, ['rollback', '--env', 'production', '--to', '1.0.1', '--reason', 'incident', '--json']);
    expect(rollback.code).toBe(1);
    expect(rollback.stdout + rollback.stderr).toMatch(/1\.0\.1/);
    expect(rollback.stdout + rollback.stderr).toMatch(/one of the versions that served production/);
    expect(readFileSync(team.production, 'utf8').trim()).toBe('1.1.0');
  }, 240_000);

  it('harden write-denies allowed_signers and a team remote on disk to the sandbox', async () => {
    const targets = await collectProtectedTargets(bo.root, bo.env);
    expect(targets.gateFiles).toContain('.shipgate/allowed_signers');
    expect(targets.productionPaths).toContain(team.remote);
  });
});
