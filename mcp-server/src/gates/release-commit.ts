/**
 * The release-commit allowance: a receipt (or attestation) given for commit G also covers the commit R
 * that `shipgate bump` makes directly on top of G, because R changes only the version value in the
 * configured version files and the changelog. Checked exactly: each version file of R must equal G's
 * with nothing but the version value replaced; any other change (a `scripts` entry, a dependency, a
 * file under a shipgate folder) means R's code was never gated.
 *
 * Good: R changes package.json "version": "1.0.0" → "1.1.0" and CHANGELOG.md.
 * Bad:  R also changes package.json "scripts.start", or adds .claude/shipgate/receipts/x.json.
 */
import { canonicalJson } from '../state/canonical-json.js';
import { changedPaths, commitParents, fileAtCommit } from '../project/git.js';
import { replacePattern, setJsonKeys } from '../util/version-text.js';

export interface VersioningFacts {
  changelog: string;
  files: ({ path: string; key: string } | { path: string; pattern: string })[];
}

export type ReleaseCommitVerdict = { ok: true } | { ok: false; reason: string; paths: string[] };

const PACKAGE_FILES: Record<string, string[][]> = {
  'package.json': [['version']],
  'package-lock.json': [['version'], ['packages', '', 'version']],
  'npm-shrinkwrap.json': [['version'], ['packages', '', 'version']],
};

const normal = (path: string) => path.replace(/^\.\//, '');

export async function checkReleaseCommit(projectRoot: string, gated: string, commit: string, versioning: VersioningFacts): Promise<ReleaseCommitVerdict> {
  const parents = await commitParents(projectRoot, commit);
  if (parents.length !== 1 || parents[0] !== gated) return { ok: false, reason: 'not-on-top', paths: [] };
  const changed = await changedPaths(projectRoot, gated, commit);
  if (changed === null) return { ok: false, reason: 'git diff failed', paths: ['(git diff failed)'] };
  const next = await releaseVersion(projectRoot, commit, versioning);
  const bad: string[] = [];
  for (const path of changed) {
    if (path === normal(versioning.changelog)) continue;
    const rules = versionRules(path, versioning);
    if (!rules.length || !next || !(await onlyVersionChanged(projectRoot, gated, commit, path, rules, next))) bad.push(path);
  }
  return bad.length ? { ok: false, reason: 'more-than-version', paths: bad } : { ok: true };
}

type Rule = { keys: string[][] } | { pattern: string };

function versionRules(path: string, versioning: VersioningFacts): Rule[] {
  const rules: Rule[] = [];
  const pkg = PACKAGE_FILES[path];
  if (pkg) rules.push({ keys: pkg });
  for (const file of versioning.files) {
    if (normal(file.path) !== path) continue;
    rules.push('key' in file ? { keys: [file.key.split('.')] } : { pattern: file.pattern });
  }
  return rules;
}

/** The version R releases: package.json's, else the first configured version file's. */
async function releaseVersion(projectRoot: string, commit: string, versioning: VersioningFacts): Promise<string | undefined> {
  const pkg = await fileAtCommit(projectRoot, commit, 'package.json');
  if (pkg !== null) {
    try {
      const version = (JSON.parse(pkg) as { version?: unknown }).version;
      if (typeof version === 'string') return version;
    } catch {
      return undefined;
    }
  }
  for (const file of versioning.files) {
    const text = await fileAtCommit(projectRoot, commit, normal(file.path));
    if (text === null) continue;
    if ('key' in file) {
      try {
        let value: unknown = JSON.parse(text);
        for (const key of file.key.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
        if (typeof value === 'string') return value;
      } catch {
        continue;
      }
    } else {
      const match = new RegExp(file.pattern, 'm').exec(text);
      if (match?.[1]) return match[1];
    }
  }
  return undefined;
}

async function onlyVersionChanged(projectRoot: string, gated: string, commit: string, path: string, rules: Rule[], next: string): Promise<boolean> {
  const [before, after] = await Promise.all([fileAtCommit(projectRoot, gated, path), fileAtCommit(projectRoot, commit, path)]);
  if (before === null || after === null) return false;
  try {
    let expected = before;
    for (const rule of rules) expected = 'keys' in rule ? setJsonKeys(expected, rule.keys.filter((k) => hasKey(before, k)), next, path, true) : replacePattern(expected, rule.pattern, next, path);
    if (rules.every((rule) => 'keys' in rule)) return canonicalJson(JSON.parse(expected)) === canonicalJson(JSON.parse(after));
    return expected.replace(/\r?\n$/, '') === after.replace(/\r?\n$/, '');
  } catch {
    return false;
  }
}

function hasKey(text: string, keyPath: string[]): boolean {
  let value: unknown = JSON.parse(text);
  for (const key of keyPath) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string';
}
