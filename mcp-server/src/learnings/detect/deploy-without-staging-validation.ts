/**
 * deploy_without_staging_validation (seed 003): a production deploy was attempted while the staging
 * validation was not approved.
 *
 * A gate run counts only when its staging check actually failed (a gate without a staging check
 * says nothing about staging).
 *
 * Good: `{ phase: 'deploy', stagingApproved: true }` → not detected.
 * Bad:  `{ phase: 'deploy', stagingApproved: false }`, or `{ phase: 'gate', failedChecks: ['staging_validation_approved'] }` → detected.
 */
import type { DetectionRule } from './rule.js';

export const rule: DetectionRule = {
  id: 'deploy_without_staging_validation',
  title: 'Deploy Without Staging Validation',
  phase: 'deploy',
  impact: 'Critical (untested code reaches users)',
  prevention: '1. Approve staging validation (manual_gates.staging_validation.status = approved)\n2. Let the blocking gate refuse the deploy otherwise',
  detect: (signals) => {
    if (signals.phase === 'deploy') return signals.stagingApproved === false;
    if (signals.phase === 'gate') return (signals.failedChecks ?? []).some((check) => /staging/i.test(check));
    return false;
  },
};
