/**
 * The team lock as a `coordination.k8s.io/v1` Lease named `shipgate-<env>` in the target namespace,
 * for teams whose production is a cluster (`team: { lock: kubernetes }`). The API server gives the same
 * guarantees as the git remote: `create` fails with AlreadyExists when someone holds it, and `replace`
 * carries the resourceVersion that was read, so a takeover or renewal is compare-and-swap (Conflict
 * when anyone changed it in between). Releasing clears holderIdentity the same way, never a blind
 * delete. The full holder (git identity, host, operation) rides in an annotation.
 *
 * Good: `kubectl --context prod --namespace shop replace -f -` with metadata.resourceVersion "41".
 * Bad:  `kubectl apply` of the Lease: last writer wins, two deploys both think they hold it.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { runArgv, type RunResult } from '../exec/run.js';
import { ConflictError, FailedError, quote } from '../errors.js';
import { formatDuration } from '../util/duration.js';
import { gitIdentity } from './git-remote.js';
import { describeHolder, isExpired, type AcquireTeamLockInput, type HeldTeamLock, type TeamLockHolder } from './remote-lock.js';

export interface LeaseTarget {
  projectRoot: string;
  context: string;
  namespace: string;
  timeoutMs: number;
  kubectl?: string;
}

interface LeaseObject {
  apiVersion: 'coordination.k8s.io/v1';
  kind: 'Lease';
  metadata: { name: string; namespace: string; resourceVersion?: string; annotations?: Record<string, string> };
  spec: { holderIdentity?: string; leaseDurationSeconds?: number; acquireTime?: string; renewTime?: string; leaseTransitions?: number };
}

const HOLDER_ANNOTATION = 'shipgate.dev/holder';
const ATTEMPTS = 6;

export function leaseName(environment: string): string {
  return `shipgate-${environment}`;
}

export async function acquireLeaseLock(target: LeaseTarget, input: AcquireTeamLockInput): Promise<HeldTeamLock> {
  const name = leaseName(input.environment);
  const identity = await gitIdentity(target.projectRoot);
  const startedAt = input.now.toISOString();
  const holder: TeamLockHolder = { v: 1, id: randomUUID(), ...identity, host: hostname(), pid: process.pid, environment: input.environment, operation: input.operation, startedAt, renewedAt: startedAt, leaseMs: input.leaseMs };
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const created = await kubectl(target, ['create', '-f', '-', '-o', 'json'], leaseFor(target, name, holder));
    if (created.exitCode === 0) return held(target, name, holder, parseLease(created.stdout, target, 'create'));
    if (!/AlreadyExists/i.test(created.stderr)) throw unreachable(target, created, `creating lease/${name}`);
    const got = await kubectl(target, ['get', `lease/${name}`, '-o', 'json']);
    if (got.exitCode !== 0) {
      if (/NotFound/i.test(got.stderr)) continue;
      throw unreachable(target, got, `reading lease/${name}`);
    }
    const lease = parseLease(got.stdout, target, 'get');
    const current = holderOf(lease);
    if (current && !isExpired(current, input.now)) {
      throw new ConflictError(`${current.name} <${current.email}> on ${current.host} holds the ${input.environment} lock (${current.operation}).`, {
        where: `lease/${name} in ${target.context}/${target.namespace}`,
        expected: 'no other deploy or rollback running for this environment on any machine',
        found: describeHolder(current),
        hint: `Wait for it to finish. If that run crashed, the Lease can be taken over in ${formatDuration(Math.max(0, Date.parse(current.renewedAt) + current.leaseMs - input.now.getTime()))} (team.lease).`,
      });
    }
    const swapped = await replace(target, name, holder, lease.metadata.resourceVersion, (lease.spec.leaseTransitions ?? 0) + 1);
    if (swapped) return held(target, name, holder, swapped, current);
  }
  throw new ConflictError(`Could not take lease/${name}: it kept changing hands.`, { where: `${target.context}/${target.namespace}`, hint: 'Another machine is deploying right now. Wait for it, then run the command again.' });
}

function held(target: LeaseTarget, name: string, holder: TeamLockHolder, lease: LeaseObject, tookOverFrom?: TeamLockHolder): HeldTeamLock {
  let version = lease.metadata.resourceVersion;
  const transitions = lease.spec.leaseTransitions ?? 0;
  let ours = true;
  return {
    holder,
    ...(tookOverFrom ? { tookOverFrom } : {}),
    async renew(now = new Date()) {
      if (!ours) return false;
      const next = await replace(target, name, { ...holder, renewedAt: now.toISOString() }, version, transitions);
      if (next) version = next.metadata.resourceVersion;
      else ours = false;
      return ours;
    },
    async release() {
      if (!ours) return;
      ours = false;
      await replace(target, name, undefined, version, transitions);
    },
  };
}

/** Compare-and-swap on resourceVersion; the new Lease, or undefined when someone changed it first. */
async function replace(target: LeaseTarget, name: string, holder: TeamLockHolder | undefined, resourceVersion: string | undefined, transitions: number): Promise<LeaseObject | undefined> {
  const manifest = leaseFor(target, name, holder, transitions);
  if (resourceVersion) manifest.metadata.resourceVersion = resourceVersion;
  const result = await kubectl(target, ['replace', '-f', '-', '-o', 'json'], manifest);
  if (result.exitCode === 0) return parseLease(result.stdout, target, 'replace');
  if (/Conflict|has been modified|NotFound/i.test(result.stderr)) return undefined;
  throw unreachable(target, result, `replacing lease/${name}`);
}

function leaseFor(target: LeaseTarget, name: string, holder: TeamLockHolder | undefined, transitions = 0): LeaseObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name, namespace: target.namespace, annotations: holder ? { [HOLDER_ANNOTATION]: JSON.stringify(holder) } : {} },
    spec: holder
      ? { holderIdentity: `${holder.email}@${holder.host}/${holder.pid}`, leaseDurationSeconds: Math.max(1, Math.ceil(holder.leaseMs / 1000)), acquireTime: microTime(holder.startedAt), renewTime: microTime(holder.renewedAt), leaseTransitions: transitions }
      : { holderIdentity: '', leaseTransitions: transitions },
  };
}

/** Who holds a Lease: shipgate's annotation, else the plain Lease fields (another tool's lease); none when released. */
function holderOf(lease: LeaseObject): TeamLockHolder | undefined {
  if (!lease.spec.holderIdentity) return undefined;
  try {
    const parsed = JSON.parse(lease.metadata.annotations?.[HOLDER_ANNOTATION] ?? '') as TeamLockHolder;
    if (typeof parsed.renewedAt === 'string' && typeof parsed.leaseMs === 'number') return parsed;
  } catch {
    // not ours: read the standard fields
  }
  const renewed = lease.spec.renewTime ?? lease.spec.acquireTime ?? new Date(0).toISOString();
  return { v: 1, id: lease.spec.holderIdentity, name: lease.spec.holderIdentity, email: 'unknown', host: 'unknown', pid: 0, environment: '', operation: 'a Lease held outside shipgate', startedAt: renewed, renewedAt: new Date(Date.parse(renewed) || 0).toISOString(), leaseMs: (lease.spec.leaseDurationSeconds ?? 0) * 1000 };
}

function microTime(iso: string): string {
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

function parseLease(text: string, target: LeaseTarget, doing: string): LeaseObject {
  try {
    const parsed = JSON.parse(text) as LeaseObject;
    if (parsed && parsed.kind === 'Lease' && parsed.metadata && parsed.spec) return parsed;
  } catch {
    // fall through
  }
  throw new FailedError(`kubectl ${doing} answered with something that is not a Lease.`, { where: `${target.context}/${target.namespace}`, found: quote(text, 200), hint: 'Check that the cluster serves coordination.k8s.io/v1.' });
}

async function kubectl(target: LeaseTarget, args: string[], input?: LeaseObject): Promise<RunResult> {
  return runArgv(target.kubectl ?? 'kubectl', ['--context', target.context, '--namespace', target.namespace, `--request-timeout=${Math.max(1, Math.ceil(target.timeoutMs / 1000))}s`, ...args], {
    cwd: target.projectRoot,
    timeoutMs: target.timeoutMs,
    ...(input ? { input: JSON.stringify(input) } : {}),
  });
}

function unreachable(target: LeaseTarget, result: RunResult, doing: string): FailedError {
  const why = result.timedOut ? `no answer within ${Math.round(target.timeoutMs / 1000)}s` : quote((result.stderr || result.spawnError || `exit ${result.exitCode}`).trim(), 200);
  return new FailedError(`The cluster ${quote(target.context)} could not be asked while ${doing}; the lock state is unknown, so nothing was done.`, {
    where: `kubectl --context ${target.context} --namespace ${target.namespace}`,
    expected: 'a cluster that answers for coordination.k8s.io/v1 Leases',
    found: why,
    hint: 'Check the cluster connection (`kubectl get lease`), or raise team.timeout; then run the command again.',
  });
}
