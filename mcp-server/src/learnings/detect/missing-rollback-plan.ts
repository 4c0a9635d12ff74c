/**
 * missing_rollback_plan (seed 004: "Document rollback steps before deploying; keep previous version
 * tagged and deployable"): a deploy went ahead with no way back: no previous version that served to
 * return to, or nothing that would roll back (automatic rollback off and no documented rollback steps).
 *
 * Good: `{ phase: 'deploy', rollbackReady: true, rollbackPlanned: true }` → not detected.
 * Bad:  `{ phase: 'deploy', rollbackReady: false }` (first deploy) or `rollbackPlanned: false` → detected.
 * Not:  a gate blocked by `rollback_ready` (nothing was deployed).
 */
import type { DetectionRule } from './rule.js';
import { attemptedDeploy } from './attempted-deploy.js';

export const rule: DetectionRule = {
  id: 'missing_rollback_plan',
  title: 'Missing Rollback Plan',
  phase: 'deploy',
  impact: 'Critical (extended downtime if issues arise)',
  prevention: '1. Document rollback steps before deploying\n2. Keep previous version tagged and deployable\n3. Test rollback procedure in staging',
  detect: (signals) => attemptedDeploy(signals) && (signals.rollbackReady === false || signals.rollbackPlanned === false),
};
