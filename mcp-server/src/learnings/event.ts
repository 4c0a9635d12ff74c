/**
 * One learnings event: what a run actually did. Appended by the engine after every gate, bump, deploy
 * and rollback (and by /retrospect for what a human learned). Never written by the model editing a file.
 */
export const RUN_PHASES = ['gate', 'bump', 'deploy', 'rollback', 'retrospect'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];
export type RunOutcome = 'succeeded' | 'blocked' | 'failed' | 'rolled_back' | 'noted';

export interface RunEvent {
  /** Schema version of the event line. */
  v: 1;
  runId: string;
  /** ISO timestamp. */
  at: string;
  phase: RunPhase;
  environment?: string;
  version?: string;
  commit?: string;
  outcome: RunOutcome;
  durationMs?: number;
  failedChecks?: string[];
  rollbackTrigger?: string;
  /** Pitfall ids detected by code from this run's signals. */
  pitfalls: string[];
  /** Raw signals the detectors read (kept so detection can be re-run). */
  signals?: Record<string, unknown>;
  /** Free text for retrospect/human notes. */
  note?: string;
  author?: string;
  /** For a 'retrospect' event: the phase the lesson is about (its pitfalls count in that phase's window). */
  about?: RunPhase;
}
