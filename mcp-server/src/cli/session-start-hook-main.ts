/**
 * SessionStart hook entry (bundled to mcp-server/dist/session-start-hook.cjs): prints the top three
 * pitfalls of this repository so the next session starts with its lessons in view. Prints nothing
 * when there is no store. A hook must never break a session: any failure is one line on stderr and
 * exit 0. Fast path (goal ≤ 100 ms start to exit at 100,000 events, on a fresh clone too): only node
 * built-ins are loaded to find the store and read the text cached for exactly the current events; when
 * they changed (a merge, a pull, a fresh clone), the summary is loaded from the newest snapshot or
 * committed checkpoint plus the events after it, and the local caches are written for the next start.
 */
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
    if (cache.state === 'hit') process.stdout.write(cache.text);
    if (cache.state === 'miss') {
      const { sessionLessonsFromStore } = await import('../learnings/session-lessons.js');
      process.stdout.write(await sessionLessonsFromStore(storeDir));
    }
  } catch (error) {
    process.stderr.write(`shipgate lessons unavailable: ${(error as Error).message.split('\n')[0]}\n`);
  }
  process.exitCode = 0;
}

void main();
