/**
 * A small glob for gate checks (`backups/*.log`, `specs/*\/state.yaml`, `docs/**\/plan.md`): `*` and `?`
 * inside one path segment, `**` for any depth. Matches stay inside the project (realpath-checked);
 * symlinks are not followed out of it. Node 20 has no fs.glob, and this needs only a few lines.
 */
import { readdir, stat, realpath } from 'node:fs/promises';
import { join, relative, isAbsolute, sep } from 'node:path';

export interface GlobMatch {
  path: string;
  /** Path relative to the project root, with `/`. */
  relativePath: string;
  mtimeMs: number;
  size: number;
}

const MAX_ENTRIES = 20_000;

export async function globFiles(projectRoot: string, pattern: string): Promise<GlobMatch[]> {
  if (pattern.includes('\0') || isAbsolute(pattern) || pattern.split('/').includes('..')) return [];
  const root = await realpath(projectRoot);
  const segments = pattern.split('/').filter((s) => s !== '' && s !== '.');
  const found: GlobMatch[] = [];
  let budget = MAX_ENTRIES;

  async function walk(folder: string, index: number): Promise<void> {
    if (budget <= 0) return;
    const segment = segments[index];
    if (segment === undefined) return;
    const last = index === segments.length - 1;
    if (segment === '**') {
      await walk(folder, index + 1);
      for (const entry of await list(folder)) {
        if (entry.isDirectory() && entry.name !== '.git' && entry.name !== 'node_modules') await walk(join(folder, entry.name), index);
      }
      return;
    }
    const matcher = segmentMatcher(segment);
    for (const entry of await list(folder)) {
      budget -= 1;
      if (!matcher(entry.name)) continue;
      const full = join(folder, entry.name);
      if (last) {
        const info = await safeStat(full);
        if (info?.isFile() && (await inside(root, full))) found.push({ path: full, relativePath: relative(root, full).split(sep).join('/'), mtimeMs: info.mtimeMs, size: info.size });
      } else if (entry.isDirectory() || entry.isSymbolicLink()) {
        if (await inside(root, full)) await walk(full, index + 1);
      }
    }
  }

  await walk(root, 0);
  return found;
}

/** The most recently modified match (seed 003 picks the active spec with `ls -t`). */
export function newest(matches: readonly GlobMatch[]): GlobMatch | undefined {
  return [...matches].sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
}

function segmentMatcher(segment: string): (name: string) => boolean {
  if (!/[*?]/.test(segment)) return (name) => name === segment;
  const source = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  const regex = new RegExp(`^${source}$`);
  return (name) => (segment.startsWith('.') || !name.startsWith('.')) && regex.test(name);
}

async function list(folder: string) {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}

async function safeStat(path: string) {
  try {
    return await stat(path);
  } catch {
    return undefined;
  }
}

async function inside(root: string, path: string): Promise<boolean> {
  try {
    const real = await realpath(path);
    const rel = relative(root, real);
    return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
  } catch {
    return false;
  }
}
