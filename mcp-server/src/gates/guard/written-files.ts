/**
 * Files written earlier in the same Bash call, laid over the real filesystem: the guard reads a
 * script, package.json or Makefile as it will be when the later part of the command runs, not as
 * it is on disk now. Content the guard can compute (`echo … > x.sh`, a here-document into a file)
 * is kept; anything else written (`curl -o x.sh`, `cp a x.sh`, `sed -i … x.sh`) reads back as
 * UNKNOWN, which every reader treats as "could be anything" (fail closed).
 *
 * Good: `echo 'vercel --prod' > x.sh && bash x.sh` is read as `vercel --prod`.
 * Bad:  reading x.sh from disk, where it does not exist yet (or still holds yesterday's harmless text).
 */
import { basename, dirname, resolve } from 'node:path';
import type { FileLookup } from './guard-context.js';
import { UNKNOWN } from './expand-words.js';

/** Links made in the call followed for one path (the kernel's own limit; a longer chain cannot be opened). */
const MAX_LINK_HOPS = 40;

export interface WrittenFiles extends FileLookup {
  /** Record a write: the new content, or undefined when it cannot be computed; `append` adds to what is there. */
  record(path: string, content: string | undefined, append?: boolean): void;
  /**
   * Record that files under `folder` were rewritten by something that does not name them (`git pull`,
   * `cp -r evil/ scripts/`): none reads as it is on disk now; its `.git` excepted.
   */
  recordTree(folder: string): void;
  /** Whether this path was written earlier in the call. */
  written(path: string): boolean;
  /** Record a symbolic link made earlier in the call: paths through it resolve to its target. */
  link(path: string, target: string): void;
}

export function writtenFiles(disk: FileLookup): WrittenFiles {
  const files = new Map<string, string>();
  const links = new Map<string, string>();
  /** Folders under which nothing reads as it is on disk (unknown writes); `.git` inside them excepted. */
  const trees = new Set<string>();
  const underTree = (path: string): boolean => {
    if (trees.size === 0) return false;
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
      if (!trees.has(path.slice(0, cut))) continue;
      const inside = path.slice(cut);
      if (inside !== '/.git' && !inside.startsWith('/.git/')) return true;
    }
    return trees.has('/') && !path.startsWith('/.git/');
  };
  // Every write and link is remembered, however many: the command's length bounds them, and a limit that
  // stopped recording would read a script rewritten after 2,000 other writes as it is on disk now.
  /** The path with a link made in the call replaced by its target, the longest such prefix first, until none is left. */
  const throughLinks = (path: string): string => {
    let current = path;
    for (let hops = 0; hops <= MAX_LINK_HOPS; hops += 1) {
      let replaced = false;
      for (let cut = current.length; cut > 0; cut = current.lastIndexOf('/', cut - 1)) {
        const target = links.get(cut === current.length ? current : current.slice(0, cut));
        if (target !== undefined) {
          current = `${target}${current.slice(cut)}`;
          replaced = true;
          break;
        }
      }
      if (!replaced) return disk.realPath(current);
    }
    return path;
  };
  return {
    readText: (path) => files.get(path) ?? (underTree(path) ? UNKNOWN : disk.readText(path)),
    listDir: (path) => disk.listDir(path),
    exists: (path) => files.has(path) || disk.exists(path),
    realPath: (path) => (links.size ? throughLinks(path) : disk.realPath(path)),
    link(path, target) {
      links.set(path, target);
    },
    caseInsensitive: (dir) => disk.caseInsensitive(dir),
    written: (path) => files.has(path),
    record(path, content, append = false) {
      const before = append ? files.get(path) ?? (underTree(path) ? UNKNOWN : disk.readText(path)) ?? '' : '';
      files.set(path, content === undefined ? UNKNOWN : `${before}${content}`);
    },
    recordTree(folder) {
      trees.add(folder);
    },
  };
}

/**
 * The symbolic links `ln -s ARGS` makes, as [link, target] absolute paths: `ln -s T` (link named after T
 * here), `ln -s T L`, `ln -s T L` into an existing folder L, `ln -s T… DIR`, `ln -s -t DIR T…`. A relative
 * target is relative to the link's folder, as the kernel reads it (`ln -s ../../state d/up`), or to the
 * current folder with `-r`. Operands computed at run time make no link the guard can follow.
 */
export function symbolicLinksMade(args: readonly string[], cwd: string, isFolder: (path: string) => boolean): Array<[string, string]> {
  const operands: string[] = [];
  let folder: string | undefined;
  let relative = false;
  let noDereference = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') { operands.push(...args.slice(i + 1)); break; }
    if (arg === '-t' || arg === '--target-directory') { folder = args[++i]; continue; }
    if (arg.startsWith('--target-directory=')) { folder = arg.slice('--target-directory='.length); continue; }
    if (arg === '-S' || arg === '--suffix') { i += 1; continue; }
    if (arg === '--relative') { relative = true; continue; }
    if (arg === '--no-target-directory' || arg === '--no-dereference') { noDereference = true; continue; }
    if (/^-[A-Za-z]+$/.test(arg)) {
      if (arg.includes('r')) relative = true;
      if (arg.includes('T') || arg.includes('n')) noDereference = true;
      if (arg.endsWith('t')) folder = args[++i];
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') continue;
    operands.push(arg);
  }
  if (folder !== undefined && folder.includes(UNKNOWN)) return [];
  const made: Array<[string, string]> = [];
  const add = (target: string, link: string) => {
    if (target.includes(UNKNOWN) || link.includes(UNKNOWN) || !target) return;
    const at = resolve(cwd, link);
    made.push([at, target.startsWith('/') ? resolve(target) : relative ? resolve(cwd, target) : resolve(dirname(at), target)]);
  };
  const named = (target: string) => basename(target.replace(/\/+$/, '')) || target;
  if (folder !== undefined) for (const target of operands) add(target, `${folder}/${named(target)}`);
  else if (operands.length === 1) add(operands[0]!, named(operands[0]!));
  else if (operands.length === 2 && (noDereference || !isFolder(resolve(cwd, operands[1]!)))) add(operands[0]!, operands[1]!);
  else if (operands.length >= 2) for (const target of operands.slice(0, -1)) add(target, `${operands.at(-1)!}/${named(target)}`);
  return made;
}
