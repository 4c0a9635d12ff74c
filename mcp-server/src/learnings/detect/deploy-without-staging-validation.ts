/**
 * deploy_without_staging_validation (seed 003, "Deploying to production before staging validation";
 * "Ensure status: approved before proceeding"): a deploy went ahead (to any environment but staging)
 * while the gate behind it had no passing staging-validation check.
 *
 * Good: `{ phase: 'deploy', environment: 'production', stagingApproved: true }` → not detected.
 * Bad:  `{ phase: 'deploy', environment: 'production', stagingApproved: false }` → detected.
 * Not:  a gate blocked by `staging_validation_approved` (the gate did its job; nothing was deployed).
 */
import type { DetectionRule } from './rule.js';
import { attemptedDeploy } from './attempted-deploy.js';

export const rule: DetectionRule = {
  id: 'deploy_without_staging_validation',
  title: 'Deploy Without Staging Validation',
  phase: 'deploy',
  impact: 'Critical (untested code reaches users)',
  prevention: '1. Approve staging validation (manual_gates.staging_validation.status = approved)\n2. Let the blocking gate refuse the deploy otherwise',
  detect: (signals) => attemptedDeploy(signals) && signals.environment !== 'staging' && signals.stagingApproved === false,
};
