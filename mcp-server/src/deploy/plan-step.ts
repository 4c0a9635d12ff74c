/**
 * A deploy plan is plain data: the steps a strategy chose, in order, each with the argument vectors it
 * will run and its timeout. `--dry-run` prints it; apply-deploy.ts executes it. A step that changes
 * production carries `undo`: the steps that put it back, run in reverse order when a later step fails.
 */
import type { ProviderAction, ReleaseRef } from './providers/provider.js';

export type PlanStepKind = 'provider' | 'health' | 'smoke' | 'monitor' | 'traffic' | 'pause' | 'promote' | 'cleanup';

export interface PlanStep {
  id: string;
  kind: PlanStepKind;
  description: string;
  /** Argument vectors the step runs, for display (provider/traffic/promote steps). */
  commands?: string[][];
  timeoutMs: number;
  /** Provider steps: the action and which release it applies (the new one, or the previous for undo). */
  action?: ProviderAction;
  release?: 'next' | 'previous';
  /** Health/smoke/monitor steps: which URL they probe. */
  target?: 'production' | 'candidate';
  /** Pause and monitor steps: how long. */
  durationMs?: number;
  /** Steps that revert this one once it has started. */
  undo?: PlanStep[];
}

export interface StrategyInput {
  /** The slot that serves production now (blue-green); the new release goes to the other one. */
  liveColor: 'blue' | 'green';
  next: ReleaseRef;
  previous?: ReleaseRef;
}
