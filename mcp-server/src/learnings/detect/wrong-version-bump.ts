/**
 * wrong_version_bump (seed 003): the bump chosen is smaller than the commits imply
 * (a `feat!:` released as a patch).
 *
 * Good: `{ phase: 'bump', bumpImplied: 'minor', bumpChosen: 'minor' }` → not detected.
 * Bad:  `{ phase: 'bump', bumpImplied: 'major', bumpChosen: 'patch' }` → detected.
 */
import type { DetectionRule } from './rule.js';

const RANK: Record<string, number> = { none: 0, prerelease: 0, patch: 1, minor: 2, major: 3 };

export const rule: DetectionRule = {
  id: 'wrong_version_bump',
  title: 'Wrong Version Bump',
  phase: 'bump',
  impact: 'Medium (consumers get breaking changes without warning)',
  prevention: '1. Use conventional commits\n2. Let `shipgate bump auto` choose from the commits',
  detect: (signals) => {
    if (signals.bumpImplied === undefined || signals.bumpChosen === undefined) return false;
    return (RANK[signals.bumpChosen] ?? 0) < (RANK[signals.bumpImplied] ?? 0);
  },
};
