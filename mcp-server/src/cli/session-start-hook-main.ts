/**
 * SessionStart hook entry (bundled to mcp-server/dist/session-start-hook.cjs): prints the top three
 * pitfalls of this repository so the next session starts with its lessons in view. Prints nothing
 * when there is no store. A hook must never break a session: any failure is one line on stderr and
 * exit 0. Fast path (goal ≤ 100 ms start to exit at 100,000 events, on a fresh clone too): only node
 * built-ins are loaded to find the store and read the text cached for exactly the current events; when
 * they changed (a merge, a pull, a fresh clone), the summary is loaded from the newest snapshot or
 * committed checkpoint plus the events after it, and the local caches are written for the next start.
 */
import { writeSync } from 'node:fs';
import { resolveStoreDir } from '../learnings/store-dir.js';
import { lookupSessionCache } from '../learnings/session-cache.js';
import { findProjectRoot } from '../project/find-project-root.js';

/** No top-level await: the hook is bundled as CommonJS (scripts/build.mjs, hookBuildOptions). */
async function main(): Promise<void> {
  try {
    // Launched from `<repo>/app`, the session's lessons are still the repository's (nearest config, else git top).
    const projectRoot = await findProjectRoot(process.env.CLAUDE_PROJECT_DIR || process.cwd());
    const storeDir = await resolveStoreDir(projectRoot);
    const cache = await lookupSessionCache(storeDir);
    if (cache.state === 'hit') print(1, cache.text);
    if (cache.state === 'miss') {
      const { sessionLessonsFromStore } = await import('../learnings/session-lessons.js');
      print(1, await sessionLessonsFromStore(storeDir));
    }
  } catch (error) {
    try {
      print(2, `shipgate lessons unavailable: ${(error as Error).message.split('\n').map((line) => line.trim()).filter(Boolean).slice(0, 3).join(' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')}\n`);
    } catch {
      // Nowhere left to say it (both outputs closed); the session still starts.
    }
  }
  process.exitCode = 0;
}

/**
 * Plain descriptor writes: touching `process.stdout` builds a stream (node:stream, and node:net when
 * Claude Code hands over a pipe), 2–5 ms of a hook that should cost nothing. A descriptor the parent
 * made non-blocking can refuse with EAGAIN when full; only then is the stream used.
 */
function print(fd: 1 | 2, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
    (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(offset));
  }
}

void main();
