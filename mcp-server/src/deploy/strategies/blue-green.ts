/**
 * blue-green: deploy the new release to the idle color, check it there (health, then seed 002's
 * pre-deployment smoke tests), switch all traffic, watch,
 * and only after the scale-down delay retire the old color. Until then undo is instant: switch back.
 * Good: switch after the idle color passed its health checks. Bad: switching first and checking later.
 */
import type { Strategy } from './strategy.js';
import { healthStep, monitorStep, providerStep, smokeStep } from './strategy.js';

export const blueGreen: Strategy = {
  type: 'blue-green',
  plan(context) {
    const { next, liveColor } = context.input;
    const idle = liveColor === 'blue' ? 'green' : 'blue';
    const delay = context.environment.strategy.type === 'blue-green' ? context.environment.strategy.scaleDownDelay : 30_000;
    const switchBack = providerStep(context, `switch-back-${liveColor}`, 'traffic', { action: 'traffic', weight: 0, color: idle }, `switch traffic back to ${liveColor}`);
    return [
      providerStep(context, 'deploy-idle', 'provider', { action: 'deploy', color: idle, strategy: 'blue-green' }, `deploy ${next.tag} to ${idle} (idle)`),
      healthStep(context, `health-${idle}`, 'candidate'),
      ...smokeStep(context, `smoke-${idle}`, 'candidate'),
      providerStep(context, 'switch', 'traffic', { action: 'traffic', weight: 100, color: idle }, `switch all traffic from ${liveColor} to ${idle}`, 'next', [switchBack]),
      healthStep(context, 'health', 'production'),
      ...smokeStep(context, 'smoke'),
      monitorStep(context, 'monitor', context.environment.monitor.duration),
      { id: 'scale-down-delay', kind: 'pause', description: `keep ${liveColor} for instant undo for ${Math.round(delay / 1000)}s`, durationMs: delay, timeoutMs: delay + 1_000 },
      providerStep(context, 'retire', 'cleanup', { action: 'promote', color: idle }, `promote ${idle}, retire ${liveColor}`),
    ];
  },
};
