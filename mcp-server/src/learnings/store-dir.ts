/**
 * Where this repository's learnings live: config `learnings.dir` (default `.claude/shipgate/learnings`),
 * always inside the user's project and never in the plugin folder, which a plugin update replaces.
 * The common case (no `learnings:` key in the config) is decided without loading a YAML parser, so the
 * SessionStart hook stays fast (this module imports nothing but node:fs and node:path up front).
 *
 * Good: `learnings: { dir: .claude/shipgate/learnings }`.  Bad: `learnings: { dir: ../elsewhere }` (refused).
 */
import { readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';

export const DEFAULT_LEARNINGS_DIR = '.claude/shipgate/learnings';
/** Same order as config/load-config.ts: the first file that exists is the config. */
const CONFIG_FILES = ['shipgate.config.yaml', join('.claude', 'shipgate.yaml')];

export async function resolveStoreDir(projectRoot: string): Promise<string> {
  for (const name of CONFIG_FILES) {
    const text = await readFile(join(projectRoot, name), 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    if (!/^learnings\s*:/m.test(text)) break;
    // The config names a learnings section: read it through the one validated config loader.
    const { loadConfig, resolveConfiguredPath } = await import('./store-dir-config.js');
    const { config, path } = await loadConfig(projectRoot);
    return resolveConfiguredPath(projectRoot, config.learnings.dir, 'learnings.dir', path);
  }
  return defaultStoreDir(projectRoot);
}

/**
 * The default folder, checked after realpath without loading the config module: a `.claude` (or deeper)
 * symbolic link that leads out of the project is refused by the one check in util/paths.ts.
 */
async function defaultStoreDir(projectRoot: string): Promise<string> {
  const dir = join(projectRoot, DEFAULT_LEARNINGS_DIR);
  const [realRoot, real] = await Promise.all([realPrefix(projectRoot), realPrefix(dir)]);
  const rel = relative(realRoot, real);
  if (rel === '..' || rel.startsWith(`..${sep}`) || rel.startsWith(sep)) {
    const { resolveConfiguredPath } = await import('./store-dir-config.js');
    await resolveConfiguredPath(projectRoot, DEFAULT_LEARNINGS_DIR, 'learnings.dir', null);
  }
  return dir;
}

/** realpath of the longest existing prefix, the rest appended (the store may not exist yet). */
async function realPrefix(path: string): Promise<string> {
  const rest: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    const real = await realpath(at).catch(() => undefined);
    if (real !== undefined) return join(real, ...rest.reverse());
    if (dirname(at) === at) return path;
    rest.push(basename(at));
  }
}

/**
 * The store for a `learnings.dir` the caller already read from the loaded config (the gate has it):
 * the same answer as resolveStoreDir without reading the config file a second time.
 */
export async function storeDirFromConfig(projectRoot: string, configuredDir: string): Promise<string> {
  if (configuredDir === DEFAULT_LEARNINGS_DIR) return defaultStoreDir(projectRoot);
  const { resolveConfiguredPath } = await import('./store-dir-config.js');
  return resolveConfiguredPath(projectRoot, configuredDir, 'learnings.dir', null);
}
