/**
 * Shared signal reading for the two monitoring pitfalls: a deploy whose post-deploy monitor window
 * was skipped or cut short (observed less than planned, or not completed).
 *
 * Good: `{ phase: 'deploy', monitorPlannedMs: 600000, monitorObservedMs: 600000, monitorCompleted: true }` → false.
 * Bad:  `{ phase: 'deploy', monitorPlannedMs: 600000, monitorObservedMs: 60000 }` → true.
 */
import type { RunSignals } from '../signals.js';

export function monitorCutShort(signals: RunSignals): boolean {
  if (signals.phase !== 'deploy') return false;
  if (signals.monitorCompleted === false) return true;
  const planned = signals.monitorPlannedMs;
  const observed = signals.monitorObservedMs;
  if (planned !== undefined && planned <= 0) return true;
  return planned !== undefined && observed !== undefined && observed < planned;
}
