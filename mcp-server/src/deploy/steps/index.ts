/**
 * The deploy step registry: one runner per step kind. A step that carries a provider action (provider,
 * traffic, promote, cleanup) runs as an action; the others by their kind.
 */
import type { PlanStep } from '../plan-step.js';
import { runActionStep } from './action.js';
import { runHealthStep } from './health.js';
import { runMonitorStep } from './monitor.js';
import { runPauseStep } from './pause.js';
import { runSmokeStep } from './smoke.js';
import type { StepRunner } from './step-runner.js';

export const stepRunners = {
  action: runActionStep,
  health: runHealthStep,
  smoke: runSmokeStep,
  monitor: runMonitorStep,
  pause: runPauseStep,
} satisfies Record<string, StepRunner>;

export type StepRunnerKind = keyof typeof stepRunners;

export function stepRunnerKind(step: PlanStep): StepRunnerKind {
  if (step.action) return 'action';
  if (step.kind === 'health' || step.kind === 'smoke' || step.kind === 'monitor' || step.kind === 'pause') return step.kind;
  return 'action';
}

export function stepRunnerFor(step: PlanStep): StepRunner {
  return stepRunners[stepRunnerKind(step)];
}
