import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  formatTopPitfalls,
  summarizeAnalysis
} from "./chunk-CHPPYB6P.js";
import {
  eventsPath,
  readCatalogSnapshot,
  readEvents
} from "./chunk-MTZFLQ7W.js";
import {
  analyzeLearnings
} from "./chunk-45S5TUYB.js";
import {
  resolveStoreDir
} from "./chunk-M3MLCKII.js";
import {
  SESSION_CACHE_FILE,
  lookupSessionCache
} from "./chunk-VBOBU6E4.js";
import {
  writeFileAtomic
} from "./chunk-O4TABYHR.js";

// mcp-server/src/learnings/session-lessons.ts
import { stat } from "node:fs/promises";
import { join } from "node:path";
async function sessionLessons(projectRoot) {
  const storeDir = await resolveStoreDir(projectRoot);
  const cache = await lookupSessionCache(storeDir);
  if (cache.state === "no-store") return "";
  if (cache.state === "hit") return cache.text;
  return sessionLessonsFromStore(storeDir);
}
async function sessionLessonsFromStore(storeDir) {
  const { events, warnings } = await readEvents(storeDir);
  return sessionText(events, await readCatalogSnapshot(storeDir), warnings);
}
function sessionText(events, catalog, warnings) {
  return sessionTextFrom(analyzeLearnings(events, catalog), warnings);
}
function sessionTextFrom(analysis, warnings) {
  const note = warnings.length > 0 ? `(${warnings.length} unreadable line${warnings.length === 1 ? "" : "s"} in events.jsonl skipped; run \`shipgate learnings show\` for details.)
` : "";
  return formatTopPitfalls(summarizeAnalysis(analysis)) + note;
}
async function writeSessionCache(storeDir, text) {
  const info = await stat(eventsPath(storeDir));
  const cache = { v: 1, size: info.size, mtimeMs: info.mtimeMs, text };
  await writeFileAtomic(join(storeDir, SESSION_CACHE_FILE), JSON.stringify(cache));
}

export {
  sessionLessons,
  sessionLessonsFromStore,
  sessionText,
  sessionTextFrom,
  writeSessionCache
};
