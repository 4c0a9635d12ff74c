/**
 * The bump rules, pure: commits → the bump they imply, with the commits that are the reason.
 * Breaking change (`!` or a `BREAKING CHANGE` footer) → major (minor below 1.0.0 unless configured
 * `breakingBelowOne: major`); `feat` → minor; `fix`/`perf` → patch; anything else → none.
 *
 * Good: [`fix: a`, `feat: b`] on 1.4.2 → minor (reason: `feat: b`).
 * Bad:  reading "added" in a free-text message as a feature — only the conventional type counts.
 */
import type { ReleaseCommit } from './commits.js';

export type BumpLevel = 'major' | 'minor' | 'patch' | 'none';

export const BUMP_RANK: Record<BumpLevel, number> = { none: 0, patch: 1, minor: 2, major: 3 };

export interface ImpliedBump {
  level: BumpLevel;
  /** The commits that decide the level (those of the highest level found). */
  reasons: ReleaseCommit[];
  /** Human sentence: "minor: 2 feat commits (feat: add x, …)". */
  summary: string;
}

/** The level one commit asks for, before the below-1.0.0 adjustment. */
export function commitLevel(commit: ReleaseCommit): BumpLevel {
  if (commit.breaking) return 'major';
  switch (commit.type) {
    case 'feat':
      return 'minor';
    case 'fix':
    case 'perf':
      return 'patch';
    default:
      return 'none';
  }
}

export function impliedBump(commits: readonly ReleaseCommit[], currentVersion: string, breakingBelowOne: 'major' | 'minor'): ImpliedBump {
  let level: BumpLevel = 'none';
  let reasons: ReleaseCommit[] = [];
  for (const commit of commits) {
    const own = commitLevel(commit);
    if (own === 'none') continue;
    if (BUMP_RANK[own] > BUMP_RANK[level]) {
      level = own;
      reasons = [commit];
    } else if (own === level) {
      reasons.push(commit);
    }
  }
  const belowOne = /^0\./.test(currentVersion);
  let adjusted = false;
  if (level === 'major' && belowOne && breakingBelowOne === 'minor') {
    level = 'minor';
    adjusted = true;
  }
  return { level, reasons, summary: summarize(level, reasons, adjusted) };
}

function summarize(level: BumpLevel, reasons: readonly ReleaseCommit[], adjusted: boolean): string {
  if (level === 'none') return 'no feat, fix, perf or breaking commits since the last release';
  const kind = reasons[0]?.breaking ? 'breaking' : (reasons[0]?.type ?? 'releasable');
  const sample = reasons.slice(0, 3).map((commit) => `"${commit.header}"`).join(', ');
  const more = reasons.length > 3 ? ` and ${reasons.length - 3} more` : '';
  const note = adjusted ? ' (breaking changes bump minor below 1.0.0; set versioning.breakingBelowOne: major to change that)' : '';
  return `${level}: ${reasons.length} ${kind} commit${reasons.length === 1 ? '' : 's'} (${sample}${more})${note}`;
}
