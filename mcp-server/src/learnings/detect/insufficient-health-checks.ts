/**
 * insufficient_health_checks (seed 003, "Only check homepage"; "Verify API, database, cache,
 * background jobs"): a deploy went ahead and fewer health checks ran than the configured critical
 * endpoints.
 *
 * Good: `{ phase: 'deploy', healthChecksRun: 3, criticalEndpoints: 3 }` → not detected.
 * Bad:  `{ phase: 'deploy', healthChecksRun: 1, criticalEndpoints: 3 }` → detected.
 */
import type { DetectionRule } from './rule.js';
import { attemptedDeploy } from './attempted-deploy.js';

export const rule: DetectionRule = {
  id: 'insufficient_health_checks',
  title: 'Insufficient Health Checks',
  phase: 'deploy',
  impact: 'High (a broken endpoint ships unnoticed)',
  prevention: '1. Configure a health check for every critical endpoint\n2. Add smoke tests for the main user flows',
  detect: (signals) =>
    attemptedDeploy(signals) &&
    signals.healthChecksRun !== undefined &&
    signals.criticalEndpoints !== undefined &&
    signals.healthChecksRun < signals.criticalEndpoints,
};
