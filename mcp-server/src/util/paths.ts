/**
 * Paths that come from tool arguments or CLI flags stay inside the project: resolved, then checked
 * after realpath (so a symlink that points outside is refused too). NUL bytes are refused outright.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep, dirname, basename, join } from 'node:path';
import { InputError } from '../errors.js';

export async function resolveInsideProject(root: string, untrusted: string, argumentName = 'path'): Promise<string> {
  if (untrusted.includes('\0')) {
    throw new InputError(`The ${argumentName} contains a NUL byte.`, { where: argumentName, expected: 'a plain relative path inside the project' });
  }
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, untrusted);
  ensureInside(realRoot, candidate, argumentName, untrusted);
  // Resolve symlinks of the longest existing prefix, so `link/../x` and dangling names are handled.
  let existing = candidate;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await realpath(existing);
      const full = rest.length ? join(real, ...rest.reverse()) : real;
      ensureInside(realRoot, full, argumentName, untrusted);
      return full;
    } catch (error) {
      if (error instanceof InputError) throw error;
      const parent = dirname(existing);
      if (parent === existing) throw error;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

function ensureInside(root: string, candidate: string, argumentName: string, untrusted: string): void {
  const rel = relative(root, candidate);
  if (rel === '' ) return;
  if (rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new InputError(`The ${argumentName} points outside the project.`, {
      where: argumentName,
      expected: `a path inside ${root}`,
      found: untrusted.length > 200 ? `${untrusted.slice(0, 200)}…` : untrusted,
    });
  }
}
