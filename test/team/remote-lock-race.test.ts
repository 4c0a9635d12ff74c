/**
 * One production, two laptops: two independent clones (own HOME, own git identity) deploy the same
 * environment at the same moment, 20 rounds, as separate CLI processes. The lock is a ref on the bare
 * remote created with compare-and-swap: in every round exactly one deploy runs (its deploy command
 * is the only one that touches "production"), the other is refused naming the holder, and the lock is
 * gone afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, cli, makeTeam, pull, releaseIn, remoteRef, startCli, type Team } from './team-fixture.js';

let team: Team;

beforeAll(async () => {
  team = makeTeam();
  const [ada, bo] = team.members as [Team['members'][0], Team['members'][0]];
  releaseIn(ada, '1.1.0');
  pull(bo);
  for (const member of [ada, bo]) {
    const gate = await cli(member, ['gate', '--env', 'production']);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
  }
}, 120_000);

afterAll(() => team?.cleanup());

describe.runIf(existsSync(CLI))('two clones deploying production at the same moment', () => {
  it('runs exactly one per round and refuses the other naming the holder (20 rounds)', async () => {
    const [ada, bo] = team.members as [Team['members'][0], Team['members'][0]];
    const log = `${team.production}.log`;
    const wins: Record<string, number> = { Ada: 0, Bo: 0 };
    for (let round = 0; round < 20; round += 1) {
      const barrier = join(team.base, `barrier-${round}`);
      const runs = [ada, bo].map((member) => ({ member, run: startCli(member, ['deploy', '--env', 'production'], { SHIPGATE_TEST_BARRIER: barrier }) }));
      const first = await Promise.race(runs.map(async (r) => ({ ...r, result: await r.run.done })));
      const winner = runs.find((r) => r !== runs.find((x) => x.member === first.member))!;
      // The one that finished first was refused, naming the other (who is waiting inside its deploy).
      const refusal = first.result.stdout + first.result.stderr;
      expect(first.result.code, `round ${round}: ${refusal}`).toBe(1);
      expect(refusal).toContain(`${winner.member.name} <${winner.member.email}>`);
      expect(refusal).toContain('holds the production lock');
      writeFileSync(barrier, '');
      const won = await winner.run.done;
      expect(won.code, `round ${round}: ${won.stdout}${won.stderr}`).toBe(0);
      wins[winner.member.name]! += 1;
      const lines = readFileSync(log, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(round + 1);
      expect(lines.at(-1)).toBe(`clone-${winner.member.name.toLowerCase()} 1.1.0`);
      expect(remoteRef(team, 'refs/shipgate/locks/production')).toBe('');
    }
    expect(wins.Ada! + wins.Bo!).toBe(20);
  }, 600_000);
});
