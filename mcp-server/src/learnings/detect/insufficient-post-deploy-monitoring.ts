/**
 * insufficient_post_deploy_monitoring (seed 004): the monitor window was cut short or skipped.
 *
 * Good: `{ phase: 'deploy', monitorPlannedMs: 1800000, monitorObservedMs: 1800000 }` → not detected.
 * Bad:  `{ phase: 'deploy', monitorPlannedMs: 1800000, monitorObservedMs: 120000 }` → detected.
 */
import type { DetectionRule } from './rule.js';
import { monitorCutShort } from './monitor-cut-short.js';

export const rule: DetectionRule = {
  id: 'insufficient_post_deploy_monitoring',
  title: 'Insufficient Post-Deploy Monitoring',
  phase: 'deploy',
  impact: 'High (delayed incident detection)',
  prevention: '1. Monitor for 30 minutes post-deploy\n2. Check error rates, response times, user activity\n3. Verify alerts fire correctly',
  detect: monitorCutShort,
};
