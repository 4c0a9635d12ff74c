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
import type { FileLookup } from './guard-context.js';
import { UNKNOWN } from './expand-words.js';

/** Distinct paths remembered per call; past it further writes are not tracked (bounded cost). */
const MAX_WRITTEN = 2_000;

export interface WrittenFiles extends FileLookup {
  /** Record a write: the new content, or undefined when it cannot be computed; `append` adds to what is there. */
  record(path: string, content: string | undefined, append?: boolean): void;
  /** Whether this path was written earlier in the call. */
  written(path: string): boolean;
  /** Record a symbolic link made earlier in the call: paths through it resolve to its target. */
  link(path: string, target: string): void;
}

export function writtenFiles(disk: FileLookup): WrittenFiles {
  const files = new Map<string, string>();
  const links = new Map<string, string>();
  const throughLinks = (path: string): string => {
    for (const [link, target] of links) if (path === link || path.startsWith(`${link}/`)) return disk.realPath(`${target}${path.slice(link.length)}`);
    return disk.realPath(path);
  };
  return {
    readText: (path) => files.get(path) ?? disk.readText(path),
    listDir: (path) => disk.listDir(path),
    exists: (path) => files.has(path) || disk.exists(path),
    realPath: (path) => (links.size ? throughLinks(path) : disk.realPath(path)),
    link(path, target) {
      if (links.size < 64) links.set(path, target);
    },
    caseInsensitive: (dir) => disk.caseInsensitive(dir),
    written: (path) => files.has(path),
    record(path, content, append = false) {
      if (files.size >= MAX_WRITTEN && !files.has(path)) return;
      const before = append ? files.get(path) ?? disk.readText(path) ?? '' : '';
      files.set(path, content === undefined ? UNKNOWN : `${before}${content}`);
    },
  };
}
