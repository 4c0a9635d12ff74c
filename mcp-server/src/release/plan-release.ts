/**
 * Plan a release as plain data (changesets' assembleReleasePlan, for one package): read the commits
 * since the last release tag, decide the version, compute every file's new text in memory, the
 * changelog excerpt, the commit and tag, and what would stop the release. Nothing is written here;
 * `--dry-run` prints this object and apply-release.ts executes it.
 *
 * Good: plan → { currentVersion: "1.4.2", nextVersion: "1.5.0", reason: "minor: 2 feat commits (…)" }.
 * Bad:  deciding the version while writing files — a failure halfway leaves a mess.
 */
import semver from 'semver';
import { relative } from 'node:path';
import type { z } from 'zod';
import { ConfigError, UsageError, quote } from '../errors.js';
import { loadConfig } from '../config/load-config.js';
import type { versioningSchema } from '../config/versioning-schema.js';
import { resolveInsideProject } from '../util/paths.js';
import { findLastReleaseTags, readCommitsSince, type ReleaseCommit } from './commits.js';
import { impliedBump, type BumpLevel } from './bump-rules.js';
import { decideVersion, type BumpRequest, type ChosenBump } from './next-version.js';
import { updateChangelog } from './changelog.js';
import { git } from '../project/git.js';
import { planVersionFiles, readPackageVersion, readText, type FileChange } from './version-files.js';
import { ensureGitRepository, preflight, readRepositoryState, type Refusal } from './preflight.js';

export type VersioningConfig = z.infer<typeof versioningSchema>;

export interface PlanOptions {
  bump: BumpRequest;
  preid?: string;
  force?: boolean;
  push?: boolean;
  now: Date;
  /** Overrides the configuration file (tests, callers that already loaded it). */
  versioning?: VersioningConfig;
}

export interface ReleasePlan {
  projectRoot: string;
  currentVersion: string;
  /** null: nothing to release. */
  nextVersion: string | null;
  requested: BumpRequest;
  chosen: ChosenBump;
  implied: BumpLevel;
  /** Why this version: the rule and the commits that decided it. */
  reason: string;
  reasons: Array<{ hash: string; header: string }>;
  lastTag: string | null;
  commitCount: number;
  tag: string | null;
  commitMessage: string | null;
  tagMessage: string | null;
  files: FileChange[];
  changelog: { path: string; source: 'unreleased' | 'generated'; excerpt: string } | null;
  push: boolean;
  remote: string;
  branch: string | null;
  upstream: string | null;
  head: string | null;
  /** Anything here stops a real release (a dry run only reports it). */
  refusals: Refusal[];
}

export async function planRelease(root: string, options: PlanOptions): Promise<ReleasePlan> {
  await ensureGitRepository(root);
  const loaded = await loadConfig(root).catch((error: unknown) => {
    if (options.versioning) return undefined;
    throw error;
  });
  const versioning = options.versioning ?? loaded!.config.versioning;
  if (options.preid !== undefined && options.bump !== 'prerelease') {
    throw new UsageError('--preid only applies to a prerelease bump.', {
      where: '--preid',
      expected: '`shipgate bump prerelease --preid beta`',
      hint: 'Add `prerelease`, or drop --preid.',
    });
  }
  const state = await readRepositoryState(root, versioning.remote);
  const packageVersion = await readPackageVersion(root);
  const tags = await findLastReleaseTags(root, versioning.tagPrefix);
  const anyTag = tags.any;
  const currentVersion = packageVersion ?? anyTag?.version ?? '0.0.0';
  // A prerelease counts commits since the last tag of any kind; a release since the last stable one,
  // so graduating 2.0.1-beta.1 → 2.0.1 looks at everything since 2.0.0.
  const lastTag = options.bump === 'prerelease' ? anyTag : tags.stable;
  const commits: ReleaseCommit[] = versioning.conventionalCommits ? await readCommitsSince(root, lastTag?.name ?? null) : [];
  const implied = impliedBump(commits, currentVersion, versioning.breakingBelowOne);
  const decision = decideVersion(currentVersion, implied.level, options.bump, options.preid);
  const remote = versioning.remote;
  const base: ReleasePlan = {
    projectRoot: root,
    currentVersion,
    nextVersion: decision.next,
    requested: options.bump,
    chosen: decision.chosen,
    implied: implied.level,
    reason: explain(options.bump, decision.chosen, implied.summary, versioning.conventionalCommits),
    reasons: implied.reasons.map((commit) => ({ hash: commit.hash, header: commit.header })),
    lastTag: lastTag?.name ?? null,
    commitCount: commits.length,
    tag: null,
    commitMessage: null,
    tagMessage: null,
    files: [],
    changelog: null,
    push: Boolean(options.push),
    remote,
    branch: state.branch,
    upstream: state.upstream,
    head: state.head,
    refusals: [],
  };
  if (decision.next === null) return base;
  if (!semver.valid(decision.next)) {
    throw new ConfigError(`Cannot compute the next version from ${quote(currentVersion)}.`, { where: 'package.json: version', expected: 'a semantic version' });
  }
  const next = decision.next;
  const tag = `${versioning.tagPrefix}${next}`;
  const ignoredLock = (await git(root, ['check-ignore', '-q', 'package-lock.json'])).exitCode === 0;
  // A lock file the repository ignores is not part of the release (and `git add` would refuse it).
  const files = (await planVersionFiles(root, versioning.files, next)).filter(
    (file) => file.path !== 'package-lock.json' || !ignoredLock,
  );
  const changelogPath = await resolveInsideProject(root, versioning.changelog, 'versioning.changelog');
  const changelogRel = relative(root, changelogPath).split('\\').join('/');
  const existing = files.find((file) => file.path === changelogRel);
  const before = existing ? existing.after : await readText(changelogPath);
  const changelog = updateChangelog({ existing: before, version: next, tag, previousTag: lastTag?.name ?? null, date: isoDate(options.now), commits });
  if (existing) existing.after = changelog.text;
  else files.push({ path: changelogRel, what: 'changelog', before, after: changelog.text });

  const refusals: Refusal[] = [];
  if (decision.tooSmall && !options.force) {
    refusals.push({
      id: 'bump-too-small',
      message: `A ${decision.chosen} bump is smaller than the commits imply (${implied.summary}).`,
      hint: `Use \`shipgate bump ${implied.level}\` (or \`auto\`), or add --force if you are sure (seed 003 pitfall wrong_version_bump).`,
    });
  }
  refusals.push(...(await preflight(root, state, { tag, remote, push: Boolean(options.push), releaseBranch: versioning.branch, ...(loaded ? { output: loaded.config } : {}) })));
  return {
    ...base,
    tag,
    commitMessage: `chore(release): ${tag}`,
    tagMessage: `Release ${tag}\n\n${changelog.excerpt}\n`,
    files,
    changelog: { path: changelogRel, source: changelog.source, excerpt: changelog.excerpt },
    refusals,
  };
}

function explain(request: BumpRequest, chosen: ChosenBump, implied: string, conventional: boolean): string {
  const commits = conventional ? `commits imply ${implied}` : 'conventional commits are off (versioning.conventionalCommits: false)';
  if (request === 'auto') return chosen === 'none' ? `Nothing to release: ${commits}.` : `${commits}.`.replace(/^commits imply /, '');
  return `${request} requested; ${commits}.`;
}

export function isoDate(now: Date): string {
  return now.toISOString().slice(0, 10);
}

