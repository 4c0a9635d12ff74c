/**
 * insufficient_post_deploy_monitoring (seed 004: "Monitor for 30 minutes post-deploy"; its detection
 * is a production health check failing after the deploy): a deploy went ahead with a monitor window
 * planned under 30 minutes (none at all included), or a health, smoke or monitor check failed after
 * the new version shipped.
 *
 * Good: `{ phase: 'deploy', monitorPlannedMs: 1800000, postDeployHealthFailed: false }` → not detected.
 * Bad:  `{ phase: 'deploy', monitorPlannedMs: 2000 }`, or `{ phase: 'deploy', postDeployHealthFailed: true }` → detected.
 */
import type { DetectionRule } from './rule.js';
import { attemptedDeploy } from './attempted-deploy.js';

export const MONITOR_WINDOW_MS = 30 * 60_000;

export const rule: DetectionRule = {
  id: 'insufficient_post_deploy_monitoring',
  title: 'Insufficient Post-Deploy Monitoring',
  phase: 'deploy',
  impact: 'High (delayed incident detection)',
  prevention: '1. Monitor for 30 minutes post-deploy\n2. Check error rates, response times, user activity\n3. Verify alerts fire correctly',
  detect: (signals) =>
    attemptedDeploy(signals) &&
    ((signals.monitorPlannedMs !== undefined && signals.monitorPlannedMs < MONITOR_WINDOW_MS) || signals.postDeployHealthFailed === true),
};
