/**
 * The ONE place that says which paths are shipgate's gate state, for the guard's Bash and file-tool
 * checks: the in-repository folder `.claude/shipgate/` (except its `learnings/`, which the team edits
 * through shipgate's own commands and which holds nothing a gate trusts), and the per-user state
 * roots outside the repository (receipts, attestations, history, locks, the signing key).
 * Point this function at new locations when gate state moves; every check follows it.
 *
 * Good: `~/.local/state/shipgate/receipts/p.json`, `repo/.claude/./shipgate//receipts/x` are protected.
 * Bad:  comparing the raw text of a path, which `..`, `//`, a symlink or a capital letter walks past.
 */
import { join, resolve } from 'node:path';
import type { FileLookup } from './guard-context.js';
import { STATE_DIR } from '../../project/paths.js';

export interface ProtectedPaths {
  /** Absolute folders everything under which is gate state. */
  roots: string[];
  /** Folder names relative to any repository (matched as path segments anywhere). */
  repoStateDir: string;
  /** Sub-folders of repoStateDir that are not gate state. */
  unprotectedInRepoState: string[];
}

export function protectedStatePaths(env: Readonly<Record<string, string | undefined>>): ProtectedPaths {
  const home = env.HOME ?? '';
  const stateHome = env.XDG_STATE_HOME || (home ? join(home, '.local/state') : '');
  const roots = [env.SHIPGATE_STATE_DIR, stateHome ? join(stateHome, 'shipgate') : '', env.SHIPGATE_KEY_DIR].filter((p): p is string => Boolean(p));
  return { roots, repoStateDir: STATE_DIR, unprotectedInRepoState: ['learnings'] };
}

/** Whether `path` (relative to `cwd`, symlinks resolved) is gate state. */
export function isProtectedPath(path: string, cwd: string, env: Readonly<Record<string, string | undefined>>, files: FileLookup): boolean {
  if (!path) return false;
  const protectedPaths = protectedStatePaths(env);
  const candidates = new Set([resolve(cwd, path)]);
  candidates.add(files.realPath(resolve(cwd, path)));
  for (const candidate of candidates) {
    for (const root of protectedPaths.roots) {
      for (const rootForm of new Set([resolve(root), files.realPath(resolve(root))])) {
        if (within(candidate, rootForm, files)) return true;
      }
    }
    if (inRepoState(candidate, protectedPaths, files)) return true;
  }
  return false;
}

function within(path: string, root: string, files: FileLookup): boolean {
  const fold = files.caseInsensitive(nearestExisting(root, files));
  const p = fold ? path.toLowerCase() : path;
  const r = (fold ? root.toLowerCase() : root).replace(/\/+$/, '');
  return p === r || p.startsWith(`${r}/`);
}

function inRepoState(path: string, protectedPaths: ProtectedPaths, files: FileLookup): boolean {
  const segments = protectedPaths.repoStateDir.split('/');
  const parts = path.split('/');
  for (let i = 0; i + segments.length <= parts.length; i += 1) {
    const base = parts.slice(0, i + 1).join('/') || '/';
    const fold = files.caseInsensitive(nearestExisting(base, files));
    const same = segments.every((s, k) => (fold ? parts[i + k]!.toLowerCase() === s.toLowerCase() : parts[i + k] === s));
    if (!same) continue;
    const inside = parts[i + segments.length];
    if (inside !== undefined && protectedPaths.unprotectedInRepoState.some((u) => (fold ? u.toLowerCase() === inside.toLowerCase() : u === inside))) return false;
    return true;
  }
  return false;
}

function nearestExisting(path: string, files: FileLookup): string {
  let folder = path;
  while (!files.exists(folder)) {
    const parent = resolve(folder, '..');
    if (parent === folder) break;
    folder = parent;
  }
  return folder;
}
