/**
 * no_post_deploy_monitoring (seed 003): production was not watched after the deploy.
 *
 * Good: `{ phase: 'deploy', monitorCompleted: true }` → not detected.
 * Bad:  `{ phase: 'deploy', monitorCompleted: false }` → detected.
 */
import type { DetectionRule } from './rule.js';
import { monitorCutShort } from './monitor-cut-short.js';

export const rule: DetectionRule = {
  id: 'no_post_deploy_monitoring',
  title: 'No Post-Deploy Monitoring',
  phase: 'deploy',
  impact: 'High (incidents found by users first)',
  prevention: '1. Keep the configured monitor window running to the end\n2. Watch error rate and latency, not only /health',
  detect: monitorCutShort,
};
