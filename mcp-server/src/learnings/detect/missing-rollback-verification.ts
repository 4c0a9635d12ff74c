/**
 * missing_rollback_verification (seed 003): the rollback path was not verified before production.
 *
 * Detected when a gate or deploy reports a failed rollback check.
 *
 * Good: `{ phase: 'gate', failedChecks: ['tests_pass'] }` → not detected.
 * Bad:  `{ phase: 'gate', failedChecks: ['rollback_tested'] }` → detected.
 */
import type { DetectionRule } from './rule.js';
import { rollbackCheckFailed } from './rollback-not-ready.js';

export const rule: DetectionRule = {
  id: 'missing_rollback_verification',
  title: 'Missing Rollback Verification',
  phase: 'deploy',
  impact: 'Critical (a failed deploy cannot be undone quickly)',
  prevention: '1. Run the rollback check in the gate\n2. Keep the previous version deployable\n3. Rehearse the rollback in staging',
  detect: rollbackCheckFailed,
};
