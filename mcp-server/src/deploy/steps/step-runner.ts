/**
 * The shape every deploy step kind shares (one file per kind under steps/, listed in steps/index.ts).
 * A runner gets the step and what the run knows so far, does its one thing, and returns its outcome
 * and measurements as data; apply-deploy.ts alone writes the record, reports progress around the step
 * and decides what a failure means. Adding a kind is "copy a sibling, add a line to the index".
 *
 * Good: the smoke runner returns `{ status: 'failed', detail: '/checkout FAILED (status 500, 4 ms)', measurements }`.
 * Bad:  a runner that writes the record or decides on rollback itself: the apply loop could no longer
 *       guarantee the record is rewritten after every step and the undo runs in order.
 */
import type { EnvironmentConfig } from '../../config/schema.js';
import type { Baseline } from '../../health/baseline.js';
import type { MonitorTrigger } from '../../health/monitor.js';
import type { HealthCheck } from '../../health/run-health-checks.js';
import type { RecordMeasurement } from '../../records/deployment-record.js';
import type { Clock } from '../../util/clock.js';
import type { ProjectCommands } from '../../exec/run.js';
import type { DeployPlan } from '../plan-deploy.js';
import type { PlanStep } from '../plan-step.js';
import type { Provider } from '../providers/provider.js';

export interface StepContext {
  /** Where the project's commands run: a clean checkout of the release (project/trusted-tree.ts). */
  projectRoot: string;
  /** Their extra environment and confinement. */
  commands?: ProjectCommands;
  plan: DeployPlan;
  environment: EnvironmentConfig;
  provider: Provider;
  providerTimeoutMs: number;
  checks: HealthCheck[];
  /** Production before anything changed, when a monitor step will compare against it. */
  baseline?: Baseline;
  /** The slot the new release went to (set by an earlier deploy action; the candidate's preview URL). */
  candidateColor?: string;
  clock: Clock;
  signal?: AbortSignal;
  /** Events the monitor watches with a command each tick (from the gate skill's trigger conditions). */
  monitorSignals?: Array<{ event: string; command: string }>;
  /** Progress within a long step (monitor ticks); never holds the step up. */
  report: (message: string) => void;
}

export interface MonitorOutcome {
  plannedMs: number;
  observedMs: number;
  completed: boolean;
  trigger?: MonitorTrigger;
}

export interface StepOutcome {
  status: 'passed' | 'failed' | 'skipped';
  detail: string;
  measurements: RecordMeasurement[];
  /** Health probes the step ran (learnings: `healthChecksRun`). */
  healthChecksRun: number;
  /** An action that deployed to a slot names it, so later steps probe the candidate there. */
  candidateColor?: string;
  monitor?: MonitorOutcome;
}

export type StepRunner = (step: PlanStep, context: StepContext) => Promise<StepOutcome>;

/** The outcome of a step that had nothing to do (no URL, no checks): recorded, never a failure. */
export function skipped(detail: string): StepOutcome {
  return { status: 'skipped', detail, measurements: [], healthChecksRun: 0 };
}

export function finished(ok: boolean, detail: string, extra: Partial<Omit<StepOutcome, 'status' | 'detail'>> = {}): StepOutcome {
  return { status: ok ? 'passed' : 'failed', detail, measurements: [], healthChecksRun: 0, ...extra };
}

/** The URL a probing step aims at: production, or the candidate slot's preview URL. */
export function urlFor(environment: EnvironmentConfig, target: 'production' | 'candidate', color: string | undefined): string | undefined {
  if (target === 'production') return environment.url;
  return environment.previewUrl?.replace(/\{color\}/g, color ?? 'canary');
}

/** Pause between attempts of a retried health check during a deploy (health/'s default is 1 s). */
export const RETRY_DELAY_MS = 500;
