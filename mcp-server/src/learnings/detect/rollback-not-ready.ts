/**
 * Shared signal reading for the two rollback pitfalls.
 * - rollbackCheckFailed: a gate or deploy reported a failed check whose id names the rollback
 *   (`rollback_ready`, `rollback_tested`, ...): the rollback was not verified (seed 003).
 * - rollbackNotReady: that, or a deploy that went ahead with `rollbackReady: false` (no previous
 *   version to return to, no passing rollback check): no rollback plan (seed 004).
 * A gate without a rollback check says nothing either way.
 *
 * Good: `{ phase: 'deploy', rollbackReady: true, failedChecks: [] }` → neither.
 * Bad:  `{ phase: 'gate', failedChecks: ['rollback_ready'] }` → both.  `{ phase: 'deploy', rollbackReady: false }` → not ready.
 */
import type { RunSignals } from '../signals.js';

const ROLLBACK_CHECK = /rollback/i;

export function rollbackCheckFailed(signals: RunSignals): boolean {
  if (signals.phase !== 'deploy' && signals.phase !== 'gate') return false;
  return (signals.failedChecks ?? []).some((check) => ROLLBACK_CHECK.test(check));
}

export function rollbackNotReady(signals: RunSignals): boolean {
  if (signals.phase === 'deploy' && signals.rollbackReady === false) return true;
  return rollbackCheckFailed(signals);
}
