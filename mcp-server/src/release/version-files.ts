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

/** Set string values at key paths in JSON text, keeping indentation and the final newline. */
export function setJsonKeys(text: string, keyPaths: readonly string[][], next: string, where: string, optional = false): string {
  const data = parseJson(text, where);
  for (const keyPath of keyPaths) {
    let target = data as Record<string, unknown>;
    for (const key of keyPath.slice(0, -1)) {
      const child = target[key];
      if (!child || typeof child !== 'object' || Array.isArray(child)) {
        throw new ConfigError(`${where} has no object at ${quote(keyPath.join('.'))}.`, {
          where: `${where}: ${keyPath.join('.')}`,
          expected: 'an object path ending in the version string',
          hint: 'Fix the key path in versioning.files, or the file.',
        });
      }
      target = child as Record<string, unknown>;
    }
    const last = keyPath[keyPath.length - 1] ?? '';
    const current = target[last];
    if (typeof current !== 'string') {
      if (optional && current === undefined) continue;
      throw new ConfigError(`${where} has no version string at ${quote(keyPath.join('.'))}.`, {
        where: `${where}: ${keyPath.join('.')}`,
        expected: 'a string like "1.4.2"',
        found: current === undefined ? 'nothing' : quote(JSON.stringify(current)),
        hint: 'Fix the key path in versioning.files, or add the key to the file.',
      });
    }
    target[last] = next;
  }
  // Keep the file's style: its indentation, or one line when it was one line.
  const indent = text.trim().includes('\n') ? (/^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ') : undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = JSON.stringify(data, null, indent);
  if (eol !== '\n') out = out.replace(/\n/g, eol);
  return /\r?\n$/.test(text) ? out + eol : out;
}

/** Replace the single capture group of every match of `pattern` with `next`. */
export function replacePattern(text: string, pattern: string, next: string, where: string): string {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, 'gm');
  } catch (error) {
    throw new ConfigError(`The version pattern for ${where} is not a valid regular expression.`, {
      where: `versioning.files: ${where}`,
      found: quote(pattern),
      expected: 'a JavaScript regex with one capture group, e.g. "VERSION = \'([^\']+)\'"',
      hint: (error as Error).message,
    });
  }
  const groups = new RegExp(`${pattern}|`).exec('')?.length ?? 1;
  if (groups - 1 !== 1) {
    throw new ConfigError(`The version pattern for ${where} must have exactly one capture group.`, {
      where: `versioning.files: ${where}`,
      found: `${groups - 1} groups in ${quote(pattern)}`,
      expected: 'one (...) around the version; use (?:...) for other groups',
    });
  }
  let count = 0;
  let bad: string | null = null;
  const out = text.replace(regex, (match: string, captured: string | undefined, offset: number) => {
    count++;
    if (captured === undefined || !semver.valid(captured)) {
      bad = captured ?? '';
      return match;
    }
    const at = match.indexOf(captured);
    void offset;
    return match.slice(0, at) + next + match.slice(at + captured.length);
  });
  if (count === 0 || bad !== null) {
    throw new ConfigError(`The version pattern does not find a version in ${where}.`, {
      where: `versioning.files: ${where}`,
      expected: `a match of ${quote(pattern)} whose capture group is a semantic version`,
      found: count === 0 ? 'no match' : `captured ${quote(bad ?? '')}`,
      hint: 'Fix the pattern (one capture group around the version) or the file.',
    });
  }
  return out;
}

function parseJson(text: string, where: string): unknown {
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error('not an object');
    return data;
  } catch (error) {
    throw new ConfigError(`${where} cannot be parsed as JSON.`, {
      where,
      expected: 'a JSON object',
      found: (error as Error).message,
      hint: `Fix the JSON syntax of ${where} (or restore it from git) and run again.`,
    });
  }
}
