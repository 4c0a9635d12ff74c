/**
 * The plugin's own folder (where `.claude-plugin/` and `skills/` live): `CLAUDE_PLUGIN_ROOT` when Claude
 * Code sets it, else found by walking up from this module (works from src/ and from the dist bundle).
 * Only read from: learnings are never written here, because a plugin update replaces this folder.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findPluginRoot(env: NodeJS.ProcessEnv = process.env, from: string = fileURLToPath(import.meta.url)): string | undefined {
  const fromEnv = env.CLAUDE_PLUGIN_ROOT;
  if (fromEnv && existsSync(join(fromEnv, '.claude-plugin'))) return fromEnv;
  let dir = dirname(from);
  for (;;) {
    if (existsSync(join(dir, '.claude-plugin'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
