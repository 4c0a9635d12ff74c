import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  summarizeLearnings
} from "./chunk-CHPPYB6P.js";
import {
  loadCatalog,
  readEvents
} from "./chunk-MTZFLQ7W.js";
import {
  renderLearnings
} from "./chunk-V44AS647.js";
import {
  resolveStoreDir
} from "./chunk-M3MLCKII.js";

// mcp-server/src/learnings/read-learnings.ts
async function readLearnings(projectRoot, options = {}) {
  const storeDir = await resolveStoreDir(projectRoot);
  const { events, warnings, exists } = await readEvents(storeDir);
  const messages = warnings.map((w) => w.message);
  const catalog = await loadCatalog(projectRoot, storeDir, {
    pluginRoot: options.pluginRoot,
    writeSnapshot: exists,
    onWarning: (message) => messages.push(message)
  });
  return {
    storeDir,
    exists,
    events,
    summary: summarizeLearnings(events, catalog),
    markdown: renderLearnings(events, catalog, { warnings: warnings.map((w) => w.message) }),
    warnings: messages
  };
}

export {
  readLearnings
};
