/**
 * `shipgate verify` as a CI job runs it: a fresh clone with no key and no local state fetches the
 * signed gate records from the remote and checks them with real ssh-keygen against the repository's
 * allowed_signers. Accepted: a commit gated by Ada (allowed), and the release commit bump puts on top.
 * Refused, each with its reason: a commit never gated, a record without a signature, one signed by Eve
 * (a key not in allowed_signers), one edited after signing, a valid record copied to another commit,
 * and an unreachable remote. The forgeries are made the way an agent with Bash would: git plumbing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cli, makePerson, makeTeam, pull, releaseIn, run, type Member, type Team } from './team-fixture.js';

let team: Team;
let ada: Member;
let eve: Member;
let ci: Member;

/** Push `files` as the record for `commit` from `member`'s clone, with git only (no shipgate). */
function forgeRecord(member: Member, commit: string, files: Record<string, string>): void {
  const entries = Object.entries(files).map(([name, text]) => {
    const blob = execIn(member, ['hash-object', '-w', '--stdin'], text);
    return `100644 blob ${blob}\t${name}`;
  });
  const tree = execIn(member, ['mktree'], `${entries.join('\n')}\n`);
  const forged = execIn(member, ['commit-tree', tree, '-m', 'forged']);
  run(member.root, 'git', ['push', '-q', '--force', 'origin', `${forged}:refs/shipgate/gates/production/${commit}`], member.env);
}

function execIn(member: Member, args: string[], input?: string): string {
  return execFileSync('git', args, { cwd: member.root, env: member.env, input, encoding: 'utf8' }).trim();
}

function recordFiles(member: Member, commit: string): Record<string, string> {
  run(member.root, 'git', ['fetch', '-q', 'origin', `+refs/shipgate/gates/production/${commit}:refs/remotes/check/${commit}`], member.env);
  return {
    'record.json': execIn(member, ['cat-file', 'blob', `refs/remotes/check/${commit}:record.json`]) + '\n',
    'record.json.sig': execIn(member, ['cat-file', 'blob', `refs/remotes/check/${commit}:record.json.sig`]) + '\n',
  };
}

beforeAll(() => {
  team = makeTeam({ memberNames: ['Ada', 'Eve'], allowed: [0] });
  [ada, eve] = team.members as [Member, Member];
  const person = makePerson(team.base, 'CI', team.production);
  const root = join(team.base, 'ci-checkout');
  run(team.base, 'git', ['clone', '-q', team.remote, root], person.env);
  ci = { ...person, root };
}, 60_000);

afterAll(() => team?.cleanup());

describe.runIf(existsSync(CLI))('shipgate verify in a fresh CI clone', () => {
  let gated = '';

  it('accepts a commit gated and signed by an allowed key (text and GitHub annotations)', async () => {
    gated = releaseIn(ada, '1.1.0');
    const gate = await cli(ada, ['gate', '--env', 'production']);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    expect(gate.stdout).toContain(`Signed gate record published: refs/shipgate/gates/production/${gated}`);
    pull(ci);
    const text = await cli(ci, ['verify', '--env', 'production', '--commit', gated]);
    expect(text.code, text.stdout + text.stderr).toBe(0);
    expect(text.stdout).toContain('VERIFIED');
    expect(text.stdout).toContain('signed by ada@example.com');
    expect(text.stdout).toContain('app_tests_pass passed');
    const github = await cli(ci, ['verify', '--env', 'production', '--commit', gated, '--format', 'github']);
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(/^::notice title=shipgate verify::production gate passed for [0-9a-f]{12}, signed by ada@example.com/);
    const json = JSON.parse((await cli(ci, ['verify', '--commit', gated, '--json'])).stdout) as { ok: boolean; signer: string; record: { commit: string } };
    expect(json).toMatchObject({ ok: true, signer: 'ada@example.com', record: { commit: gated } });
  }, 120_000);

  it('accepts the release commit bump puts on top of the gated commit (version files only)', async () => {
    writeFileSync(join(ada.root, 'test.mjs'), 'console.log("more tests"); process.exit(0);\n');
    run(ada.root, 'git', ['commit', '-q', '-am', 'test: more'], ada.env);
    run(ada.root, 'git', ['push', '-q', 'origin', 'HEAD:main'], ada.env);
    const gate = await cli(ada, ['gate', '--env', 'production']);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    const release = releaseIn(ada, '1.2.0');
    pull(ci);
    const result = await cli(ci, ['verify', '--commit', release]);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toContain('release commit on top of gated');
  }, 120_000);

  it('refuses a commit that was never gated', async () => {
    writeFileSync(join(ada.root, 'test.mjs'), 'process.exit(0); // ungated change\n');
    run(ada.root, 'git', ['commit', '-q', '-am', 'feat: ungated'], ada.env);
    run(ada.root, 'git', ['push', '-q', 'origin', 'HEAD:main'], ada.env);
    const ungated = run(ada.root, 'git', ['rev-parse', 'HEAD'], ada.env);
    pull(ci);
    const result = await cli(ci, ['verify', '--commit', ungated, '--format', 'github']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=shipgate verify production::[0-9a-f]{12}: no gate record for production/);
  }, 120_000);

  it('refuses an unsigned record', async () => {
    const commit = run(ada.root, 'git', ['rev-parse', 'HEAD'], ada.env);
    const { 'record.json': text } = recordFiles(ada, gated);
    forgeRecord(eve, commit, { 'record.json': text!.replace(gated, commit) });
    const result = await cli(ci, ['verify', '--commit', commit]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('carries no SSH signature');
  }, 120_000);

  it('refuses a record signed by a key that is not in allowed_signers', async () => {
    pull(eve);
    const commit = run(eve.root, 'git', ['rev-parse', 'HEAD'], eve.env);
    const gate = await cli(eve, ['gate', '--env', 'production']);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    expect(gate.stdout).toContain('Signed gate record published');
    // Listing Eve in the working tree (not in the commit) changes nothing: verify reads the commit.
    appendFileSync(join(ci.root, '.shipgate/allowed_signers'), `eve@example.com namespaces="shipgate" ${eve.publicKey}\n`);
    const result = await cli(ci, ['verify', '--commit', commit]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('signed by a key that is not in allowed_signers');
    run(ci.root, 'git', ['checkout', '--', '.shipgate/allowed_signers'], ci.env);
  }, 120_000);

  it('refuses a record edited after signing, and a valid record copied to another commit', async () => {
    const files = recordFiles(ada, gated);
    const edited = files['record.json']!.replace('"status": "passed"', '"status": "passed" ').replace('"app_tests_pass"', '"app_tests_pass_and_more"');
    expect(edited).not.toBe(files['record.json']);
    const commit = run(ada.root, 'git', ['rev-parse', 'HEAD'], ada.env);
    forgeRecord(eve, commit, { 'record.json': edited.replace(gated, commit), 'record.json.sig': files['record.json.sig']! });
    const tampered = await cli(ci, ['verify', '--commit', commit]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('does not match the record: it was changed after signing');
    forgeRecord(eve, commit, files);
    const copied = await cli(ci, ['verify', '--commit', commit]);
    expect(copied.code).toBe(1);
    expect(copied.stdout).toContain(`the gate record is for commit ${gated.slice(0, 12)}`);
  }, 120_000);

  it('keeps a passed gate passed when the record cannot be signed, and says why verify will refuse', async () => {
    run(ada.root, 'git', ['config', 'user.signingkey', join(team.base, 'no-such-key')], ada.env);
    try {
      const gate = await cli(ada, ['gate', '--env', 'production']);
      expect(gate.code, gate.stdout + gate.stderr).toBe(0);
      expect(gate.stdout).toContain('PASSED: receipt');
      expect(gate.stdout).toContain('WARNING: The gate record was not published to origin, so `shipgate verify` will refuse this commit');
      expect(gate.stdout).toContain('ssh-keygen could not sign the shipgate record');
    } finally {
      run(ada.root, 'git', ['config', '--unset', 'user.signingkey'], ada.env);
    }
  }, 120_000);

  it('refuses when the remote cannot be reached, naming it', async () => {
    run(ci.root, 'git', ['remote', 'set-url', 'origin', join(team.base, 'gone.git')], ci.env);
    try {
      const result = await cli(ci, ['verify', '--commit', gated]);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('The team remote "origin" could not be reached');
    } finally {
      run(ci.root, 'git', ['remote', 'set-url', 'origin', team.remote], ci.env);
    }
  }, 120_000);
});
