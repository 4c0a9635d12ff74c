/**
 * Where this repository's learnings live: config `learnings.dir` (default `.claude/shipgate/learnings`),
 * always inside the user's project and never in the plugin folder, which a plugin update replaces.
 * The common case (no `learnings:` key in the config) is decided without loading a YAML parser, so the
 * SessionStart hook stays fast (this module imports nothing but node:fs and node:path up front).
 *
 * Good: `learnings: { dir: .claude/shipgate/learnings }`.  Bad: `learnings: { dir: ../elsewhere }` (refused).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const DEFAULT_LEARNINGS_DIR = '.claude/shipgate/learnings';
/** Same order as config/load-config.ts: the first file that exists is the config. */
const CONFIG_FILES = ['shipgate.config.yaml', join('.claude', 'shipgate.yaml')];

export async function resolveStoreDir(projectRoot: string): Promise<string> {
  for (const name of CONFIG_FILES) {
    const text = await readFile(join(projectRoot, name), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    if (!/^learnings\s*:/m.test(text)) break;
    // The config names a learnings section: read it through the one validated config loader.
    const { loadConfig, resolveInsideProject } = await import('./store-dir-config.js');
    const { config } = await loadConfig(projectRoot);
    return resolveInsideProject(projectRoot, config.learnings.dir, 'learnings.dir');
  }
  return join(projectRoot, DEFAULT_LEARNINGS_DIR);
}

/**
 * The store for a `learnings.dir` the caller already read from the loaded config (the gate has it):
 * the same answer as resolveStoreDir without reading the config file a second time.
 */
export async function storeDirFromConfig(projectRoot: string, configuredDir: string): Promise<string> {
  if (configuredDir === DEFAULT_LEARNINGS_DIR) return join(projectRoot, DEFAULT_LEARNINGS_DIR);
  const { resolveInsideProject } = await import('./store-dir-config.js');
  return resolveInsideProject(projectRoot, configuredDir, 'learnings.dir');
}
