/**
 * Which release a deploy ships and which one it would go back to. The release is the tag `bump` made
 * (`<tagPrefix><version>`) on the commit being deployed; the previous one is what shipgate last left
 * serving the environment, else what the provider reports, else the newest older tag.
 */
import semver from 'semver';
import { git } from '../project/git.js';
import { BlockedError } from '../errors.js';
import type { ReleaseRef } from './providers/provider.js';

export async function tagsAt(projectRoot: string, sha: string, tagPrefix: string): Promise<string[]> {
  const result = await git(projectRoot, ['tag', '--points-at', sha, '--list', `${tagPrefix}*`]);
  return result.exitCode === 0 ? result.stdout.split('\n').map((t) => t.trim()).filter((t) => semver.valid(t.slice(tagPrefix.length))) : [];
}

export async function releaseForTag(projectRoot: string, tag: string, tagPrefix: string): Promise<ReleaseRef | undefined> {
  const result = await git(projectRoot, ['rev-list', '-n', '1', `refs/tags/${tag}`, '--']);
  const sha = result.stdout.trim();
  if (result.exitCode !== 0 || !sha) return undefined;
  return { version: tag.slice(tagPrefix.length), tag, sha };
}

/** The release on `sha` (newest version when several tags point at it). */
export async function releaseAt(projectRoot: string, sha: string, tagPrefix: string): Promise<ReleaseRef | undefined> {
  const tags = (await tagsAt(projectRoot, sha, tagPrefix)).sort((a, b) => semver.rcompare(a.slice(tagPrefix.length), b.slice(tagPrefix.length)));
  const tag = tags[0];
  return tag ? { version: tag.slice(tagPrefix.length), tag, sha } : undefined;
}

export async function requireReleaseAt(projectRoot: string, sha: string, tagPrefix: string): Promise<ReleaseRef> {
  const release = await releaseAt(projectRoot, sha, tagPrefix);
  if (release) return release;
  throw new BlockedError('The commit to deploy carries no release tag.', {
    where: `commit ${sha.slice(0, 12)}`,
    expected: `an annotated tag like ${tagPrefix}1.2.0 on this commit (shipgate deploys releases, not loose commits)`,
    hint: 'Cut a release first (the version_bump tool with apply: true, or `shipgate bump`), then run the gate (gate_check / `shipgate gate`) on the release commit and deploy again.',
  });
}

/** The tag message, used as the record's changelog excerpt. */
export async function tagMessage(projectRoot: string, tag: string): Promise<string | undefined> {
  const result = await git(projectRoot, ['tag', '-l', '--format=%(contents)', tag]);
  const text = result.stdout.trim();
  return result.exitCode === 0 && text ? text.slice(0, 4_000) : undefined;
}
