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
  /** A rollback plan/check existed and passed before deploying. */
  rollbackReady?: boolean;
  /** Monitor window: planned vs observed, and whether it ran to the end. */
  monitorPlannedMs?: number;
  monitorObservedMs?: number;
  monitorCompleted?: boolean;
  /** Health checks actually run vs the configured critical endpoints. */
  healthChecksRun?: number;
  criticalEndpoints?: number;
  /** The deployed commit carries a release tag. */
  deployedCommitTagged?: boolean;
  /** Release: what the commits imply vs what was chosen. */
  bumpImplied?: 'major' | 'minor' | 'patch' | 'none';
  bumpChosen?: 'major' | 'minor' | 'patch' | 'prerelease' | 'none';
  /** Staging validation was approved (state file) when the deploy was attempted. */
  stagingApproved?: boolean;
  note?: string;
  author?: string;
  runId?: string;
  /** Pitfalls a human reported (retrospect / learnings_record), added to the detected ones. */
  reportedPitfalls?: string[];
  /** For a retrospect: the phase the lesson is about. */
  about?: RunPhase;
}
