/**
 * The guard's policy for a folder: from the nearest shipgate.config.yaml (or .claude/shipgate.yaml,
 * looking up to the repository root), cached as JSON under shipgate's per-user state folder keyed by
 * the config's file stamp (mtime + size + inode), so the hook loads the YAML parser only when the
 * config changed. A config that exists but cannot be read or parsed yields the fail-closed policy.
 *
 * Good: the second hook call after an edit of the config parses it once, then reads the cache.
 * Bad:  parsing YAML on every Bash call, or falling back to "production/prod only" on a YAML typo.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brokenConfigPolicy, DEFAULT_GUARD_POLICY, policyFromConfig, type GuardPolicy } from './guard-policy.js';
import { protectedStatePaths } from './protected-paths.js';

const CONFIG_NAMES = ['shipgate.config.yaml', '.claude/shipgate.yaml'];
const CACHE_VERSION = 1;

interface CacheEntry {
  version: number;
  config: string;
  stamp: string;
  policy: GuardPolicy;
}

export async function loadGuardPolicy(cwd: string, env: Readonly<Record<string, string | undefined>>, loadYaml: () => Promise<(text: string) => unknown>): Promise<GuardPolicy> {
  const found = findConfig(cwd);
  if (!found) return DEFAULT_GUARD_POLICY;
  const { path, root, stamp } = found;
  const cacheFile = cachePath(path, env);
  if (cacheFile) {
    try {
      const entry = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheEntry;
      if (entry.version === CACHE_VERSION && entry.config === path && entry.stamp === stamp && entry.policy && Array.isArray(entry.policy.productionBranches)) return entry.policy;
    } catch {
      // no cache yet, or unreadable: parse below
    }
  }
  const { policy, cacheable } = await parsePolicy(path, root, loadYaml);
  if (cacheFile && cacheable) {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      const temp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ version: CACHE_VERSION, config: path, stamp, policy } satisfies CacheEntry));
      renameSync(temp, cacheFile);
    } catch {
      // a cache that cannot be written only costs speed
    }
  }
  return policy;
}

function findConfig(cwd: string): { path: string; root: string; stamp: string } | undefined {
  for (let folder = cwd; ; folder = dirname(folder)) {
    for (const name of CONFIG_NAMES) {
      const path = join(folder, name);
      try {
        const stat = statSync(path);
        return { path, root: folder, stamp: `${stat.mtimeMs}:${stat.size}:${stat.ino}` };
      } catch {
        // not here
      }
    }
    let atRepoRoot = false;
    try {
      statSync(join(folder, '.git'));
      atRepoRoot = true;
    } catch {
      atRepoRoot = false;
    }
    if (atRepoRoot || dirname(folder) === folder) return undefined;
  }
}

/**
 * The policy for the config's text. `cacheable` is false when the failure is not the config's but the
 * guard's own (its YAML parser file missing or unreadable, say mid-upgrade): the fail-closed policy
 * still applies to this call, but it is not cached against the config's stamp, so the next call tries
 * again instead of reporting a broken config until the file is next edited.
 */
async function parsePolicy(path: string, root: string, loadYaml: () => Promise<(text: string) => unknown>): Promise<{ policy: GuardPolicy; cacheable: boolean }> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { policy: brokenConfigPolicy(root, `${path} cannot be read: ${(error as Error).message}`), cacheable: false };
  }
  let parse: (text: string) => unknown;
  try {
    parse = await loadYaml();
  } catch (error) {
    return { policy: brokenConfigPolicy(root, `the guard cannot load its YAML parser to read ${path} (${(error as Error).message.split('\n')[0]}); reinstall the plugin if this persists`), cacheable: false };
  }
  try {
    return { policy: policyFromConfig(parse(text), root), cacheable: true };
  } catch (error) {
    return { policy: brokenConfigPolicy(root, `${path} does not parse as YAML: ${(error as Error).message.split('\n')[0]}`), cacheable: true };
  }
}

/** `<state root>/guard-cache/<hash of the config path>.json`, inside the folder the guard protects. */
function cachePath(configPath: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const root = protectedStatePaths(env).roots[0];
  if (!root) return undefined;
  let hash = 0x811c9dc5;
  for (let i = 0; i < configPath.length; i += 1) hash = Math.imul(hash ^ configPath.charCodeAt(i), 0x01000193) >>> 0;
  return join(root, 'guard-cache', `${hash.toString(16)}.json`);
}
