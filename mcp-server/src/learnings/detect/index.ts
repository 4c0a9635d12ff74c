/**
 * The one registry of pitfall detection rules. Detection is code: each rule reads the run's signals
 * and nothing else. Add a rule: copy a sibling, add a line here, add a test case.
 */
import type { RunSignals } from '../signals.js';
import type { DetectionRule } from './rule.js';
import { rule as deployWithoutStagingValidation } from './deploy-without-staging-validation.js';
import { rule as missingRollbackVerification } from './missing-rollback-verification.js';
import { rule as insufficientHealthChecks } from './insufficient-health-checks.js';
import { rule as noPostDeployMonitoring } from './no-post-deploy-monitoring.js';
import { rule as wrongVersionBump } from './wrong-version-bump.js';
import { rule as missingGitTag } from './missing-git-tag.js';
import { rule as missingRollbackPlan } from './missing-rollback-plan.js';
import { rule as insufficientPostDeployMonitoring } from './insufficient-post-deploy-monitoring.js';

export type { DetectionRule } from './rule.js';

export const detectionRules: readonly DetectionRule[] = [
  deployWithoutStagingValidation,
  missingRollbackVerification,
  insufficientHealthChecks,
  noPostDeployMonitoring,
  wrongVersionBump,
  missingGitTag,
  missingRollbackPlan,
  insufficientPostDeployMonitoring,
];

/** Pitfall ids detected in one run's signals, in registry order. A throwing rule detects nothing. */
export function detectPitfalls(signals: RunSignals, rules: readonly DetectionRule[] = detectionRules): string[] {
  const found: string[] = [];
  for (const rule of rules) {
    try {
      if (rule.detect(signals)) found.push(rule.id);
    } catch {
      // A rule bug must never cost the run its event; the test suite covers every rule.
    }
  }
  return found;
}
