/**
 * Where a write to a path lands, as the kernel walks it: component by component, every symbolic link
 * followed (a dangling one too: a link to a receipt not yet written is where `echo x > link` creates
 * it), `..` after a real folder meaning its real parent, and the part past the last existing entry
 * kept as written. For the guard's FileLookup (fs-lookup.ts), one resolver per hook call.
 *
 * Linear however many paths a command names: an existing path costs one realpath(3); past that, each
 * folder is resolved once (kept by its path as written), and a name inside it costs one look-up: an
 * `lstat`, or, once a folder has been asked about often, one read of its listing (with each entry's type)
 * for all further names. Nothing is ever
 * answered "as written" to save work: a limit like that let 256 harmless paths in front of
 * `echo x > link/receipts/r.json` walk past the symlink check.
 *
 * Good: `realPath('/repo/state-link/receipts/r.json')` is `/home/u/.local/state/shipgate/receipts/r.json`.
 * Bad:  `realpath(3)` on the nearest existing parent: it stops at a dangling link and answers the link's own path.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';

/** Symbolic links followed for one path, as the kernel does (Linux: 40); past it the path cannot be opened (ELOOP). */
const MAX_LINK_HOPS = 40;
/** Names asked about in one folder before its listing is read instead of one `lstat` per name. */
const LIST_AFTER = 32;
/** Paths remembered per call; past it answers are still computed, only not kept. */
const MAX_REMEMBERED = 100_000;

/** What a folder holds: name → whether it is a symbolic link; null when it is not a folder that can be read. */
type Listing = Map<string, boolean> | null;

/** `realPath(path)` for absolute POSIX paths. */
export function realPathResolver(): (path: string) => string {
  const reals = new Map<string, string>();
  const listings = new Map<string, Listing>();
  const asked = new Map<string, number>();

  /** An entry of the real folder `dir`: null (nothing there), true (not a link), or the link's target. */
  const entry = (dir: string, name: string, at: string): string | null | true => {
    let listing = listings.get(dir);
    if (listing === undefined) {
      const count = (asked.get(dir) ?? 0) + 1;
      if (count > LIST_AFTER) {
        listing = readListing(dir);
        if (listings.size < MAX_REMEMBERED) listings.set(dir, listing);
      } else if (asked.size < MAX_REMEMBERED) {
        asked.set(dir, count);
      }
    }
    if (listing === null) return null;
    if (listing !== undefined) {
      const isLink = listing.get(name);
      if (isLink === undefined) return null;
      return isLink ? readTarget(at) : true;
    }
    try {
      const stat = lstatSync(at, { throwIfNoEntry: false });
      if (!stat) return null;
      return stat.isSymbolicLink() ? readTarget(at) : true;
    } catch {
      // Not a folder on the way (ENOTDIR), not allowed to look (EACCES): nothing can be written there either.
      return null;
    }
  };

  /** The real path of `name` inside the real folder `dir`, links followed within `budget`. */
  const step = (dir: string, name: string, budget: { hops: number }): string => {
    const at = dir === '/' ? `/${name}` : `${dir}/${name}`;
    const found = entry(dir, name, at);
    if (typeof found !== 'string' || budget.hops <= 0) return at;
    budget.hops -= 1;
    return follow(dir, found, budget);
  };

  /** A link's target read from the real folder holding the link, one component at a time (so `a/../b` goes through `a`, as the kernel does). */
  const follow = (from: string, target: string, budget: { hops: number }): string => {
    let current = target.startsWith('/') ? '/' : from;
    for (const part of target.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') current = current === '/' ? '/' : current.slice(0, current.lastIndexOf('/')) || '/';
      else current = step(current, part, budget);
    }
    return current;
  };

  /** Paths asked about per folder as written: the first few go to realpath(3), one system call each. */
  const perFolder = new Map<string, number>();

  /** `path` is absolute and normalised (no `.`, `..`, `//` or trailing `/`). Folders are remembered; a last name costs one look-up. */
  const real = (path: string, remember: boolean): string => {
    if (path === '/') return '/';
    const known = reals.get(path);
    if (known !== undefined) return known;
    const cut = path.lastIndexOf('/');
    const folder = cut === 0 ? '/' : path.slice(0, cut);
    // An existing path: realpath(3) answers exactly, in one call (the common case of a hook call). A path
    // that does not exist (a file about to be written, a dangling link) or many in one folder: walked here.
    const count = perFolder.get(folder) ?? 0;
    if (count < LIST_AFTER && perFolder.size < MAX_REMEMBERED) perFolder.set(folder, count + 1);
    const existing = count < LIST_AFTER ? nativeRealPath(path) : undefined;
    const result = existing ?? step(real(folder, true), path.slice(cut + 1), { hops: MAX_LINK_HOPS });
    if (remember && reals.size < MAX_REMEMBERED) reals.set(path, result);
    return result;
  };

  return (path) => real(isNormal(path) ? path : resolve(path), false);
}

/** Absolute, and no `.` or `..` component, no `//`, no trailing `/` (what `resolve` returns). */
function isNormal(path: string): boolean {
  return path.startsWith('/') && !path.includes('//') && !/\/\.{1,2}(\/|$)/.test(path) && (path.length === 1 || !path.endsWith('/'));
}

function nativeRealPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function readListing(dir: string): Listing {
  try {
    // The entry types come with the listing (Node asks lstat itself where the filesystem does not say).
    return new Map(readdirSync(dir, { withFileTypes: true }).map((entry) => [entry.name, entry.isSymbolicLink()]));
  } catch {
    return null;
  }
}

function readTarget(path: string): string | null {
  try {
    return readlinkSync(path);
  } catch {
    return null;
  }
}
