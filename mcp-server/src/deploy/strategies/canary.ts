/**
 * canary: run the new release beside the old one and give it traffic step by step (weight, pause), with
 * analysis (the monitor) during each pause; abort means weight 0 and undo the canary. After the last step
 * the release is promoted to stable and the full monitor window runs.
 * Good: `steps: [{weight: 10, pause: 1m}, {weight: 50, pause: 1m}]`. Bad: one step at 100 (that is rolling).
 */
import type { Strategy } from './strategy.js';
import { healthStep, monitorStep, providerStep, smokeStep, undoToPrevious } from './strategy.js';
import type { PlanStep } from '../plan-step.js';

export const canary: Strategy = {
  type: 'canary',
  plan(context) {
    const { next } = context.input;
    const steps = context.environment.strategy.type === 'canary' ? context.environment.strategy.steps : [{ weight: 100, pause: 0 }];
    const weightZero = providerStep(context, 'canary-weight-0', 'traffic', { action: 'traffic', weight: 0, color: 'canary' }, 'send all traffic back to stable');
    const removeCanary = providerStep(context, 'canary-undo', 'provider', { action: 'undo', color: 'canary' }, 'remove the canary');
    const plan: PlanStep[] = [
      providerStep(context, 'deploy-canary', 'provider', { action: 'deploy', color: 'canary', strategy: 'canary' }, `deploy ${next.tag} as canary (no traffic yet)`, 'next', [removeCanary]),
      healthStep(context, 'health-canary', 'candidate'),
      // Seed 002: pre-deployment smoke tests pass on the canary before it takes any traffic.
      ...smokeStep(context, 'smoke-canary', 'candidate'),
    ];
    steps.forEach((step, index) => {
      plan.push(providerStep(context, `weight-${step.weight}`, 'traffic', { action: 'traffic', weight: step.weight, color: 'canary' }, `canary weight ${step.weight}%`, 'next', [weightZero]));
      if (step.pause > 0) plan.push(monitorStep(context, `analysis-${index + 1}`, step.pause, `analysis of the canary at ${step.weight}% for ${Math.round(step.pause / 1000)}s`, 'candidate'));
    });
    plan.push(
      providerStep(context, 'promote', 'promote', { action: 'promote', color: 'canary' }, `promote ${next.tag} to stable`, 'next', undoToPrevious(context, 'stable')),
      healthStep(context, 'health', 'production'),
      ...smokeStep(context, 'smoke'),
      monitorStep(context, 'monitor', context.environment.monitor.duration),
    );
    return plan;
  },
};
