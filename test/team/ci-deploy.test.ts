/**
 * Production credentials in CI, not on the laptop: Ada gates on her clone (signed record pushed), a CI
 * clone with its own HOME and key (listed in allowed_signers, as a team lists its deploy key) and no
 * local receipt runs what docs/ci/deploy-production.yml runs: `verify`, then `deploy --gate-record`.
 * Without the flag CI has no receipt; for a commit nobody gated, the flag does not help either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cli, makeTeam, pull, releaseIn, run, type Member, type Team } from './team-fixture.js';

let team: Team;
let ada: Member;
let ci: Member;

beforeAll(() => {
  team = makeTeam({ memberNames: ['Ada', 'CI'] });
  [ada, ci] = team.members as [Member, Member];
}, 60_000);

afterAll(() => team?.cleanup());

describe.runIf(existsSync(CLI))('a CI job deploying what a laptop gated', () => {
  it('verifies, then deploys on the signed gate record; refuses an ungated commit', async () => {
    const sha = releaseIn(ada, '1.1.0');
    const gate = await cli(ada, ['gate', '--env', 'production']);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
    pull(ci);
    const noReceipt = await cli(ci, ['deploy', '--env', 'production']);
    expect(noReceipt.code).toBe(1);
    expect(noReceipt.stderr).toContain('No gate receipt for production');
    const verify = await cli(ci, ['verify', '--env', 'production', '--commit', sha, '--format', 'github']);
    expect(verify.code, verify.stdout).toBe(0);
    const deploy = await cli(ci, ['deploy', '--env', 'production', '--gate-record', '--json']);
    expect(deploy.code, deploy.stdout + deploy.stderr).toBe(0);
    expect(JSON.parse(deploy.stdout)).toMatchObject({ ok: true, version: '1.1.0', team: { published: 'refs/shipgate/history/production' } });
    expect(readFileSync(team.production, 'utf8').trim()).toBe('1.1.0');
    const history = JSON.parse((await cli(ada, ['history', '--env', 'production', '--json'])).stdout) as { team: { entries: { version: string; by: { name: string }; signer: string }[] } };
    expect(history.team.entries.at(-1)).toMatchObject({ version: '1.1.0', by: { name: 'CI' }, signer: 'ci@example.com' });

    writeFileSync(join(ada.root, 'test.mjs'), 'process.exit(0); // never gated\n');
    run(ada.root, 'git', ['commit', '-q', '-am', 'feat: ungated'], ada.env);
    releaseIn(ada, '1.2.0');
    pull(ci);
    const refused = await cli(ci, ['deploy', '--env', 'production', '--gate-record']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No trusted gate record for production');
    expect(readFileSync(team.production, 'utf8').trim()).toBe('1.1.0');
  }, 180_000);
});
