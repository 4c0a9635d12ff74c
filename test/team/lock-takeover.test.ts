/**
 * A crashed holder, and a remote that does not answer. Ada's deploy is killed (SIGKILL) while it holds
 * the production lock on the remote; while it ran, the lock was renewed. Before the lease runs out Bo is
 * refused, naming Ada; after it, Bo and Cy race to take it over and exactly one wins (compare-and-swap
 * on the SHA they read), 6 more rounds. Then Bo's real deploy takes over the crashed lock. A remote that
 * cannot be reached or never answers (team.timeout) refuses the deploy with an error naming it, and
 * nothing is deployed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { CLI, cli, makeTeam, pull, releaseIn, remoteRef, run, startCli, waitFor, type Member, type Team } from './team-fixture.js';
import { acquireRemoteLock, type HeldTeamLock, type TeamLockHolder } from '../../mcp-server/src/team/remote-lock.js';
import { ConflictError, FailedError } from '../../mcp-server/src/errors.js';

const LEASE_MS = 4_000;
let team: Team;
let ada: Member;
let bo: Member;
let cy: Member;

function remoteHolder(): TeamLockHolder {
  return JSON.parse(run(team.remote, 'git', ['cat-file', 'blob', 'refs/shipgate/locks/production:lock.json'])) as TeamLockHolder;
}

function ctx(member: Member) {
  return { projectRoot: member.root, remote: 'origin', timeoutMs: 20_000 };
}

beforeAll(async () => {
  team = makeTeam({ memberNames: ['Ada', 'Bo', 'Cy'], teamYaml: 'team:\n  remote: origin\n  lease: 4s\n  timeout: 3s\n' });
  [ada, bo, cy] = team.members as [Member, Member, Member];
  // In-process lock calls read the identity from the clone's own config (the test process has one HOME).
  for (const m of team.members) {
    run(m.root, 'git', ['config', 'user.name', m.name], m.env);
    run(m.root, 'git', ['config', 'user.email', m.email], m.env);
  }
  releaseIn(ada, '1.1.0');
  pull(bo);
  for (const member of [ada, bo]) {
    const gate = await cli(member, ['gate', '--env', 'production']);
    expect(gate.code, gate.stdout + gate.stderr).toBe(0);
  }
}, 120_000);

afterAll(() => team?.cleanup());

describe.runIf(existsSync(CLI))('a crashed holder', () => {
  it('is renewed while alive, refused before its lease ends, taken over exactly once after it', async () => {
    const barrier = join(team.base, 'never-until-cleanup');
    const crashing = startCli(ada, ['deploy', '--env', 'production'], { SHIPGATE_TEST_BARRIER: barrier, SHIPGATE_TEST_PRODUCTION: join(team.base, 'orphan.txt') });
    try {
      await waitFor(() => remoteRef(team, 'refs/shipgate/locks/production') !== '', 'the lock on the remote');
      // Renewed while the deploy waits (every third of the lease).
      await waitFor(() => { const h = remoteHolder(); return h.renewedAt !== h.startedAt; }, 'a renewal', 30_000);
      process.kill(-crashing.child.pid!, 'SIGKILL');
      await crashing.done;
      const crashed = remoteHolder();
      expect(crashed).toMatchObject({ name: 'Ada', email: 'ada@example.com', operation: 'deploy of v1.1.0', leaseMs: LEASE_MS });

      const early = await acquireRemoteLock(ctx(bo), { environment: 'production', operation: 'deploy of v1.1.0', leaseMs: LEASE_MS, now: new Date(Date.parse(crashed.renewedAt) + 1_000) }).catch((e: unknown) => e);
      expect(early).toBeInstanceOf(ConflictError);
      expect((early as ConflictError).message).toBe('Ada <ada@example.com> on ' + crashed.host + ' holds the production lock (deploy of v1.1.0).');
      expect((early as ConflictError).details.hint).toContain('can be taken over in');

      const after = new Date(Date.parse(crashed.renewedAt) + LEASE_MS + 1_000);
      const racers = await Promise.allSettled([bo, cy].map((m) => acquireRemoteLock(ctx(m), { environment: 'production', operation: `takeover by ${m.name}`, leaseMs: LEASE_MS, now: after })));
      const won = racers.filter((r): r is PromiseFulfilledResult<HeldTeamLock> => r.status === 'fulfilled');
      const lost = racers.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(won[0]!.value.tookOverFrom?.name).toBe('Ada');
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      expect((lost[0]!.reason as Error).message).toContain(`${won[0]!.value.holder.name} <${won[0]!.value.holder.email}>`);
      await won[0]!.value.release();
      expect(remoteRef(team, 'refs/shipgate/locks/production')).toBe('');
    } finally {
      writeFileSync(barrier, '');
    }
  }, 120_000);

  it('is taken over exactly once in 6 racing rounds', async () => {
    for (let round = 0; round < 6; round += 1) {
      const start = new Date(Date.now() - 60_000);
      await acquireRemoteLock(ctx(ada), { environment: 'production', operation: `crashed run ${round}`, leaseMs: LEASE_MS, now: start }); // never released: a crash
      const racers = await Promise.allSettled([bo, cy].map((m) => acquireRemoteLock(ctx(m), { environment: 'production', operation: `takeover ${round}`, leaseMs: 60_000, now: new Date() })));
      const won = racers.filter((r): r is PromiseFulfilledResult<HeldTeamLock> => r.status === 'fulfilled');
      expect(won, `round ${round}`).toHaveLength(1);
      expect(won[0]!.value.tookOverFrom?.operation).toBe(`crashed run ${round}`);
      const lost = racers.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(ConflictError);
      await won[0]!.value.release();
    }
    expect(remoteRef(team, 'refs/shipgate/locks/production')).toBe('');
  }, 120_000);

  it('is not fooled by a local ref an agent rewrote: the remote decides', async () => {
    const held = await acquireRemoteLock(ctx(ada), { environment: 'production', operation: 'deploy of v1.1.0', leaseMs: 60_000, now: new Date() });
    try {
      // Bo's clone: a forged, long-expired lock in the local ref, the way `git update-ref` would plant it.
      const git = (args: string[], input?: string) => execFileSync('git', args, { cwd: bo.root, env: bo.env, input, encoding: 'utf8' }).trim();
      const blob = git(['hash-object', '-w', '--stdin'], JSON.stringify({ v: 1, id: 'x', name: 'Nobody', email: 'n@x', host: 'h', pid: 1, environment: 'production', operation: 'old', startedAt: '2000-01-01T00:00:00.000Z', renewedAt: '2000-01-01T00:00:00.000Z', leaseMs: 1 }));
      const tree = git(['mktree'], `100644 blob ${blob}\tlock.json\n`);
      git(['update-ref', 'refs/shipgate/locks/production', git(['commit-tree', tree, '-m', 'forged'])]);
      const error = await acquireRemoteLock(ctx(bo), { environment: 'production', operation: 'sneaky', leaseMs: 60_000, now: new Date() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as Error).message).toContain('Ada <ada@example.com>');
    } finally {
      await held.release();
    }
    expect(remoteRef(team, 'refs/shipgate/locks/production')).toBe('');
  }, 60_000);

  it('lets a real deploy proceed once the crashed lock expired', async () => {
    const crash = await acquireRemoteLock(ctx(ada), { environment: 'production', operation: 'deploy that crashed', leaseMs: LEASE_MS, now: new Date(Date.now() - LEASE_MS - 1_000) });
    expect(crash.holder.name).toBe('Ada');
    const deploy = await cli(bo, ['deploy', '--env', 'production']);
    expect(deploy.code, deploy.stdout + deploy.stderr).toBe(0);
    expect(readFileSync(team.production, 'utf8').trim()).toBe('1.1.0');
    expect(remoteRef(team, 'refs/shipgate/locks/production')).toBe('');
  }, 60_000);
});

describe.runIf(existsSync(CLI))('a remote that cannot be reached', () => {
  let silent: Server;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => { sockets.add(socket); socket.on('error', () => undefined); });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    if (silent) await new Promise((r) => silent.close(r));
  });

  it('refuses the deploy naming the remote: missing, and silent past team.timeout; nothing deploys', async () => {
    const before = readFileSync(`${team.production}.log`, 'utf8');
    const port = (silent.address() as { port: number }).port;
    for (const url of [join(team.base, 'gone.git'), `git://127.0.0.1:${port}/team.git`]) {
      run(bo.root, 'git', ['remote', 'set-url', 'origin', url], bo.env);
      try {
        const started = Date.now();
        const deploy = await cli(bo, ['deploy', '--env', 'production']);
        expect(deploy.code, deploy.stdout).toBe(1);
        expect(deploy.stderr).toContain('The team remote "origin" could not be reached while updating refs/shipgate/locks/production');
        expect(deploy.stderr).toContain('nothing was done');
        if (url.startsWith('git://')) {
          expect(deploy.stderr).toContain('no answer within 3s');
          expect(Date.now() - started).toBeLessThan(30_000);
        }
      } finally {
        run(bo.root, 'git', ['remote', 'set-url', 'origin', team.remote], bo.env);
      }
    }
    expect(readFileSync(`${team.production}.log`, 'utf8')).toBe(before);
    // In-process, the same refusal is a FailedError (exit 1), never "no lock".
    const error = await acquireRemoteLock({ projectRoot: bo.root, remote: join(team.base, 'gone.git'), timeoutMs: 3_000 }, { environment: 'production', operation: 'x', leaseMs: LEASE_MS, now: new Date() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
  }, 90_000);
});
