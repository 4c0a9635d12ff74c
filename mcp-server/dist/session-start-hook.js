import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  resolveStoreDir
} from "./chunks/chunk-M3MLCKII.js";
import {
  lookupSessionCache
} from "./chunks/chunk-VBOBU6E4.js";
import "./chunks/chunk-CMTZTRQJ.js";

// mcp-server/src/cli/session-start-hook-main.ts
var projectRoot = process.env.CLAUDE_PROJECT_DIR || process.cwd();
try {
  const storeDir = await resolveStoreDir(projectRoot);
  const cache = await lookupSessionCache(storeDir);
  if (cache.state === "hit") process.stdout.write(cache.text);
  if (cache.state === "miss") {
    const { sessionLessonsFromStore } = await import("./chunks/session-lessons-W7NIPMQ2.js");
    process.stdout.write(await sessionLessonsFromStore(storeDir));
  }
} catch (error) {
  process.stderr.write(`shipgate lessons unavailable: ${error.message.split("\n")[0]}
`);
}
process.exitCode = 0;
