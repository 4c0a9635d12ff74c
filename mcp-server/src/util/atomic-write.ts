/**
 * Atomic file writes: a temp file in the same folder, then rename. Readers see the old or the new
 * file, never half. `durable` (the default) also fsyncs before the rename: state and records must
 * survive a crash; a derived cache (`durable: false`) is simply rebuilt when lost.
 *
 * The temp name is unique by pid, time and a counter, and created exclusively ('wx', O_EXCL): a file
 * or a symbolic link already at that name makes the write fail instead of being followed. No
 * node:crypto, so the SessionStart hook and `learnings show` can use it without loading that module.
 */
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';

let tempCounter = 0;

export interface AtomicWriteOptions {
  /** fsync the data before the rename (default true). */
  durable?: boolean;
}

export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(path);
  if (options.durable !== false) await mkdir(folder, { recursive: true });
  tempCounter += 1;
  const temp = join(folder, `.${basename(path)}.${process.pid}.${process.hrtime.bigint().toString(36)}.${tempCounter}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    try {
      await handle.writeFile(data);
      if (options.durable !== false) await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
