/**
 * Pure edits of the version inside a file's text: set JSON key paths (keeping the file's style) or
 * replace the one capture group of a regex. release/version-files.ts plans version bumps with them;
 * gates/release-commit.ts recomputes a release commit's expected files with them.
 */
import semver from 'semver';
import { ConfigError, quote } from '../errors.js';

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

/** JSON text that must hold an object; ConfigError naming `where` otherwise. */
export function parseJson(text: string, where: string): unknown {
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
