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
import { expandGlob, hasGlob } from './glob-paths.js';
import { LEGACY_STATE_DIR, protectedStatePaths as stateFolders } from '../../project/state-dir.js';

export interface ProtectedPaths {
  /** Absolute folders everything under which is gate state. */
  roots: string[];
  /** Folder names relative to any repository (matched as path segments anywhere). */
  repoStateDir: string;
  /** Sub-folders of repoStateDir that are not gate state. */
  unprotectedInRepoState: string[];
}

/** Keyed by the variables that decide the roots: a 20,000-path command computes them once. */
const computed = new Map<string, ProtectedPaths>();
/** And by the environment object itself, which stays the same for every word of a command (no key to build per word). */
const byEnv = new WeakMap<object, ProtectedPaths>();

export function protectedStatePaths(env: Readonly<Record<string, string | undefined>>): ProtectedPaths {
  const known = byEnv.get(env);
  if (known) return known;
  const key = [env.SHIPGATE_STATE_DIR, env.XDG_STATE_HOME, env.HOME, env.SHIPGATE_KEY_DIR].map((v) => v ?? '').join('\0');
  let paths = computed.get(key);
  if (!paths) {
    if (computed.size > 64) computed.clear();
    paths = computeProtectedPaths(env);
    computed.set(key, paths);
  }
  byEnv.set(env, paths);
  return paths;
}

function computeProtectedPaths(env: Readonly<Record<string, string | undefined>>): ProtectedPaths {
  // Where project/state-dir.ts puts gate state and the signing key, plus the default per-user root even
  // when an override moves the state elsewhere (the guard protects more, never less); nested roots drop.
  const { noWrite, noRead } = stateFolders(env);
  const home = env.HOME ?? '';
  const stateHome = env.XDG_STATE_HOME || (home ? join(home, '.local/state') : '');
  const candidates = [env.SHIPGATE_STATE_DIR, stateHome ? join(stateHome, 'shipgate') : '', env.SHIPGATE_KEY_DIR, ...noWrite, ...noRead].filter((p): p is string => Boolean(p)).map((p) => resolve(p));
  const unique = [...new Set(candidates)];
  const roots = unique.filter((root) => !unique.some((other) => other !== root && root.startsWith(`${other}/`)));
  return { roots, repoStateDir: LEGACY_STATE_DIR, unprotectedInRepoState: ['learnings'] };
}

/** Whether `path` (relative to `cwd`, symlinks resolved) is gate state. */
export function isProtectedPath(path: string, cwd: string, env: Readonly<Record<string, string | undefined>>, files: FileLookup): boolean {
  if (!path) return false;
  const prepared = prepare(protectedStatePaths(env), files);
  const lexical = absolutePath(cwd, path.charCodeAt(0) === 126 /* ~ */ ? userHome(path, env, files) : path);
  if (isProtectedAt(lexical, prepared, files)) return true;
  if (!hasGlob(lexical)) return false;
  // `echo x > ~/.local/state/ship*/r.json`: what bash would expand the pattern to (too many to check: refused).
  const expanded = expandGlob(lexical, files);
  return expanded === undefined || expanded.some((match) => isProtectedAt(match, prepared, files));
}

function isProtectedAt(lexical: string, prepared: Prepared, files: FileLookup): boolean {
  if (matches(lexical, prepared, files)) return true;
  const real = files.realPath(lexical);
  return real !== lexical && matches(real, prepared, files);
}

/** `~name/…` as bash expands it: the home folder of user `name` (the hook's own user from HOME, others from /etc/passwd). */
function userHome(path: string, env: Readonly<Record<string, string | undefined>>, files: FileLookup): string {
  const match = /^~([A-Za-z_][A-Za-z0-9_.-]*\$?)(?=\/|$)/.exec(path);
  if (!match) return path;
  const name = match[1]!;
  let home = name === env.USER || name === env.LOGNAME ? env.HOME : undefined;
  if (home === undefined) {
    for (const line of (files.readText('/etc/passwd') ?? '').split('\n')) {
      const fields = line.split(':');
      if (fields[0] === name && fields[5]) { home = fields[5]; break; }
    }
  }
  return home === undefined ? path : `${home}${path.slice(match[0].length)}`;
}

/** `resolve(cwd, path)`, without its cost for the common plain relative name (`a/b.txt` in a normalised cwd). */
export function absolutePath(cwd: string, path: string): string {
  if (path !== '' && path.charCodeAt(0) !== 47 /* / */ && PLAIN.test(path) && cwd.charCodeAt(0) === 47 && !cwd.endsWith('/') && !DOTS.test(cwd)) return `${cwd}/${path}`;
  return resolve(cwd, path);
}
/** Names with no `.` or `..` component, no `//` and no trailing `/`. */
const PLAIN = /^(?!\.{1,2}(?:\/|$))(?:[^/]|\/(?!\/|\.{1,2}(?:\/|$)))*(?<!\/)$/;
const DOTS = /\/\.{1,2}(?:\/|$)|\/\//;

/** A root in the forms a path is compared with (its path and its real path), prepared once per hook call. */
interface RootForm {
  form: string;
  inside: string;
  folded: string;
  foldedInside: string;
  /** Whether the filesystem holding it folds case; asked the first time a path differs from it by case only. */
  folds?: boolean;
}

interface Prepared {
  roots: RootForm[];
  protectedPaths: ProtectedPaths;
  /** `/.claude/shipgate` in any case, for a cheap first look before any case folding. */
  segmentAnyCase: RegExp;
}

const preparedFor = new WeakMap<FileLookup, WeakMap<ProtectedPaths, Prepared>>();

function prepare(protectedPaths: ProtectedPaths, files: FileLookup): Prepared {
  let byPaths = preparedFor.get(files);
  if (!byPaths) preparedFor.set(files, (byPaths = new WeakMap()));
  let prepared = byPaths.get(protectedPaths);
  if (!prepared) {
    const roots: RootForm[] = [];
    for (const root of protectedPaths.roots) {
      const resolved = resolve(root);
      for (const form of new Set([resolved, files.realPath(resolved)])) roots.push({ form, inside: `${form}/`, folded: form.toLowerCase(), foldedInside: `${form.toLowerCase()}/` });
    }
    const segmentAnyCase = new RegExp(`/${protectedPaths.repoStateDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i');
    prepared = { roots, protectedPaths, segmentAnyCase };
    byPaths.set(protectedPaths, prepared);
  }
  return prepared;
}

/** Exact comparison first; the filesystem is asked about case folding only when case alone differs. */
function matches(path: string, prepared: Prepared, files: FileLookup): boolean {
  let lower: string | undefined;
  for (const root of prepared.roots) {
    if (path === root.form || path.startsWith(root.inside)) return true;
    lower ??= path.toLowerCase();
    if (lower === root.folded || lower.startsWith(root.foldedInside)) {
      root.folds ??= files.caseInsensitive(nearestExisting(root.form, files));
      if (root.folds) return true;
    }
  }
  if (!prepared.segmentAnyCase.test(path)) return false;
  const { protectedPaths } = prepared;
  lower ??= path.toLowerCase();
  const segment = `/${protectedPaths.repoStateDir}`;
  const foldedSegment = segment.toLowerCase();
  for (let at = lower.indexOf(foldedSegment); at >= 0; at = lower.indexOf(foldedSegment, at + 1)) {
    const end = at + segment.length;
    if (end < path.length && path[end] !== '/') continue;
    const exact = path.slice(at, end) === segment;
    if (!exact && !files.caseInsensitive(nearestExisting(path.slice(0, end), files))) continue;
    const inside = path.slice(end + 1).split('/')[0] ?? '';
    const unprotected = protectedPaths.unprotectedInRepoState.some((name) => inside === name || (inside.toLowerCase() === name.toLowerCase() && files.caseInsensitive(nearestExisting(path.slice(0, end), files))));
    return !unprotected;
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
