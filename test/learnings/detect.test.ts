import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { readLearnings } from '../../mcp-server/src/learnings/read-learnings.js';
import { steppingClock, tempProject } from './helpers.js';
import { detectPitfalls, detectionRules } from '../../mcp-server/src/learnings/detect/index.js';
import type { RunSignals } from '../../mcp-server/src/learnings/signals.js';

/** Each rule: one run that shows the pitfall, one that does not (the doc comments' good/bad examples). */
const cases: Record<string, { bad: RunSignals[]; good: RunSignals[] }> = {
  deploy_without_staging_validation: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', environment: 'production', stagingApproved: false }, { phase: 'deploy', outcome: 'rolled_back', stagingApproved: false }],
    good: [
      { phase: 'deploy', outcome: 'succeeded', environment: 'production', stagingApproved: true },
      { phase: 'deploy', outcome: 'succeeded', environment: 'staging', stagingApproved: false }, // staging is where it is validated
      { phase: 'deploy', outcome: 'blocked', stagingApproved: false }, // refused: nothing deployed
      { phase: 'gate', outcome: 'blocked', stagingApproved: false, failedChecks: ['staging_validation_approved'] }, // the gate did its job
      { phase: 'bump', outcome: 'succeeded', stagingApproved: false },
    ],
  },
  missing_rollback_verification: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', rollbackVerified: false }, { phase: 'deploy', outcome: 'rolled_back', rollbackVerified: false }],
    good: [
      { phase: 'deploy', outcome: 'succeeded', rollbackVerified: true },
      { phase: 'gate', outcome: 'blocked', failedChecks: ['rollback_tested'] }, // the gate did its job
      { phase: 'deploy', outcome: 'blocked', rollbackVerified: false },
    ],
  },
  missing_rollback_plan: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', rollbackReady: false }, { phase: 'deploy', outcome: 'failed', rollbackReady: true, rollbackPlanned: false }],
    good: [
      { phase: 'deploy', outcome: 'succeeded', rollbackReady: true, rollbackPlanned: true },
      { phase: 'rollback', outcome: 'failed', rollbackReady: false },
      { phase: 'gate', outcome: 'blocked', rollbackReady: false, failedChecks: ['rollback_ready'] }, // the gate did its job
    ],
  },
  insufficient_health_checks: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', healthChecksRun: 1, criticalEndpoints: 3 }],
    good: [{ phase: 'deploy', outcome: 'succeeded', healthChecksRun: 3, criticalEndpoints: 3 }, { phase: 'deploy', outcome: 'succeeded' }, { phase: 'deploy', outcome: 'blocked', healthChecksRun: 0, criticalEndpoints: 3 }],
  },
  no_post_deploy_monitoring: {
    bad: [{ phase: 'deploy', outcome: 'succeeded', monitorCompleted: false }, { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 0 }, { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 600_000, monitorObservedMs: 60_000 }],
    good: [
      { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 600_000, monitorObservedMs: 600_000, monitorCompleted: true },
      { phase: 'deploy', outcome: 'rolled_back', monitorPlannedMs: 600_000, monitorObservedMs: 30_000, monitorCompleted: false }, // the monitor caught it
    ],
  },
  insufficient_post_deploy_monitoring: {
    bad: [
      { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 2_000, monitorObservedMs: 2_000, monitorCompleted: true }, // under 30 minutes
      { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 0 },
      { phase: 'deploy', outcome: 'rolled_back', monitorPlannedMs: 1_800_000, postDeployHealthFailed: true }, // health failing after deploy
    ],
    good: [
      { phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 1_800_000, monitorObservedMs: 1_800_000, postDeployHealthFailed: false },
      { phase: 'deploy', outcome: 'blocked', monitorPlannedMs: 0 },
      { phase: 'gate', outcome: 'succeeded', monitorCompleted: false },
    ],
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

  it('each catalog pitfall fires from a recorded run and shows in the lessons as seen in 1 of 5', async () => {
    const { root, cleanup } = await tempProject('shipgate-detect-');
    try {
      for (const rule of detectionRules) {
        const project = join(root, rule.id);
        const options = { pluginRoot: join(root, 'no-plugin'), now: steppingClock(), onWarning: () => {} };
        const event = await recordRun(project, cases[rule.id]!.bad[0]!, options);
        expect(event.pitfalls, rule.id).toContain(rule.id);
        const stat = (await readLearnings(project, { pluginRoot: options.pluginRoot })).summary.pitfalls.find((p) => p.id === rule.id)!;
        expect([stat.seen, stat.count, stat.frequency], rule.id).toEqual([1, 1, '★☆☆☆☆ (1/5)']);
      }
    } finally {
      await cleanup();
    }
  });

  it('a clean production deploy shows no pitfall', () => {
    const clean: RunSignals = {
      phase: 'deploy', outcome: 'succeeded', environment: 'production', rollbackReady: true, rollbackPlanned: true, rollbackVerified: true, stagingApproved: true,
      deployedCommitTagged: true, healthChecksRun: 4, criticalEndpoints: 4, monitorPlannedMs: 1_800_000, monitorObservedMs: 1_800_000, monitorCompleted: true,
      postDeployHealthFailed: false,
    };
    expect(detectPitfalls(clean)).toEqual([]);
  });

  it('a blocked gate shows no deploy pitfall, whatever check blocked it', () => {
    expect(detectPitfalls({ phase: 'gate', outcome: 'blocked', failedChecks: ['staging_validation_approved', 'rollback_ready', 'rollback_tested'], rollbackReady: false, stagingApproved: false })).toEqual([]);
  });

  it('a throwing rule costs nothing but its own detection', () => {
    const broken = { ...detectionRules[0]!, id: 'broken', detect: () => { throw new Error('bug'); } };
    expect(detectPitfalls({ phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: false }, [broken, ...detectionRules])).toEqual(['missing_git_tag']);
  });
});
