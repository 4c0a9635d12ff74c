/**
 * Shared signal reading for the two monitoring pitfalls: a deploy that ended as succeeded although
 * its post-deploy monitor window was skipped or cut short (observed less than planned, or not
 * completed). A deploy that rolled back during the window is not this pitfall: the monitor did its job.
 *
 * Good: `{ phase: 'deploy', monitorPlannedMs: 600000, monitorObservedMs: 600000, monitorCompleted: true }` → false.
 * Bad:  `{ phase: 'deploy', outcome: 'succeeded', monitorPlannedMs: 600000, monitorObservedMs: 60000 }` → true.
 * Not:  `{ phase: 'deploy', outcome: 'rolled_back', monitorCompleted: false }` → false.
 */
import type { RunSignals } from '../signals.js';

export function monitorCutShort(signals: RunSignals): boolean {
  if (signals.phase !== 'deploy' || signals.outcome !== 'succeeded') return false;
  if (signals.monitorCompleted === false) return true;
  const planned = signals.monitorPlannedMs;
  const observed = signals.monitorObservedMs;
  if (planned !== undefined && planned <= 0) return true;
  return planned !== undefined && observed !== undefined && observed < planned;
}
