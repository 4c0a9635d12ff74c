/**
 * rolling: the provider replaces instances in place (its own rolling update), then health, smoke and the
 * monitor window. Undo is the provider's undo to the previous release.
 * Good for: stateless services behind a load balancer. Bad for: schema changes that old code can't read.
 */
import type { Strategy } from './strategy.js';
import { healthStep, monitorStep, providerStep, smokeStep, undoToPrevious } from './strategy.js';

export const rolling: Strategy = {
  type: 'rolling',
  plan(context) {
    const { next } = context.input;
    return [
      providerStep(context, 'deploy', 'provider', { action: 'deploy', color: 'stable', strategy: 'rolling' }, `deploy ${next.tag} (${next.sha.slice(0, 12)})`, 'next', undoToPrevious(context, 'stable')),
      healthStep(context, 'health', 'production'),
      ...smokeStep(context, 'smoke'),
      monitorStep(context, 'monitor', context.environment.monitor.duration),
    ];
  },
};
