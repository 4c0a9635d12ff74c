/**
 * The team lock as a coordination.k8s.io/v1 Lease, against kubectl-recording-stand-in (a recording
 * stand-in for kubectl, NOT a cluster: it keeps Lease objects in a folder with the API server's
 * AlreadyExists / Conflict-on-resourceVersion behaviour). Two clones race for the Lease, 8 rounds:
 * exactly one holds it, the other is refused naming the holder. An expired holder is taken over exactly
 * once; a cluster that cannot be reached is an error, never "free". And a real deploy with
 * `team: { lock: kubernetes }` takes the Lease in the environment's context and namespace, is refused
 * while someone else holds it, and leaves it released.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { makeTeam, run, type Member, type Team } from './team-fixture.js';
import { git, makeProject, passReceipt, release, type Project } from '../deploy/helpers.js';
import { acquireLeaseLock, leaseName } from '../../mcp-server/src/team/kubernetes-lease-lock.js';
import type { HeldTeamLock } from '../../mcp-server/src/team/remote-lock.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { ConflictError, FailedError } from '../../mcp-server/src/errors.js';

const STAND_IN = resolve(__dirname, '../fixtures/kubectl-recording-stand-in');
let team: Team;
let state: string;

function target(member: Member) {
  return { projectRoot: member.root, context: 'prod-eu', namespace: 'shop', timeoutMs: 20_000, kubectl: STAND_IN };
}

beforeAll(async () => {
  team = makeTeam({ memberNames: ['Ada', 'Bo'] });
  for (const m of team.members) {
    run(m.root, 'git', ['config', 'user.name', m.name], m.env);
    run(m.root, 'git', ['config', 'user.email', m.email], m.env);
  }
  state = await mkdtemp(join(tmpdir(), 'shipgate-leases-'));
  process.env.KUBECTL_STATE_DIR = state;
}, 60_000);

afterAll(async () => {
  delete process.env.KUBECTL_STATE_DIR;
  delete process.env.KUBECTL_UNREACHABLE;
  delete process.env.KUBECTL_RECORD_LOG;
  team?.cleanup();
  await rm(state, { recursive: true, force: true });
});

describe('the Lease lock (kubectl-recording-stand-in)', () => {
  it('gives the Lease to exactly one of two racing clones (8 rounds), the other told who holds it', async () => {
    for (let round = 0; round < 8; round += 1) {
      const racers = await Promise.allSettled(team.members.map((m) => acquireLeaseLock(target(m), { environment: 'production', operation: `deploy round ${round}`, leaseMs: 60_000, now: new Date() })));
      const won = racers.filter((r): r is PromiseFulfilledResult<HeldTeamLock> => r.status === 'fulfilled');
      const lost = racers.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won, `round ${round}`).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
      const holder = won[0]!.value.holder;
      expect((lost[0]!.reason as Error).message).toBe(`${holder.name} <${holder.email}> on ${holder.host} holds the production lock (deploy round ${round}).`);
      expect((lost[0]!.reason as ConflictError).details.where).toBe('lease/shipgate-production in prod-eu/shop');
      await won[0]!.value.release();
    }
    const stored = JSON.parse(await readFile(join(state, `prod-eu_shop_${leaseName('production')}.json`), 'utf8')) as { apiVersion: string; kind: string; spec: { holderIdentity: string } };
    expect(stored).toMatchObject({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', spec: { holderIdentity: '' } });
  }, 300_000);

  it('renews, and lets an expired holder be taken over exactly once', async () => {
    const [ada, bo] = team.members as [Member, Member];
    const crashed = await acquireLeaseLock(target(ada), { environment: 'staging', operation: 'crashed deploy', leaseMs: 5_000, now: new Date(Date.now() - 60_000) });
    expect(await crashed.renew(new Date(Date.now() - 30_000))).toBe(true);
    const racers = await Promise.allSettled([bo, bo, ada].map((m, i) => acquireLeaseLock(target(m), { environment: 'staging', operation: `takeover ${i}`, leaseMs: 60_000, now: new Date() })));
    const won = racers.filter((r): r is PromiseFulfilledResult<HeldTeamLock> => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(won[0]!.value.tookOverFrom?.operation).toBe('crashed deploy');
    expect(racers.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof ConflictError)).toBe(true);
    // The crashed holder, back from the dead, cannot renew what is no longer its Lease.
    expect(await crashed.renew()).toBe(false);
    await won[0]!.value.release();
  }, 120_000);

  it('refuses when the cluster cannot be reached', async () => {
    process.env.KUBECTL_UNREACHABLE = '1';
    try {
      const error = await acquireLeaseLock(target(team.members[0]!), { environment: 'production', operation: 'x', leaseMs: 60_000, now: new Date() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FailedError);
      expect((error as FailedError).message).toContain('The cluster "prod-eu" could not be asked while creating lease/shipgate-production; the lock state is unknown');
    } finally {
      delete process.env.KUBECTL_UNREACHABLE;
    }
  });
});

describe('a deploy with team.lock: kubernetes', () => {
  let project: Project;
  beforeAll(async () => {
    project = await makeProject((text) =>
      text.replace(/environments:[\s\S]*$/, `team: { lock: kubernetes, lease: 10m }
environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    provider: { type: kubernetes, context: prod-eu, namespace: shop, deployment: web, image: "registry.example.com/web:{version}", rolloutTimeout: 90s }
    strategy: { type: rolling }
`), { platform: false });
    git(project.root, 'config', 'user.name', 'Cy');
    git(project.root, 'config', 'user.email', 'cy@example.com');
  }, 60_000);
  afterAll(async () => project?.cleanup());

  it('takes the Lease in the environment namespace, is refused while another holds it, and releases it', async () => {
    // Outside the project: an untracked file in it would (rightly) refuse the deploy as a dirty tree.
    const log = join(await mkdtemp(join(tmpdir(), 'shipgate-kubectl-log-')), 'kubectl.log');
    process.env.KUBECTL_RECORD_LOG = log;
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const other = await acquireLeaseLock(target(team.members[0]!), { environment: 'production', operation: 'deploy of v9.0.0', leaseMs: 60_000, now: new Date() });
    const refused = await runDeploy({ projectRoot: project.root, environment: 'production', kubectl: STAND_IN }).catch((e: unknown) => e);
    expect(refused, String(refused)).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toContain('Ada <ada@example.com>');
    expect((await readFile(log, 'utf8')).includes('set')).toBe(false);
    await other.release();
    const deployed = await runDeploy({ projectRoot: project.root, environment: 'production', kubectl: STAND_IN });
    if (deployed.dryRun) throw new Error('dry');
    expect(deployed.outcome.status).toBe('succeeded');
    const calls = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as string[]);
    const leaseCalls = calls.filter((c) => c.includes('create') || c.includes('replace') || c.some((a) => a.startsWith('lease/')));
    expect(leaseCalls.length).toBeGreaterThanOrEqual(2);
    for (const call of leaseCalls) expect(call.slice(0, 4)).toEqual(['--context', 'prod-eu', '--namespace', 'shop']);
    expect(calls.findIndex((c) => c.includes('set'))).toBeGreaterThan(calls.findIndex((c) => c.includes('replace') || c.includes('create')));
    const stored = JSON.parse(await readFile(join(state, 'prod-eu_shop_shipgate-production.json'), 'utf8')) as { spec: { holderIdentity: string } };
    expect(stored.spec.holderIdentity).toBe('');
  }, 120_000);
});
