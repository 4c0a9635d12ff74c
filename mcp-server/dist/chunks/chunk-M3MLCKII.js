import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/learnings/store-dir.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var DEFAULT_LEARNINGS_DIR = ".claude/shipgate/learnings";
var CONFIG_FILES = ["shipgate.config.yaml", join(".claude", "shipgate.yaml")];
async function resolveStoreDir(projectRoot) {
  for (const name of CONFIG_FILES) {
    const text = await readFile(join(projectRoot, name), "utf8").catch(() => void 0);
    if (text === void 0) continue;
    if (!/^learnings\s*:/m.test(text)) break;
    const { loadConfig } = await import("./load-config-67BOH7BU.js");
    const { resolveInsideProject } = await import("./paths-YFMNB2IQ.js");
    const { config } = await loadConfig(projectRoot);
    return resolveInsideProject(projectRoot, config.learnings.dir, "learnings.dir");
  }
  return join(projectRoot, DEFAULT_LEARNINGS_DIR);
}

export {
  DEFAULT_LEARNINGS_DIR,
  resolveStoreDir
};
