/**
 * Executes a DeployPlan: each step in order through its runner (deploy/steps/, one file per kind), the
 * record rewritten after each one, progress reported. When a step fails (or the run is interrupted) and
 * automatic rollback is on, the `undo` of every step that started runs in reverse order, production is
 * verified with the health checks, and the record gets an incident report. Outcome: succeeded (exit 0),
 * rolled_back (exit 3: deployed, then rolled back), failed (exit 1).
 *
 * Every timestamp and every wait goes through the injected clock, so a test with a fake clock runs a
 * whole canary with its pauses and monitor windows without real-time sleeps.
 */
import type { EnvironmentConfig } from '../config/schema.js';
import type { Provider, ReleaseRef } from './providers/provider.js';
import type { DeployPlan } from './plan-deploy.js';
import type { PlanStep } from './plan-step.js';
import type { DeploymentRecord, RecordStep } from '../records/deployment-record.js';
import { writeRecord } from '../records/deployment-record.js';
import { probeMeasurements, tickMeasurements } from '../records/measurements.js';
import { runHealthChecks, type HealthCheck } from '../health/run-health-checks.js';
import { measureBaseline, type Baseline } from '../health/baseline.js';
import { runMonitor, type MonitorTrigger } from '../health/monitor.js';
import { runScript, type ProjectCommands } from '../exec/run.js';
import { systemClock, type Clock } from '../util/clock.js';
import { stepRunnerFor } from './steps/index.js';
import { RETRY_DELAY_MS, type StepContext } from './steps/step-runner.js';
import { NO_PREVIOUS_VERSION } from './plan-deploy.js';
import { checksForVersion } from '../health/version-checks.js';

export type DeployStatus = 'succeeded' | 'rolled_back' | 'failed';

export interface DeployProgressEvent {
  index: number;
  total: number;
  step: string;
  message: string;
}

export interface RollbackProcedureStep {
  id: string;
  command: string;
  timeoutMs: number;
}

export interface ApplyDeployOptions {
  /** Where the project's commands run: a clean checkout of the gated release (project/trusted-tree.ts). */
  projectRoot: string;
  /** Their extra environment (`SHIPGATE_PROJECT_ROOT`) and confinement. */
  commands?: ProjectCommands;
  plan: DeployPlan;
  environment: EnvironmentConfig;
  provider: Provider;
  providerTimeoutMs: number;
  record: DeploymentRecord;
  signal?: AbortSignal;
  /** Time and waiting (default: the system clock). */
  clock?: Clock;
  onProgress?: (event: DeployProgressEvent) => void | Promise<void>;
  /** Events the monitor watches by running a command each tick (deploy/monitor-rules.ts). */
  monitorSignals?: Array<{ event: string; command: string }>;
  /** The gate skill's `<rollback_procedure>` steps (repository content), run after the provider's undo. */
  rollbackProcedure?: RollbackProcedureStep[];
}

export interface DeployOutcome {
  status: DeployStatus;
  exitCode: 0 | 1 | 3;
  trigger?: string;
  record: DeploymentRecord;
  monitorPlannedMs: number;
  monitorObservedMs: number;
  monitorCompleted: boolean;
  healthChecksRun: number;
  /** A health, smoke or monitor step failed: the new version was unhealthy (a learnings signal). */
  healthFailed: boolean;
}

/** The environment's checks with `{version}` filled in for `version` (version checks left out when unknown). */
export function healthChecksOf(environment: EnvironmentConfig, version: string | undefined): HealthCheck[] {
  return checksForVersion(environment.health.checks, version);
}

/** What the steps run so far add up to (the learnings signals and the rollback's monitor trigger). */
interface RunTally {
  started: PlanStep[];
  monitorPlannedMs: number;
  monitorObservedMs: number;
  monitorCompleted: boolean;
  healthChecksRun: number;
  healthFailed: boolean;
  monitorTrigger?: MonitorTrigger;
}

export async function applyDeploy(options: ApplyDeployOptions): Promise<DeployOutcome> {
  const { plan, environment, record } = options;
  const clock = options.clock ?? systemClock;
  // Every probe after the deploy expects the new version; the baseline and the rollback's verification
  // expect the previous one (a version check there proves production really went back).
  const checks = healthChecksOf(environment, plan.next.version);
  const previousChecks = healthChecksOf(environment, plan.previous?.version);
  const total = plan.steps.length;
  // The planned window is the plan's, not what ran before a failure cut it short (learnings compare it with 30 minutes).
  const monitorPlannedMs = plan.steps.reduce((sum, step) => (step.kind === 'monitor' ? sum + (step.durationMs ?? 0) : sum), 0);
  const tally: RunTally = { started: [], monitorPlannedMs, monitorObservedMs: 0, monitorCompleted: true, healthChecksRun: 0, healthFailed: false };
  record.steps = plan.steps.map((step) => toRecordStep(step));
  await writeRecord(record);
  const baseline = await productionBaseline(options, previousChecks, clock);
  const context: Omit<StepContext, 'report'> = {
    projectRoot: options.projectRoot,
    ...(options.commands ? { commands: options.commands } : {}),
    plan,
    environment,
    provider: options.provider,
    providerTimeoutMs: options.providerTimeoutMs,
    checks,
    clock,
    ...(baseline ? { baseline } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.monitorSignals?.length ? { monitorSignals: options.monitorSignals } : {}),
  };

  let failure: string | undefined;
  for (const [index, step] of plan.steps.entries()) {
    const recordStep = record.steps[index]!;
    if (options.signal?.aborted) {
      failure = 'the deploy was interrupted (signal) before it finished';
      break;
    }
    recordStep.status = 'running';
    recordStep.startedAt = clock.now().toISOString();
    await writeRecord(record);
    await options.onProgress?.({ index, total, step: step.id, message: step.description });
    tally.started.push(step);
    // Progress inside a step (monitor ticks) is reported without holding the step up.
    const report = (message: string): void => void Promise.resolve(options.onProgress?.({ index, total, step: step.id, message })).catch(() => undefined);
    const outcome = await stepRunnerFor(step)(step, { ...context, report });
    if (outcome.candidateColor) context.candidateColor = outcome.candidateColor;
    record.measurements.push(...outcome.measurements);
    tally.healthChecksRun += outcome.healthChecksRun;
    if (outcome.monitor) {
      tally.monitorObservedMs += outcome.monitor.observedMs;
      if (!outcome.monitor.completed) tally.monitorCompleted = false;
      if (outcome.monitor.trigger) tally.monitorTrigger = outcome.monitor.trigger;
    }
    recordStep.finishedAt = clock.now().toISOString();
    recordStep.detail = outcome.detail;
    recordStep.status = outcome.status;
    await writeRecord(record);
    if (outcome.status === 'failed') {
      tally.healthFailed = step.kind === 'health' || step.kind === 'smoke' || step.kind === 'monitor';
      failure = `${step.id}: ${outcome.detail}`;
      break;
    }
  }

  const base = { monitorPlannedMs: tally.monitorPlannedMs, monitorObservedMs: tally.monitorObservedMs, monitorCompleted: tally.monitorCompleted && !failure, healthChecksRun: tally.healthChecksRun, healthFailed: tally.healthFailed };
  if (!failure) {
    record.status = 'succeeded';
    record.finishedAt = clock.now().toISOString();
    await writeRecord(record);
    return { status: 'succeeded', exitCode: 0, record, ...base };
  }
  for (const step of record.steps) if (step.status === 'pending') step.status = 'skipped';
  if (tally.monitorTrigger?.kind === 'missing-data' && environment.monitor.missingData.action === 'hold') {
    // "Pause and ask": production could not be seen, so shipgate neither promotes nor rolls back on a guess.
    record.status = 'failed';
    record.reason = `${failure}; monitor.missingData.action is hold: nothing was rolled back and the rollout stopped where it was. Check the monitoring, then run \`shipgate rollback --env ${plan.environment} --reason "..."\` or deploy again`;
    record.finishedAt = clock.now().toISOString();
    await writeRecord(record);
    return { status: 'failed', exitCode: 1, trigger: failure, record, ...base };
  }
  if (!environment.rollback.automatic) {
    record.status = 'failed';
    record.reason = `${failure}; automatic rollback is off for this environment (run \`shipgate rollback\`)`;
    record.finishedAt = clock.now().toISOString();
    await writeRecord(record);
    return { status: 'failed', exitCode: 1, trigger: failure, record, ...base };
  }
  const rolledBack = (await rollBackStarted(options, tally.started, failure, previousChecks, clock, tally.monitorTrigger)) && plan.previous !== undefined;
  record.status = rolledBack ? 'rolled_back' : 'failed';
  // A first deploy has nothing to roll back to: whatever the undo did, it is not "rolled back".
  if (!plan.previous) record.reason = `${failure}; ${NO_PREVIOUS_VERSION}`;
  record.finishedAt = clock.now().toISOString();
  await writeRecord(record);
  return { status: record.status === 'rolled_back' ? 'rolled_back' : 'failed', exitCode: rolledBack ? 3 : 1, trigger: failure, record, ...base };
}

/** Undo every started step (reverse order, each undo once), run the skill's procedure, verify. */
async function rollBackStarted(options: ApplyDeployOptions, started: PlanStep[], trigger: string, checks: HealthCheck[], clock: Clock, monitorTrigger?: MonitorTrigger): Promise<boolean> {
  const { record, plan, provider, environment } = options;
  const seen = new Set<string>();
  const undo: PlanStep[] = [];
  for (const step of [...started].reverse()) {
    for (const u of step.undo ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      undo.push(u);
    }
  }
  const rollback: NonNullable<DeploymentRecord['rollback']> = { trigger, startedAt: clock.now().toISOString(), steps: undo.map((step) => toRecordStep(step)) };
  if (monitorTrigger) {
    const { kind, metric, value, threshold, forMs } = monitorTrigger;
    rollback.monitorTrigger = { kind, metric, value, threshold, forMs };
  }
  record.rollback = rollback;
  await writeRecord(record);
  const changedProduction = started.some((step) => step.action !== undefined);
  let allOk = true;
  // The run's own signal may be what fired: the rollback must not be cancelled with it.
  for (const [index, step] of undo.entries()) {
    const recordStep = rollback.steps[index]!;
    recordStep.status = 'running';
    recordStep.startedAt = clock.now().toISOString();
    const release: ReleaseRef | undefined = step.release === 'previous' ? plan.previous : plan.next;
    const result = step.action && release
      ? await provider.run(step.action, release, { projectRoot: options.projectRoot, timeoutMs: Math.min(options.providerTimeoutMs, environment.rollback.timeout), ...options.commands })
      : { ok: false, detail: 'nothing to run', runs: [] };
    recordStep.finishedAt = clock.now().toISOString();
    recordStep.status = result.ok ? 'passed' : 'failed';
    recordStep.detail = result.detail;
    allOk &&= result.ok;
    await writeRecord(record);
  }
  for (const procedure of options.rollbackProcedure ?? []) {
    const recordStep: RecordStep = { id: procedure.id, kind: 'rollback-procedure', description: procedure.command, timeoutMs: procedure.timeoutMs, status: 'running', startedAt: clock.now().toISOString() };
    rollback.steps.push(recordStep);
    const result = await runScript(procedure.command, { cwd: options.projectRoot, timeoutMs: procedure.timeoutMs, ...options.commands });
    recordStep.finishedAt = clock.now().toISOString();
    recordStep.status = result.exitCode === 0 ? 'passed' : 'failed';
    recordStep.detail = result.exitCode === 0 ? 'ok' : `exit ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}`;
    allOk &&= result.exitCode === 0;
    await writeRecord(record);
  }
  if (changedProduction && undo.length === 0 && !plan.previous) {
    rollback.detail = `First deploy: ${NO_PREVIOUS_VERSION}. The failed release may still serve; fix forward or stop the service.`;
  }
  if (environment.url && checks.length) {
    const verify = await runHealthChecks({ baseUrl: environment.url, checks, retryDelayMs: RETRY_DELAY_MS, sleep: clock.sleep });
    rollback.verified = verify.ok;
    record.measurements.push(...probeMeasurements('rollback-verify', verify.results, checks, clock.now()));
  }
  if (environment.url && environment.rollback.watch > 0 && undo.length > 0 && allOk && rollback.verified !== false) {
    await watchAfterRollback(options, rollback, checks, clock);
  }
  rollback.finishedAt = clock.now().toISOString();
  if (!allOk) rollback.detail = `${rollback.detail ? `${rollback.detail} ` : ''}A rollback step failed: production may be in a mixed state; see the steps above.`;
  return undo.length > 0 && allOk;
}

/**
 * Seed 001's "enhanced monitoring for the first hour after a rollback": the monitor's rules against the
 * restored release for `rollback.watch`. What it sees goes into the record; an unhealthy watch marks the
 * rollback unverified (production needs attention), it never triggers another rollback.
 */
async function watchAfterRollback(options: ApplyDeployOptions, rollback: NonNullable<DeploymentRecord['rollback']>, checks: HealthCheck[], clock: Clock): Promise<void> {
  const { environment, record } = options;
  const plannedMs = environment.rollback.watch;
  await writeRecord(record);
  const report = await runMonitor({
    baseUrl: environment.url!,
    checks,
    monitor: { ...environment.monitor, duration: plannedMs },
    clock,
    cwd: options.projectRoot,
    ...(options.commands ? { commands: options.commands } : {}),
    onTick: (tick) => record.measurements.push(...tickMeasurements('rollback-watch', tick, environment.monitor)),
  });
  const verdict = report.verdict === 'healthy' ? 'healthy' : report.verdict === 'aborted' ? 'aborted' : 'unhealthy';
  rollback.watch = { plannedMs, observedMs: report.observedMs, verdict, detail: report.trigger ? `${report.trigger.kind}: ${report.trigger.message}` : `${report.ticks.length} ticks within limits` };
  if (verdict === 'unhealthy') rollback.verified = false;
}

function toRecordStep(step: PlanStep): RecordStep {
  return { id: step.id, kind: step.kind, description: step.description, ...(step.commands?.length ? { commands: step.commands } : {}), timeoutMs: step.timeoutMs, status: 'pending' };
}

/**
 * Production's error rate and p95 latency before anything changes (seed 003's baseline), when there is
 * a monitor step to compare against it. Never fails the deploy: an unreachable production gives a
 * baseline with error rate 1, which only makes the increase rules more lenient.
 */
async function productionBaseline(options: ApplyDeployOptions, checks: HealthCheck[], clock: Clock): Promise<Baseline | undefined> {
  const { environment, plan, record } = options;
  const url = environment.url;
  if (!url || checks.length === 0 || !plan.steps.some((step) => step.kind === 'monitor')) return undefined;
  const baseline = await measureBaseline({ baseUrl: url, checks, samples: BASELINE_SAMPLES, intervalMs: BASELINE_INTERVAL_MS, sleep: clock.sleep, ...(options.signal ? { signal: options.signal } : {}) });
  if (baseline.samples === 0) return undefined;
  record.baseline = { ...baseline, url };
  const at = clock.now().toISOString();
  record.measurements.push({ at, step: 'baseline', name: 'error rate', value: baseline.errorRate, ok: true });
  record.measurements.push({ at, step: 'baseline', name: 'p95 latency ms', value: baseline.p95LatencyMs, ok: true });
  await writeRecord(record);
  return baseline;
}

/** Rounds of probing for the baseline, and the pause between them (about one second in all). */
const BASELINE_SAMPLES = 5;
const BASELINE_INTERVAL_MS = 200;
