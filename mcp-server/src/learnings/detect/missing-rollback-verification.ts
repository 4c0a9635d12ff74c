/**
 * missing_rollback_verification (seed 003, "Not verifying rollback procedure before deploy"; "Verify
 * rollback gate passed"): a deploy went ahead while the gate behind it had no passing rollback check.
 *
 * Good: `{ phase: 'deploy', rollbackVerified: true }` → not detected.
 * Bad:  `{ phase: 'deploy', rollbackVerified: false }` (the gate has no rollback check) → detected.
 * Not:  `{ phase: 'gate', outcome: 'blocked', failedChecks: ['rollback_tested'] }` (nothing was deployed).
 */
import type { DetectionRule } from './rule.js';
import { attemptedDeploy } from './attempted-deploy.js';

export const rule: DetectionRule = {
  id: 'missing_rollback_verification',
  title: 'Missing Rollback Verification',
  phase: 'deploy',
  impact: 'Critical (a failed deploy cannot be undone quickly)',
  prevention: '1. Run the rollback check in the gate\n2. Keep the previous version deployable\n3. Rehearse the rollback in staging',
  detect: (signals) => attemptedDeploy(signals) && signals.rollbackVerified === false,
};
