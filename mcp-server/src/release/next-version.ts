/**
 * Pure: the current version + the implied bump + what was asked → the next version, and whether the
 * request is smaller than the commits imply (seed 003's `wrong_version_bump` pitfall).
 *
 * Good: 2.0.0 + prerelease(beta) + implied patch → 2.0.1-beta.0; then → 2.0.1-beta.1; then auto → 2.0.1.
 * Bad:  `patch` when a commit says `feat!:` — refused unless forced, and the learnings hear about it.
 */
import semver from 'semver';
import { BUMP_RANK, type BumpLevel } from './bump-rules.js';

export type BumpRequest = 'auto' | 'major' | 'minor' | 'patch' | 'prerelease';
export type ChosenBump = BumpLevel | 'prerelease';

export interface VersionDecision {
  /** null when there is nothing to release. */
  next: string | null;
  chosen: ChosenBump;
  /** An explicit level smaller than the commits imply. */
  tooSmall: boolean;
}

export function decideVersion(current: string, implied: BumpLevel, request: BumpRequest, preid?: string): VersionDecision {
  if (request === 'auto') {
    if (implied === 'none') return { next: null, chosen: 'none', tooSmall: false };
    return { next: semver.inc(current, implied), chosen: implied, tooSmall: false };
  }
  if (request === 'prerelease') {
    const existing = semver.prerelease(current);
    let next: string | null;
    if (existing) {
      next = preid ? semver.inc(current, 'prerelease', preid) : semver.inc(current, 'prerelease');
    } else {
      const level = implied === 'none' ? 'patch' : implied;
      const release = `pre${level}` as 'premajor' | 'preminor' | 'prepatch';
      next = preid ? semver.inc(current, release, preid) : semver.inc(current, release);
    }
    return { next, chosen: 'prerelease', tooSmall: false };
  }
  return { next: semver.inc(current, request), chosen: request, tooSmall: BUMP_RANK[request] < BUMP_RANK[implied] };
}
