/**
 * One deploy per environment across every clone: the lock is the ref `refs/shipgate/locks/<env>` on
 * the team remote, a commit whose `lock.json` says who (git identity, host, pid), what and since when.
 *
 * - take: create the ref only if it does not exist (`--force-with-lease=<ref>:`, an empty lease);
 * - refused: read the holder and name it;
 * - crashed holder: a lock not renewed within its lease is replaced with compare-and-swap on the SHA
 *   that was read, so of several machines taking it over exactly one succeeds;
 * - renew: swap our own SHA for a fresh one (long monitors); release: delete, again only if still ours.
 * An unreachable remote throws (remoteUnreachable): the lock state is unknown and nothing proceeds.
 *
 * Good: two laptops deploy production at once: one runs, the other is told "Ada on ada-laptop holds it".
 * Bad:  a stale lock deleted and re-created in two steps: a third machine could slip in between.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { ConflictError, quote } from '../errors.js';
import { formatDuration } from '../util/duration.js';
import { fetchArea, gitIdentity, pushRef, readFiles, readRef, writeFilesCommit, type RemoteContext } from './git-remote.js';

export interface TeamLockHolder {
  v: 1;
  id: string;
  name: string;
  email: string;
  host: string;
  pid: number;
  environment: string;
  operation: string;
  startedAt: string;
  renewedAt: string;
  leaseMs: number;
}

export interface HeldTeamLock {
  holder: TeamLockHolder;
  /** The crashed holder whose expired lock was taken over, if any. */
  tookOverFrom?: TeamLockHolder;
  /** Push a fresh renewedAt; false when the lock is no longer ours (taken over after our lease ran out). */
  renew(now?: Date): Promise<boolean>;
  /** Delete the lock if it is still ours. */
  release(): Promise<void>;
}

export interface AcquireTeamLockInput {
  environment: string;
  operation: string;
  leaseMs: number;
  now: Date;
}

const ATTEMPTS = 6;

export function lockRef(environment: string): string {
  return `refs/shipgate/locks/${environment}`;
}

export async function acquireRemoteLock(ctx: RemoteContext, input: AcquireTeamLockInput): Promise<HeldTeamLock> {
  const ref = lockRef(input.environment);
  const identity = await gitIdentity(ctx.projectRoot);
  const startedAt = input.now.toISOString();
  const holder: TeamLockHolder = { v: 1, id: randomUUID(), ...identity, host: hostname(), pid: process.pid, environment: input.environment, operation: input.operation, startedAt, renewedAt: startedAt, leaseMs: input.leaseMs };
  const mine = await writeLockCommit(ctx, holder);
  let lastSeen: TeamLockHolder | undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const created = await pushRef(ctx, ref, mine, { expect: null });
    if (created.ok) return held(ctx, ref, holder, mine);
    const current = await readRemoteLock(ctx, input.environment);
    if (!current) continue; // released between our push and our read: try again
    lastSeen = current.holder;
    if (!isExpired(current.holder, input.now)) throw heldBy(current.holder, ref, input.now);
    // Expired: swap exactly the SHA we read. A concurrent taker or a late renewal makes this fail.
    const takeover = await pushRef(ctx, ref, mine, { expect: current.sha });
    if (takeover.ok) return held(ctx, ref, holder, mine, current.holder);
  }
  throw new ConflictError(`Could not take the ${input.environment} lock on ${quote(ctx.remote)}: it kept changing hands.`, {
    where: `${ctx.remote} ${ref}`,
    expected: 'the lock free, or held past its lease',
    ...(lastSeen ? { found: describeHolder(lastSeen) } : {}),
    hint: 'Another machine is deploying or rolling back right now. Wait for it, then run the command again.',
  });
}

/** The lock on the remote now (fetched), or undefined when there is none. Unreachable throws. */
export async function readRemoteLock(ctx: RemoteContext, environment: string): Promise<{ sha: string; holder: TeamLockHolder } | undefined> {
  await fetchArea(ctx, 'locks');
  const sha = await readRef(ctx.projectRoot, lockRef(environment));
  if (!sha) return undefined;
  const files = await readFiles(ctx.projectRoot, sha, ['lock.json']);
  return { sha, holder: parseHolder(files['lock.json'], sha) };
}

export function isExpired(holder: TeamLockHolder, now: Date): boolean {
  return Date.parse(holder.renewedAt) + holder.leaseMs <= now.getTime();
}

export function describeHolder(holder: TeamLockHolder): string {
  return `${holder.name} <${holder.email}> on ${holder.host} (pid ${holder.pid}): ${holder.operation}, since ${holder.startedAt}, lease ${formatDuration(holder.leaseMs)} renewed at ${holder.renewedAt}`;
}

function heldBy(holder: TeamLockHolder, ref: string, now: Date): ConflictError {
  const left = Date.parse(holder.renewedAt) + holder.leaseMs - now.getTime();
  return new ConflictError(`${holder.name} <${holder.email}> on ${holder.host} holds the ${holder.environment} lock (${holder.operation}).`, {
    where: ref,
    expected: 'no other deploy or rollback running for this environment on any machine',
    found: describeHolder(holder),
    hint: `Wait for it to finish. If that run crashed, its lock can be taken over in ${formatDuration(Math.max(0, left))} (team.lease).`,
  });
}

function held(ctx: RemoteContext, ref: string, holder: TeamLockHolder, sha: string, tookOverFrom?: TeamLockHolder): HeldTeamLock {
  let current = sha;
  let ours = true;
  return {
    holder,
    ...(tookOverFrom ? { tookOverFrom } : {}),
    async renew(now = new Date()) {
      if (!ours) return false;
      const next = await writeLockCommit(ctx, { ...holder, renewedAt: now.toISOString() });
      const pushed = await pushRef(ctx, ref, next, { expect: current });
      if (pushed.ok) current = next;
      else ours = false;
      return ours;
    },
    async release() {
      if (!ours) return;
      ours = false;
      await pushRef(ctx, ref, null, { expect: current });
    },
  };
}

async function writeLockCommit(ctx: RemoteContext, holder: TeamLockHolder): Promise<string> {
  return writeFilesCommit(ctx.projectRoot, { 'lock.json': `${JSON.stringify(holder, null, 2)}\n` }, `shipgate lock ${holder.environment}: ${holder.operation}`);
}

/**
 * A lock we cannot read is still a lock: it is treated as held since the epoch with no lease, i.e.
 * expired, so it is taken over by compare-and-swap like a crashed holder's, never ignored.
 */
function parseHolder(text: string | undefined, sha: string): TeamLockHolder {
  try {
    const parsed = JSON.parse(text ?? '') as Partial<TeamLockHolder>;
    if (typeof parsed.name === 'string' && typeof parsed.host === 'string' && typeof parsed.renewedAt === 'string' && typeof parsed.leaseMs === 'number' && !Number.isNaN(Date.parse(parsed.renewedAt))) {
      return { v: 1, id: String(parsed.id ?? sha), name: parsed.name, email: String(parsed.email ?? 'unknown'), host: parsed.host, pid: Number(parsed.pid ?? 0), environment: String(parsed.environment ?? ''), operation: String(parsed.operation ?? 'unknown operation'), startedAt: String(parsed.startedAt ?? parsed.renewedAt), renewedAt: parsed.renewedAt, leaseMs: parsed.leaseMs };
    }
  } catch {
    // fall through
  }
  return { v: 1, id: sha, name: 'unreadable lock', email: 'unknown', host: 'unknown', pid: 0, environment: '', operation: `damaged lock commit ${sha.slice(0, 12)}`, startedAt: new Date(0).toISOString(), renewedAt: new Date(0).toISOString(), leaseMs: 0 };
}
