/**
 * The one cross-process lock (deploys and rollbacks per environment, release runs, the learnings store,
 * attestations). A lock is a file created atomically with its full content (written to a temp file,
 * then `link()`ed into place: it exists complete or not at all) naming its holder: pid, process start
 * time, host, operation and when.
 *
 * A lock is stale when its holder is gone: same host and the process has exited, is a zombie, or the
 * pid now belongs to another process (util/process-alive.ts). A holder on another host is never
 * judged from here. Taking over a stale lock is atomic: only the holder of `<lock>.takeover` (itself
 * created with `link()`) may remove a lock it did not create, and it re-reads the lock under that guard
 * before removing it, so two waiters can never both remove-and-take: one removes the stale lock, then
 * all compete for the free one with the same atomic create. A process alive never loses its lock.
 * Only a crash inside the takeover window itself (a few system calls) leaves a guard that the next
 * waiter removes once its holder is dead.
 *
 * Good: `await withFileLock(join(dir, 'events.lock'), () => appendLine(...), { operation: 'learnings write' })`.
 * Bad:  `rm(lock)` after seeing a dead pid, then `open(lock, 'wx')`: a second waiter that saw the same
 *       dead pid removes the lock the first one has just taken, and both run.
 */
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { ConflictError, type ShipgateError } from '../errors.js';
import { abortableSleep } from './clock.js';
import { isProcessAlive, processStartTicks } from './process-alive.js';

export const lockHolderSchema = z
  .object({
    pid: z.number().int().positive(),
    /** The holder's start time in clock ticks (Linux): tells a reused pid from the holder. */
    startTicks: z.number().int().nonnegative().optional(),
    host: z.string(),
    operation: z.string(),
    startedAt: z.string(),
    /** Unique per acquisition: release removes the lock only if it is still this one. */
    token: z.string(),
  })
  .strict();

export type LockHolder = z.output<typeof lockHolderSchema>;

export interface FileLockOptions {
  /** What the holder does, shown to whoever is refused ("deploy of v1.2.0"). */
  operation?: string;
  /** How long to wait for a live holder; 0 refuses at once. Default 15 s. */
  timeoutMs?: number;
  /** The refusal when a live holder keeps the lock (default: a ConflictError naming the lock and holder). */
  busy?: (holder: LockHolder | undefined, lockPath: string) => ShipgateError;
  now?: () => Date;
}

/** A lock file that does not parse is stale once it is older than this (it was never ours to wait on). */
const UNREADABLE_GRACE_MS = 1_000;

export async function withFileLock<T>(lockPath: string, action: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const release = await acquireFileLock(lockPath, options);
  try {
    return await action();
  } finally {
    await release();
  }
}

/** Take the lock (waiting up to `timeoutMs` for a live holder); resolves to its release function. */
export async function acquireFileLock(lockPath: string, options: FileLockOptions = {}): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadline = Date.now() + timeoutMs;
  const holder = newHolder(options.operation ?? 'shipgate', options.now);
  await mkdir(dirname(lockPath), { recursive: true });
  const candidate = await writeCandidate(lockPath, holder);
  try {
    let delay = 2;
    for (;;) {
      if (await linkInto(candidate, lockPath)) return releaser(lockPath, holder.token);
      const current = await readLock(lockPath);
      if (current === 'missing') continue;
      if (isStale(current)) {
        await takeOverStale(lockPath, current);
        continue;
      }
      if (Date.now() >= deadline) throw (options.busy ?? defaultBusy)(current.holder, lockPath);
      await abortableSleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 50);
    }
  } finally {
    await rm(candidate, { force: true });
  }
}

/** The holder recorded in a lock file, or undefined when there is none or it does not parse. */
export async function readLockHolder(lockPath: string): Promise<LockHolder | undefined> {
  const current = await readLock(lockPath);
  return current === 'missing' ? undefined : current.holder;
}

interface LockContent {
  raw: string;
  holder?: LockHolder;
  ageMs: number;
}

function newHolder(operation: string, now?: () => Date): LockHolder {
  const startTicks = processStartTicks();
  return {
    pid: process.pid,
    ...(startTicks !== undefined ? { startTicks } : {}),
    host: hostname(),
    operation,
    startedAt: (now ?? (() => new Date()))().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
}

async function writeCandidate(lockPath: string, holder: LockHolder): Promise<string> {
  const file = join(dirname(lockPath), `.${basename(lockPath)}.${holder.token}.tmp`);
  await writeFile(file, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
  return file;
}

/** Atomically create `target` with the candidate's content; false when it exists already. */
async function linkInto(candidate: string, target: string): Promise<boolean> {
  try {
    await link(candidate, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function readLock(lockPath: string): Promise<LockContent | 'missing'> {
  try {
    const [raw, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const ageMs = Date.now() - info.mtimeMs;
    try {
      const parsed = lockHolderSchema.safeParse(JSON.parse(raw));
      return parsed.success ? { raw, holder: parsed.data, ageMs } : { raw, ageMs };
    } catch {
      return { raw, ageMs };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

function isStale(content: LockContent): boolean {
  const { holder } = content;
  if (!holder) return content.ageMs > UNREADABLE_GRACE_MS;
  return holder.host === hostname() && !isProcessAlive(holder.pid, holder.startTicks);
}

/**
 * Remove the stale lock seen as `seen`, under the takeover guard, only if it is still that lock. Returns
 * without removing anything when another waiter holds the guard or got there first; the caller retries.
 */
async function takeOverStale(lockPath: string, seen: LockContent): Promise<void> {
  const guardPath = `${lockPath}.takeover`;
  const guardHolder = newHolder(`takeover of ${basename(lockPath)}`);
  const guardCandidate = await writeCandidate(guardPath, guardHolder);
  try {
    if (!(await linkInto(guardCandidate, guardPath))) {
      const guard = await readLock(guardPath);
      if (guard !== 'missing' && isStale(guard)) {
        // Its holder died inside the takeover window: remove that guard only if it is still the same one.
        const again = await readLock(guardPath);
        if (again !== 'missing' && again.raw === guard.raw) await rm(guardPath, { force: true });
      } else {
        await abortableSleep(1);
      }
      return;
    }
    try {
      const current = await readLock(lockPath);
      if (current !== 'missing' && current.raw === seen.raw) await rm(lockPath, { force: true });
    } finally {
      await rm(guardPath, { force: true });
    }
  } finally {
    await rm(guardCandidate, { force: true });
  }
}

function releaser(lockPath: string, token: string): () => Promise<void> {
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    // Only the holder or a takeover of a dead holder removes a lock: if it is still ours, it is ours to remove.
    const current = await readLock(lockPath);
    if (current !== 'missing' && current.holder?.token === token) await rm(lockPath, { force: true });
  };
}

function defaultBusy(holder: LockHolder | undefined, lockPath: string): ShipgateError {
  return new ConflictError(`${lockPath} is locked by another run${holder ? ` (${holder.operation})` : ''}.`, {
    where: lockPath,
    expected: 'the lock to be released',
    found: holder ? `held by pid ${holder.pid} on ${holder.host} since ${holder.startedAt}` : 'a lock file shipgate cannot read',
    hint: 'Wait for the other shipgate run to finish; if no shipgate process is running, delete the lock file.',
  });
}
