/**
 * recreate: stop the old version, start the new one (a short outage, accepted on purpose: singletons,
 * migrations that cannot run with two versions live). Same checks as rolling afterwards.
 */
import type { Strategy } from './strategy.js';
import { healthStep, monitorStep, providerStep, smokeStep, undoToPrevious } from './strategy.js';

export const recreate: Strategy = {
  type: 'recreate',
  plan(context) {
    const { next } = context.input;
    return [
      providerStep(context, 'deploy', 'provider', { action: 'deploy', color: 'stable', strategy: 'recreate' }, `recreate with ${next.tag} (${next.sha.slice(0, 12)})`, 'next', undoToPrevious(context, 'stable')),
      healthStep(context, 'health', 'production'),
      ...smokeStep(context, 'smoke'),
      monitorStep(context, 'monitor', context.environment.monitor.duration),
    ];
  },
};
