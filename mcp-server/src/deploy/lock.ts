/**
 * One deploy or rollback per environment at a time: `<state>/locks/<env>.lock` through the shared file
 * lock (util/file-lock.ts). A second deploy is refused at once, naming the holder; a lock whose process
 * is gone (same host: exited, zombie, or its pid reused) is taken over atomically.
 */
import { join } from 'node:path';
import { ConflictError } from '../errors.js';
import { statePaths } from '../project/paths.js';
import { acquireFileLock } from '../util/file-lock.js';

export async function acquireDeployLock(projectRoot: string, environment: string, operation: string, now = new Date()): Promise<() => Promise<void>> {
  const file = join(statePaths(projectRoot).locks, `${environment}.lock`);
  return acquireFileLock(file, {
    operation,
    timeoutMs: 0,
    now: () => now,
    busy: (holder) =>
      holder
        ? new ConflictError(`Another ${holder.operation} holds the ${environment} lock.`, {
            where: file,
            expected: 'no other deploy or rollback running for this environment',
            found: `pid ${holder.pid} on ${holder.host}, started ${holder.startedAt}`,
            hint: `Wait for it to finish. If that process is gone, delete ${file}.`,
          })
        : new ConflictError(`The ${environment} lock file cannot be read.`, { where: file, expected: 'a lock written by shipgate', hint: `Delete ${file} if no shipgate process is running.` }),
  });
}
