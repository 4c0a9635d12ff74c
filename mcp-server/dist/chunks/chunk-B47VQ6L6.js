import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/learnings/plugin-root.ts
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
function findPluginRoot(env = process.env, from = fileURLToPath(import.meta.url)) {
  const fromEnv = env.CLAUDE_PLUGIN_ROOT;
  if (fromEnv && existsSync(join(fromEnv, ".claude-plugin"))) return fromEnv;
  let dir = dirname(from);
  for (; ; ) {
    if (existsSync(join(dir, ".claude-plugin"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return void 0;
    dir = parent;
  }
}

export {
  findPluginRoot
};
