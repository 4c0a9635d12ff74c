/**
 * missing_git_tag (seed 003, "Deploying without creating git release tag"): the commit a deploy
 * shipped carries no release tag.
 *
 * Good: `{ phase: 'deploy', deployedCommitTagged: true }` → not detected.
 * Bad:  `{ phase: 'deploy', deployedCommitTagged: false }` → detected.
 */
import type { DetectionRule } from './rule.js';
import { attemptedDeploy } from './attempted-deploy.js';

export const rule: DetectionRule = {
  id: 'missing_git_tag',
  title: 'Missing Git Tag',
  phase: 'deploy',
  impact: 'Medium (no exact version to roll back to or to audit)',
  prevention: '1. Release with `shipgate bump` (annotated tag)\n2. Deploy only tagged commits',
  detect: (signals) => attemptedDeploy(signals) && signals.deployedCommitTagged === false,
};
