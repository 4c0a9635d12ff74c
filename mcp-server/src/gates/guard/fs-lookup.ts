/**
 * The real filesystem behind `FileLookup`, memoised for the life of one hook call (the same
 * `.git/config` or kubeconfig is asked for several times while one command is classified).
 */
import { existsSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileLookup } from './guard-context.js';
import { realPathResolver } from './real-paths.js';

const MAX_FILE = 2_000_000;
/** Answers remembered per call; past it they are still computed, only not kept. */
const MAX_REMEMBERED = 50_000;

export function fsLookup(): FileLookup {
  const texts = new Map<string, string | undefined>();
  const dirs = new Map<string, string[] | undefined>();
  const folds = new Map<string, boolean>();
  const reals = new Map<string, string>();
  const existing = new Map<string, boolean>();
  const realPosix = realPathResolver();
  const lookup: FileLookup = {
    readText(path) {
      if (!texts.has(path)) {
        let text: string | undefined;
        try {
          const stat = statSync(path);
          text = stat.isFile() && stat.size <= MAX_FILE ? readFileSync(path, 'utf8') : undefined;
        } catch {
          text = undefined;
        }
        texts.set(path, text);
      }
      return texts.get(path);
    },
    listDir(path) {
      if (!dirs.has(path)) {
        let names: string[] | undefined;
        try {
          names = readdirSync(path);
        } catch {
          names = undefined;
        }
        dirs.set(path, names);
      }
      return dirs.get(path);
    },
    exists(path) {
      let known = existing.get(path);
      if (known === undefined) {
        known = existsSync(path);
        if (existing.size < MAX_REMEMBERED) existing.set(path, known);
      }
      return known;
    },
    realPath(path) {
      if (path.startsWith('/')) return realPosix(path);
      const known = reals.get(path);
      if (known !== undefined) return known;
      const real = resolveRealNative(path);
      if (reals.size < MAX_REMEMBERED) reals.set(path, real);
      return real;
    },
    caseInsensitive(dir) {
      if (!folds.has(dir)) {
        const name = basename(dir);
        const swapped = name === name.toUpperCase() ? name.toLowerCase() : name.toUpperCase();
        let fold = false;
        if (swapped !== name) {
          try {
            const a = statSync(dir);
            const b = statSync(join(dirname(dir), swapped));
            fold = a.ino === b.ino && a.dev === b.dev;
          } catch {
            fold = false;
          }
        }
        folds.set(dir, fold);
      }
      return folds.get(dir)!;
    },
  };
  return lookup;
}

/** Real path of the nearest existing parent, with the rest of the path appended as written (paths that are not POSIX-absolute). */
function resolveRealNative(path: string): string {
  const rest: string[] = [];
  let folder = path;
  for (;;) {
    try {
      return join(realpathSync(folder), ...rest.reverse());
    } catch {
      const parent = dirname(folder);
      if (parent === folder) return path;
      rest.push(basename(folder));
      folder = parent;
    }
  }
}
