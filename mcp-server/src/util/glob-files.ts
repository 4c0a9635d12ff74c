/**
 * Glob for gate checks and `init` (`backups/*.log`, `specs/*\/state.yaml`, `docs/**\/plan.md`,
 * `{dist,build}/index.js`, `logs/[ab].txt`): tinyglobby's full syntax, then every match is checked
 * after `realpath` to be inside the project, so a symlink cannot lead a check out of it. Dotfiles match
 * only when the pattern names the dot; `.git` and `node_modules` are never searched.
 *
 * Good: `globFiles(root, 'specs/*\/state.yaml')` → the state files of every spec folder.
 * Bad:  `globFiles(root, '../secrets/*')` or an absolute pattern → no match, never a file outside.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';

export interface GlobMatch {
  path: string;
  /** Path relative to the project root, with `/`. */
  relativePath: string;
  mtimeMs: number;
  size: number;
}

/** A gate check names a few files; a pattern that matches more than this is cut off. */
const MAX_MATCHES = 20_000;

export async function globFiles(projectRoot: string, pattern: string): Promise<GlobMatch[]> {
  if (pattern.includes('\0') || isAbsolute(pattern) || pattern.split('/').includes('..')) return [];
  const root = await realpath(projectRoot);
  const paths = await glob(pattern, {
    cwd: root,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    followSymbolicLinks: true,
    ignore: ['**/.git/**', '**/node_modules/**'],
  });
  const found: GlobMatch[] = [];
  for (const relativePath of paths.sort().slice(0, MAX_MATCHES)) {
    const full = join(root, relativePath);
    if (!(await inside(root, full))) continue;
    const info = await stat(full).catch(() => undefined);
    if (info?.isFile()) found.push({ path: full, relativePath: relativePath.split(sep).join('/'), mtimeMs: info.mtimeMs, size: info.size });
  }
  return found;
}

/** The most recently modified match (seed 003 picks the active spec with `ls -t`). */
export function newest(matches: readonly GlobMatch[]): GlobMatch | undefined {
  return [...matches].sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
}

async function inside(root: string, path: string): Promise<boolean> {
  try {
    const rel = relative(root, await realpath(path));
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  } catch {
    return false;
  }
}
