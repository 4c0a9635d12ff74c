import { describe, expect, it } from 'vitest';
import { detectPitfalls, detectionRules } from '../../mcp-server/src/learnings/detect/index.js';
import type { RunSignals } from '../../mcp-server/src/learnings/signals.js';

/** Each rule: one run that shows the pitfall, one that does not (the doc comments' good/bad examples). */
const cases: Record<string, { bad: RunSignals[]; good: RunSignals[] }> = {
  deploy_without_staging_validation: {
    bad: [{ phase: 'deploy', outcome: 'blocked', stagingApproved: false }, { phase: 'gate', outcome: 'blocked', stagingApproved: false, failedChecks: ['staging_validation_approved'] }],
    good: [
      { phase: 'deploy', outcome: 'succeeded', stagingApproved: true },
      { phase: 'bump', outcome: 'succeeded', stagingApproved: false },
      { phase: 'gate', outcome: 'succeeded', stagingApproved: false }, // a gate without a staging check
    ],
  },
  missing_rollback_verification: {
    bad: [{ phase: 'gate', outcome: 'blocked', failedChecks: ['rollback_tested'] }, { phase: 'deploy', outcome: 'blocked', failedChecks: ['rollback_ready'] }],
    good: [{ phase: 'gate', outcome: 'blocked', rollbackReady: false, failedChecks: ['tests_pass'] }, { phase: 'deploy', outcome: 'succeeded', rollbackReady: false }],
  },
  missing_rollback_plan: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', rollbackReady: false }, { phase: 'gate', outcome: 'blocked', failedChecks: ['rollback_ready'] }],
    good: [
      { phase: 'deploy', outcome: 'succeeded', rollbackReady: true },
      { phase: 'rollback', outcome: 'failed', rollbackReady: false },
      { phase: 'gate', outcome: 'succeeded', rollbackReady: false }, // a gate without a rollback check
    ],
  },
  insufficient_health_checks: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', healthChecksRun: 1, criticalEndpoints: 3 }],
    good: [{ phase: 'deploy', outcome: 'succeeded', healthChecksRun: 3, criticalEndpoints: 3 }, { phase: 'deploy', outcome: 'succeeded' }],
  },
  no_post_deploy_monitoring: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', monitorCompleted: false }, { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 0 }],
    good: [
      { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 600_000, monitorObservedMs: 600_000, monitorCompleted: true },
      { phase: 'deploy', outcome: 'rolled_back', monitorPlannedMs: 600_000, monitorObservedMs: 30_000, monitorCompleted: false }, // the monitor caught it
    ],
  },
  insufficient_post_deploy_monitoring: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 1_800_000, monitorObservedMs: 120_000 }],
    good: [{ phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 1_800_000, monitorObservedMs: 1_800_000 }, { phase: 'gate', outcome: 'succeeded', monitorCompleted: false }],
  },
  missing_git_tag: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: false }],
    good: [{ phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: true }, { phase: 'bump', outcome: 'failed', deployedCommitTagged: false }],
  },
  wrong_version_bump: {
    bad: [{ phase: 'bump', outcome: 'succeeded', bumpImplied: 'major', bumpChosen: 'patch' }, { phase: 'bump', outcome: 'succeeded', bumpImplied: 'minor', bumpChosen: 'prerelease' }],
    good: [{ phase: 'bump', outcome: 'succeeded', bumpImplied: 'minor', bumpChosen: 'minor' }, { phase: 'bump', outcome: 'succeeded', bumpImplied: 'patch', bumpChosen: 'major' }],
  },
};

describe('detection rules', () => {
  it('has exactly one rule per catalog pitfall of seeds 003 and 004', () => {
    expect(detectionRules.map((r) => r.id).sort()).toEqual(Object.keys(cases).sort());
  });

  for (const rule of detectionRules) {
    it(`${rule.id}: detects the bad runs and not the good ones`, () => {
      const c = cases[rule.id]!;
      for (const signals of c.bad) expect(rule.detect(signals), JSON.stringify(signals)).toBe(true);
      for (const signals of c.good) expect(rule.detect(signals), JSON.stringify(signals)).toBe(false);
    });
  }

  it('a clean production deploy shows no pitfall', () => {
    const clean: RunSignals = {
      phase: 'deploy', outcome: 'succeeded', rollbackReady: true, stagingApproved: true, deployedCommitTagged: true,
      healthChecksRun: 4, criticalEndpoints: 4, monitorPlannedMs: 900_000, monitorObservedMs: 900_000, monitorCompleted: true,
    };
    expect(detectPitfalls(clean)).toEqual([]);
  });

  it('a throwing rule costs nothing but its own detection', () => {
    const broken = { ...detectionRules[0]!, id: 'broken', detect: () => { throw new Error('bug'); } };
    expect(detectPitfalls({ phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: false }, [broken, ...detectionRules])).toEqual(['missing_git_tag']);
  });
});
