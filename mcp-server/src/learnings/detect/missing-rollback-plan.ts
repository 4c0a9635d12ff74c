/**
 * missing_rollback_plan (seed 004): a deploy went ahead (or was attempted) without a ready rollback.
 *
 * Good: `{ phase: 'deploy', rollbackReady: true }` → not detected.
 * Bad:  `{ phase: 'deploy', rollbackReady: false }` or `failedChecks: ['rollback_ready']` → detected.
 */
import type { DetectionRule } from './rule.js';
import { rollbackNotReady } from './rollback-not-ready.js';

export const rule: DetectionRule = {
  id: 'missing_rollback_plan',
  title: 'Missing Rollback Plan',
  phase: 'deploy',
  impact: 'Critical (extended downtime if issues arise)',
  prevention: '1. Document rollback steps before deploying\n2. Keep previous version tagged and deployable\n3. Test rollback procedure in staging',
  detect: rollbackNotReady,
};
