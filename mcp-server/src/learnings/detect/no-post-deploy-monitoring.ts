/**
 * no_post_deploy_monitoring (seed 003, "Deploying and immediately moving to next task"): a deploy that
 * ended as succeeded although production was not watched after it: no monitor window planned, or the
 * window was skipped or cut short (observed less than planned, or not completed). A deploy that rolled
 * back during the window is not this pitfall: the monitor did its job.
 *
 * Good: `{ phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 600000, monitorObservedMs: 600000, monitorCompleted: true }` → not detected.
 * Bad:  `{ phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 0 }` or `monitorObservedMs: 60000` of 600000 → detected.
 */
import type { DetectionRule } from './rule.js';

export const rule: DetectionRule = {
  id: 'no_post_deploy_monitoring',
  title: 'No Post-Deploy Monitoring',
  phase: 'deploy',
  impact: 'High (incidents found by users first)',
  prevention: '1. Keep the configured monitor window running to the end\n2. Watch error rate and latency, not only /health',
  detect: (signals) => {
    if (signals.phase !== 'deploy' || signals.outcome !== 'succeeded') return false;
    if (signals.monitorCompleted === false) return true;
    const planned = signals.monitorPlannedMs;
    const observed = signals.monitorObservedMs;
    if (planned !== undefined && planned <= 0) return true;
    return planned !== undefined && observed !== undefined && observed < planned;
  },
};
