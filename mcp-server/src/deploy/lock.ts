/**
 * One deploy per environment at a time: `.claude/shipgate/locks/<env>.lock`, created with O_EXCL and
 * holding pid, host, what and when. A second deploy is refused naming the holder; a lock whose process
 * is gone (same host, dead pid) is stale and taken over.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ConflictError } from '../errors.js';
import { statePaths } from '../project/paths.js';

export interface LockHolder {
  pid: number;
  host: string;
  operation: string;
  startedAt: string;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function acquireDeployLock(projectRoot: string, environment: string, operation: string, now = new Date()): Promise<() => Promise<void>> {
  const dir = statePaths(projectRoot).locks;
  const file = join(dir, `${environment}.lock`);
  await mkdir(dir, { recursive: true });
  const holder: LockHolder = { pid: process.pid, host: hostname(), operation, startedAt: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
      await handle.close();
      return async () => {
        const current = await readHolder(file);
        if (current && current.pid === holder.pid && current.startedAt === holder.startedAt) await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = await readHolder(file);
      if (current && current.host === hostname() && !isProcessAlive(current.pid)) {
        await rm(file, { force: true });
        continue;
      }
      if (!current) {
        // Being written right now, or garbage: give the writer a moment, then treat garbage as stale.
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (!(await readHolder(file))) await rm(file, { force: true });
        continue;
      }
      throw new ConflictError(`Another ${current.operation} holds the ${environment} lock.`, {
        where: file,
        expected: 'no other deploy or rollback running for this environment',
        found: `pid ${current.pid} on ${current.host}, started ${current.startedAt}`,
        hint: `Wait for it to finish. If that process is gone, delete ${file}.`,
      });
    }
  }
  throw new ConflictError(`Could not take the ${environment} lock.`, { where: file, hint: `Delete ${file} if no shipgate process is running.` });
}

async function readHolder(file: string): Promise<LockHolder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' ? parsed : undefined;
  } catch {
    return undefined;
  }
}
