/**
 * The files that carry the version: package.json, package-lock.json (root `version` and
 * `packages[""].version`), configured JSON key paths (`app.json` → `expo.version`), and configured
 * regex patterns with ONE capture group for constants in code. Reading and computing the new text is
 * separated from writing (apply-release.ts writes), and a file that cannot be parsed is refused before
 * anything is touched.
 *
 * Good: `{ path: src/version.ts, pattern: "VERSION = '([^']+)'" }` → the capture is replaced.
 * Bad:  a pattern with no capture group, or one that matches nothing — refused with the file named.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import semver from 'semver';
import { ConfigError, quote } from '../errors.js';
import { resolveInsideProject } from '../util/paths.js';
import { parseJson, replacePattern, setJsonKeys } from '../util/version-text.js';
import type { z } from 'zod';
import type { versionFileSchema } from '../config/versioning-schema.js';

export type VersionFileConfig = z.infer<typeof versionFileSchema>;

export interface FileChange {
  /** Path relative to the project root, with `/`. */
  path: string;
  /** Why it changes: "version", "expo.version", "pattern", "changelog". */
  what: string;
  /** null when the file does not exist yet (a new CHANGELOG.md). */
  before: string | null;
  after: string;
}

export async function readText(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The version in package.json, or null when there is no package.json. */
export async function readPackageVersion(root: string): Promise<string | null> {
  const text = await readText(join(root, 'package.json'));
  if (text === null) return null;
  const data = parseJson(text, 'package.json');
  const version = (data as { version?: unknown }).version;
  if (typeof version !== 'string' || !semver.valid(version)) {
    throw new ConfigError('package.json has no valid semantic version.', {
      where: 'package.json: version',
      expected: 'a semantic version like "1.4.2"',
      found: version === undefined ? 'nothing' : quote(String(version)),
      hint: 'Set "version": "0.1.0" (or the version you last released) in package.json.',
    });
  }
  return version;
}

/** Every version-file change for `next`, computed in memory; throws ConfigError before any write. */
export async function planVersionFiles(root: string, files: readonly VersionFileConfig[], next: string): Promise<FileChange[]> {
  const changes: FileChange[] = [];
  const pkg = await readText(join(root, 'package.json'));
  if (pkg !== null) changes.push({ path: 'package.json', what: 'version', before: pkg, after: setJsonKeys(pkg, [['version']], next, 'package.json') });
  const lock = await readText(join(root, 'package-lock.json'));
  if (lock !== null) {
    const data = parseJson(lock, 'package-lock.json') as { packages?: Record<string, unknown> };
    const keys: string[][] = [['version']];
    if (data.packages && typeof data.packages === 'object' && data.packages[''] && typeof data.packages[''] === 'object') keys.push(['packages', '']);
    changes.push({ path: 'package-lock.json', what: 'version', before: lock, after: setJsonKeys(lock, keys.map((k) => (k.length === 1 ? k : [...k, 'version'])), next, 'package-lock.json', true) });
  }
  for (const file of files) {
    const absolute = await resolveInsideProject(root, file.path, `versioning.files path ${quote(file.path, 60)}`);
    const rel = relative(root, absolute).split('\\').join('/');
    const existing = changes.find((change) => change.path === rel);
    const before = existing ? existing.after : await readText(absolute);
    if (before === null) {
      throw new ConfigError(`The version file ${rel} does not exist.`, {
        where: `versioning.files: ${rel}`,
        expected: 'an existing file holding the version',
        hint: 'Fix the path in shipgate.config.yaml, or remove the entry.',
      });
    }
    const after = 'key' in file ? setJsonKeys(before, [file.key.split('.')], next, rel) : replacePattern(before, file.pattern, next, rel);
    if (existing) {
      existing.after = after;
      existing.what += `, ${'key' in file ? file.key : 'pattern'}`;
    } else {
      changes.push({ path: rel, what: 'key' in file ? file.key : 'pattern', before, after });
    }
  }
  return changes;
}
