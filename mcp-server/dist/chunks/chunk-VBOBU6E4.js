import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/learnings/session-cache.ts
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
var SESSION_CACHE_FILE = "session-summary.json";
async function lookupSessionCache(storeDir) {
  const info = await stat(join(storeDir, "events.jsonl")).catch(() => void 0);
  if (!info) return { state: "no-store" };
  const cached = await readFile(join(storeDir, SESSION_CACHE_FILE), "utf8").then((text) => JSON.parse(text)).catch(() => void 0);
  if (cached && cached.v === 1 && cached.size === info.size && cached.mtimeMs === info.mtimeMs && typeof cached.text === "string") {
    return { state: "hit", text: cached.text };
  }
  return { state: "miss" };
}

export {
  SESSION_CACHE_FILE,
  lookupSessionCache
};
