/**
 * Pure: a run's signals → the event line. Detection happens here, by code (detect/), so what the
 * event says was detected is exactly what the rules found in what the run observed.
 *
 * Good: `{ phase: 'deploy', outcome: 'rolled_back', rollbackTrigger: 'error_rate', monitorCompleted: false }`
 *       → pitfalls ['no_post_deploy_monitoring', 'insufficient_post_deploy_monitoring'].
 * Bad:  the model writing "missing_rollback_plan" into a Markdown file by hand.
 */
import { randomBytes } from 'node:crypto';
import type { RunEvent } from './event.js';
import type { RunSignals } from './signals.js';
import { detectPitfalls, detectionRules, type DetectionRule } from './detect/index.js';

const SIGNAL_KEYS = [
  'rollbackReady',
  'rollbackPlanned',
  'rollbackVerified',
  'postDeployHealthFailed',
  'monitorPlannedMs',
  'monitorObservedMs',
  'monitorCompleted',
  'healthChecksRun',
  'criticalEndpoints',
  'deployedCommitTagged',
  'bumpImplied',
  'bumpChosen',
  'stagingApproved',
] as const satisfies readonly (keyof RunSignals)[];

export function newRunId(phase: string, now: Date): string {
  return `${phase}-${now.toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(4).toString('hex')}`;
}

export function buildEvent(signals: RunSignals, now: Date, rules: readonly DetectionRule[] = detectionRules): RunEvent {
  const detected = signals.phase === 'retrospect' ? [] : detectPitfalls(signals, rules);
  const pitfalls = [...new Set([...detected, ...(signals.reportedPitfalls ?? [])])];
  const kept: Record<string, unknown> = {};
  for (const key of SIGNAL_KEYS) if (signals[key] !== undefined) kept[key] = signals[key];
  const event: RunEvent = {
    v: 1,
    runId: signals.runId ?? newRunId(signals.phase, now),
    at: now.toISOString(),
    phase: signals.phase,
    outcome: signals.outcome,
    pitfalls,
  };
  if (signals.environment !== undefined) event.environment = signals.environment;
  if (signals.version !== undefined) event.version = signals.version;
  if (signals.commit !== undefined) event.commit = signals.commit;
  if (signals.durationMs !== undefined) event.durationMs = Math.max(0, Math.round(signals.durationMs));
  if (signals.failedChecks && signals.failedChecks.length > 0) event.failedChecks = [...signals.failedChecks];
  // Bounded so an event stays one short line (appends are single writes).
  if (signals.rollbackTrigger !== undefined) event.rollbackTrigger = signals.rollbackTrigger.slice(0, 500);
  if (Object.keys(kept).length > 0) event.signals = kept;
  if (signals.note !== undefined) event.note = signals.note;
  if (signals.author !== undefined) event.author = signals.author;
  if (signals.about !== undefined) event.about = signals.about;
  return event;
}
