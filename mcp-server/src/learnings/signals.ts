/**
 * What a run hands the learnings engine: plain facts the run observed. Detection rules (one per
 * pitfall, learnings/detect/) turn these into pitfall ids; nobody else decides what a pitfall is.
 */
import type { RunOutcome, RunPhase } from './event.js';

export interface RunSignals {
  phase: RunPhase;
  outcome: RunOutcome;
  environment?: string;
  version?: string;
  commit?: string;
  durationMs?: number;
  failedChecks?: string[];
  rollbackTrigger?: string;
  /** Deploy: a previous version that served exists to return to. */
  rollbackReady?: boolean;
  /** Deploy: something would roll back (automatic rollback on, or the skill documents rollback steps). */
  rollbackPlanned?: boolean;
  /** Deploy: the gate behind it had a rollback check, and it passed (seed 003's rollback gate). */
  rollbackVerified?: boolean;
  /** Monitor window: planned (the plan's monitor steps, whether or not they ran) vs observed, and whether it ran to the end. */
  monitorPlannedMs?: number;
  monitorObservedMs?: number;
  monitorCompleted?: boolean;
  /** Deploy: a health, smoke or monitor check failed after the new version was shipped. */
  postDeployHealthFailed?: boolean;
  /** Health checks actually run vs the configured critical endpoints. */
  healthChecksRun?: number;
  criticalEndpoints?: number;
  /** The deployed commit carries a release tag. */
  deployedCommitTagged?: boolean;
  /** Release: what the commits imply vs what was chosen. */
  bumpImplied?: 'major' | 'minor' | 'patch' | 'none';
  bumpChosen?: 'major' | 'minor' | 'patch' | 'prerelease' | 'none';
  /** Staging validation was approved (the gate's staging check passed) when the deploy was attempted. */
  stagingApproved?: boolean;
  note?: string;
  author?: string;
  runId?: string;
  /** Pitfalls a human reported (retrospect / learnings_record), added to the detected ones. */
  reportedPitfalls?: string[];
  /** For a retrospect: the phase the lesson is about. */
  about?: RunPhase;
}
