/**
 * A cross-process lock for the learnings store: a lock file created with O_EXCL holding the owner's
 * pid and start time. A lock whose owner process is gone, or that is older than `staleMs`, is stolen
 * (a crashed run must not block the next one forever). Waiters retry with a short jittered backoff.
 *
 * Good: `await withFileLock(join(dir, 'events.lock'), () => appendLine(...))`.
 * Bad:  appending without the lock from 20 processes: lines of different runs can interleave.
 */
import { open, readFile, rm, stat, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConflictError } from '../errors.js';

export interface LockOptions {
  /** Give up after this long. */
  timeoutMs?: number;
  /** A lock older than this is considered abandoned. */
  staleMs?: number;
}

export async function withFileLock<T>(lockPath: string, action: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const release = await acquireFileLock(lockPath, options);
  try {
    return await action();
  } finally {
    await release();
  }
}

export async function acquireFileLock(lockPath: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const staleMs = options.staleMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const token = `${process.pid} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
  await mkdir(dirname(lockPath), { recursive: true });
  let delay = 2;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      return async () => {
        // Only remove the lock if it is still ours (it may have been stolen as stale).
        const current = await readFile(lockPath, 'utf8').catch(() => undefined);
        if (current === token) await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const staleOwner = await staleLockOwner(lockPath, staleMs);
    if (staleOwner !== undefined) {
      // Re-read right before removing so a lock just re-taken by another waiter is left alone.
      const again = await readFile(lockPath, 'utf8').catch(() => undefined);
      if (again === staleOwner) await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      const owner = await readFile(lockPath, 'utf8').catch(() => '?');
      throw new ConflictError('The learnings store is locked by another run.', {
        where: lockPath,
        expected: `the lock to be released within ${timeoutMs} ms`,
        found: `held by "${owner.split(' ')[0] ?? '?'}"`,
        hint: 'Wait for the other shipgate run to finish; if no run is active, delete the lock file.',
      });
    }
    await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 50);
  }
}

/** The lock's content when it is abandoned (owner gone or too old), else undefined. */
async function staleLockOwner(lockPath: string, staleMs: number): Promise<string | undefined> {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    const age = Date.now() - info.mtimeMs;
    if (age > staleMs) return content;
    const pid = Number(content.split(' ')[0]);
    if (!Number.isInteger(pid) || pid <= 0) {
      // Created but not yet filled by its owner: give it a moment.
      return age > 1_000 ? content : undefined;
    }
    return processAlive(pid) ? undefined : content;
  } catch {
    return undefined; // Vanished meanwhile: the next attempt will tell.
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
