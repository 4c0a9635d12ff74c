/**
 * Child process for file-lock.test.ts: takes the lock `rounds` times, logging "enter"/"exit" lines
 * (with O_APPEND, so lines of different processes never interleave) around a short critical section.
 * Usage: node lock-racer.mjs <lock> <log> <rounds> <name>
 */
import { appendFileSync } from 'node:fs';
import { withFileLock } from '../../mcp-server/src/util/file-lock.js';

const [lock, log, rounds, name] = process.argv.slice(2) as [string, string, string, string];
for (let round = 0; round < Number(rounds); round += 1) {
  await withFileLock(
    lock,
    async () => {
      appendFileSync(log, `enter ${name}\n`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      appendFileSync(log, `exit ${name}\n`);
    },
    { operation: `racer ${name}`, timeoutMs: 60_000 },
  );
}
