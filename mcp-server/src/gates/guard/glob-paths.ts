/**
 * Pathname expansion as bash does it for a path the guard checks: `echo x > ~/.local/state/ship?ate/r.json`
 * and `cp x ~/.local/state/[s]hipgate/receipts/` name gate state although no word says "shipgate". The
 * pattern is matched against the folders it names, read through the FileLookup (`*`, `?`, `[…]`,
 * `[!…]`; a leading `.` only matched by a pattern that starts with one, as without `dotglob`).
 *
 * Good: `expandGlob('/h/.local/state/ship*', files)` → `['/h/.local/state/shipgate']`.
 * Bad:  comparing the pattern's text with the protected roots.
 */
import type { FileLookup } from './guard-context.js';

const GLOB_CHARS = /[*?[]/;

export function hasGlob(path: string): boolean {
  return GLOB_CHARS.test(path);
}

/**
 * The existing paths an absolute pattern matches, or undefined when there are more than `limit` (the
 * caller then fails closed). No match is an empty list: bash then uses the word as written.
 */
export function expandGlob(pattern: string, files: FileLookup, limit = 10_000): string[] | undefined {
  let current = ['/'];
  for (const part of pattern.split('/')) {
    if (part === '' || part === '.') continue;
    if (!GLOB_CHARS.test(part)) {
      current = current.map((dir) => (dir === '/' ? `/${part}` : `${dir}/${part}`));
      continue;
    }
    const matcher = globPart(part);
    const next: string[] = [];
    for (const dir of current) {
      for (const name of files.listDir(dir) ?? []) {
        if ((name.startsWith('.') && !part.startsWith('.')) || !matcher.test(name)) continue;
        next.push(dir === '/' ? `/${name}` : `${dir}/${name}`);
        if (next.length > limit) return undefined;
      }
    }
    if (next.length === 0) return [];
    current = next;
  }
  return current;
}

/** One path component's pattern as a regular expression over a whole name. */
function globPart(part: string): RegExp {
  let source = '';
  for (let i = 0; i < part.length; i += 1) {
    const c = part[i]!;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close < 0) { source += '\\['; continue; }
      let body = part.slice(i + 1, close);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      source += `[${negate ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = close;
    } else if (c === '\\' && i + 1 < part.length) {
      source += part[i + 1]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i += 1;
    } else source += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}
