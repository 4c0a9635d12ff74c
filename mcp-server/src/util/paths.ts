/**
 * Paths stay inside the project: resolved, then checked after realpath (so a symlink that points
 * outside is refused too). Two doors, one check:
 * - resolveInsideProject: paths from tool arguments or CLI flags (an InputError naming the argument);
 * - resolveConfiguredPath: paths shipgate.config.yaml names (records.dir, learnings.dir, smoke tests,
 *   manifests). The schema already refuses `..`, absolute and home paths in the text; this refuses a
 *   folder or file in the project that is a symbolic link (or sits under one) leading outside it, as a
 *   ConfigError naming the key, the link and where it really points, before anything is read or written.
 * NUL bytes are refused outright.
 *
 * Good: `records.dir: .claude/processes`, a real folder (or a link to another folder of the project).
 * Bad:  `.claude/processes -> ~/.local/state/shipgate`: records would be written outside the project.
 */
import { lstat, readlink, realpath } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep, dirname, basename, join } from 'node:path';
import { ConfigError, InputError, quote } from '../errors.js';

export async function resolveInsideProject(root: string, untrusted: string, argumentName = 'path'): Promise<string> {
  if (untrusted.includes('\0')) {
    throw new InputError(`The ${argumentName} contains a NUL byte.`, { where: argumentName, expected: 'a plain relative path inside the project' });
  }
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, untrusted);
  const outside = (full: string) =>
    new InputError(`The ${argumentName} points outside the project.`, {
      where: argumentName,
      expected: `a path inside ${realRoot}`,
      found: full === candidate ? shorten(untrusted) : `${shorten(untrusted)}, which really is ${full}`,
    });
  if (!isInside(realRoot, candidate)) throw outside(candidate);
  const full = await realLocation(candidate);
  if (!isInside(realRoot, full)) throw outside(full);
  return full;
}

/**
 * The real location of a path the configuration names, inside the project. `key` is the key path
 * (`records.dir`, `environments.production.health.smokeTests`), `configFile` the file that set it (null
 * when there is none): both are named in the error, with the link and how to fix it.
 */
export async function resolveConfiguredPath(root: string, configured: string, key: string, configFile: string | null): Promise<string> {
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, configured);
  const where = configFile ? `${configFile}: ${key}` : key;
  if (configured.includes('\0') || !isInside(realRoot, candidate)) {
    // The schema refuses these already; a caller passing an unchecked value gets the same answer.
    throw new ConfigError(`${key} points outside the project.`, { where, expected: `a path inside ${realRoot}, relative to it`, found: shorten(configured) });
  }
  const full = await realLocation(candidate);
  if (isInside(realRoot, full)) return full;
  const link = await firstSymbolicLink(realRoot, candidate);
  const linkName = link ? relative(realRoot, link.path) : configured;
  throw new ConfigError(`${key} leads outside the project through a symbolic link: shipgate reads and writes only inside the project.`, {
    where,
    expected: `a real folder or file inside ${realRoot}`,
    found: `${quote(configured, 120)}, which really is ${full}${link ? ` (${linkName} is a symbolic link to ${link.target})` : ''}`,
    hint: `Replace the symbolic link ${linkName} with a real folder inside the project (\`rm ${linkName} && mkdir -p ${linkName}\`, moving anything you need from ${link?.target ?? full} first), or set ${key} to a path inside the project that is not a link to elsewhere. Nothing was changed.`,
  });
}

/**
 * Right before a write into a folder resolved by resolveConfiguredPath: the folder must still be where
 * it was (no component swapped for a symbolic link since the command started, e.g. during a deploy's
 * monitor window). `key` names the setting in the error.
 */
export async function ensureStillReal(folder: string, key: string): Promise<void> {
  const real = await realLocation(folder);
  if (real === folder) return;
  throw new ConfigError(`${key} became a symbolic link while shipgate was running: it now leads to ${real}.`, {
    where: folder,
    expected: 'the real folder resolved when the command started',
    found: real,
    hint: `Put the real folder back at ${folder} (remove the link), then run \`shipgate history\` to see the record state. Nothing was written there.`,
  });
}

/** Symlinks of the longest existing prefix resolved, the rest appended: `link/../x` and names not made yet work too. */
async function realLocation(candidate: string): Promise<string> {
  let existing = candidate;
  const rest: string[] = [];
  for (;;) {
    try {
      const real = await realpath(existing);
      return rest.length ? join(real, ...rest.reverse()) : real;
    } catch (error) {
      const parent = dirname(existing);
      if (parent === existing) throw error;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}

/** The first component under `root` that is a symbolic link, for the message (undefined if none exists). */
async function firstSymbolicLink(root: string, candidate: string): Promise<{ path: string; target: string } | undefined> {
  let path = root;
  for (const part of relative(root, candidate).split(sep)) {
    path = join(path, part);
    const info = await lstat(path).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) return { path, target: await readlink(path).catch(() => '?') };
  }
  return undefined;
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || !(rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel));
}

function shorten(text: string): string {
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
