/**
 * Deploy pitfalls are read from deploys that went ahead: a deploy the gate blocked (or a gate that
 * blocked) did its job and shows no deploy pitfall; a deploy to staging is where staging is validated.
 *
 * Good: `{ phase: 'deploy', outcome: 'rolled_back' }` → attempted.
 * Bad:  `{ phase: 'gate', outcome: 'blocked', failedChecks: ['rollback_ready'] }` → not a deploy at all.
 */
import type { RunSignals } from '../signals.js';

export function attemptedDeploy(signals: RunSignals): boolean {
  return signals.phase === 'deploy' && signals.outcome !== 'blocked';
}
