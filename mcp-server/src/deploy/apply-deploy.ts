/**
 * Executes a DeployPlan: each step in order, the record rewritten after each one, progress reported.
 * When a provider, health, smoke or monitor step fails (or the run is interrupted) and automatic
 * rollback is on, the `undo` of every step that started runs in reverse order, production is verified
 * with the health checks, and the record gets an incident report. Outcome: succeeded (exit 0),
 * rolled_back (exit 3: deployed, then rolled back), failed (exit 1).
 *
 * Probing is health/'s: runHealthChecks for the health steps and the post-rollback verification,
 * runSmokeTests for seed 002's smoke tests, measureBaseline against production before anything changes,
 * and runMonitor (health checks plus the environment's Prometheus queries, against that baseline) for
 * the monitor and canary-analysis steps. The MonitorReport's verdict and trigger become the step's
 * result and the record's `rollback.monitorTrigger`.
 */
import { resolve } from 'node:path';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Provider, ReleaseRef } from './providers/provider.js';
import type { DeployPlan } from './plan-deploy.js';
import type { PlanStep } from './plan-step.js';
import type { DeploymentRecord, RecordStep } from '../records/deployment-record.js';
import { writeRecord } from '../records/deployment-record.js';
import { runHealthChecks, type HealthCheck, type HealthCheckResult } from '../health/run-health-checks.js';
import { loadSmokeTests, runSmokeTests, type SmokeTestResult } from '../health/smoke-tests.js';
import { measureBaseline, type Baseline } from '../health/baseline.js';
import { runMonitor, type MonitorTick, type MonitorTrigger } from '../health/monitor.js';
import { abortableSleep } from '../health/abortable-sleep.js';
import { runScript } from '../exec/run.js';

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
  projectRoot: string;
  plan: DeployPlan;
  environment: EnvironmentConfig;
  provider: Provider;
  providerTimeoutMs: number;
  record: DeploymentRecord;
  signal?: AbortSignal;
  onProgress?: (event: DeployProgressEvent) => void | Promise<void>;
  /** The gate skill's `<rollback_procedure>` steps (repository content), run after the provider's undo. */
  rollbackProcedure?: RollbackProcedureStep[];
}

export interface DeployOutcome {
  status: DeployStatus;
  exitCode: 0 | 1 | 3;
  trigger?: string;
  record: DeploymentRecord;
  /** The plan's monitor windows added up, whether or not the deploy got that far (learnings compare it with 30 minutes). */
  monitorPlannedMs: number;
  monitorObservedMs: number;
  monitorCompleted: boolean;
  healthChecksRun: number;
  /** A health, smoke or monitor step failed: the new version was unhealthy (a learnings signal). */
  healthFailed: boolean;
}

export function healthChecksOf(environment: EnvironmentConfig): HealthCheck[] {
  return environment.health.checks.map((check) => ({ ...check }));
}

/** Pause between attempts of a retried health check during a deploy (health/'s default is 1 s). */
const RETRY_DELAY_MS = 500;

export function urlFor(environment: EnvironmentConfig, target: 'production' | 'candidate', color: string | undefined): string | undefined {
  if (target === 'production') return environment.url;
  return environment.previewUrl?.replace(/\{color\}/g, color ?? 'canary');
}

export async function applyDeploy(options: ApplyDeployOptions): Promise<DeployOutcome> {
  const { plan, environment, provider, record } = options;
  const checks = healthChecksOf(environment);
  const total = plan.steps.length;
  const started: PlanStep[] = [];
  let candidateColor: string | undefined;
  let failure: string | undefined;
  // The planned window is the plan's, not what ran before a failure cut it short.
  const monitorPlannedMs = plan.steps.reduce((sum, step) => (step.kind === 'monitor' ? sum + (step.durationMs ?? 0) : sum), 0);
  let monitorObservedMs = 0;
  let healthFailed = false;
  let monitorCompleted = true;
  let healthChecksRun = 0;
  let monitorTrigger: MonitorTrigger | undefined;
  record.steps = plan.steps.map((step) => toRecordStep(step));
  await writeRecord(record);
  const baseline = await productionBaseline(options, checks);

  for (const [index, step] of plan.steps.entries()) {
    const recordStep = record.steps[index]!;
    if (options.signal?.aborted) {
      failure = 'the deploy was interrupted (signal) before it finished';
      break;
    }
    recordStep.status = 'running';
    recordStep.startedAt = new Date().toISOString();
    await writeRecord(record);
    await options.onProgress?.({ index, total, step: step.id, message: step.description });
    started.push(step);
    let ok = true;
    let detail = '';
    if (step.action) {
      if (step.action.action === 'deploy' && step.action.color) candidateColor = step.action.color;
      const release = step.release === 'previous' ? plan.previous : plan.next;
      const result = release
        ? await provider.run(step.action, release, { projectRoot: options.projectRoot, timeoutMs: options.providerTimeoutMs, signal: options.signal })
        : { ok: false, detail: 'no release to apply', runs: [] };
      ok = result.ok;
      detail = result.detail;
    } else if (step.kind === 'health') {
      const url = urlFor(environment, step.target ?? 'production', candidateColor);
      if (!url || checks.length === 0) {
        recordStep.status = 'skipped';
        detail = !url ? `no ${step.target === 'candidate' ? 'previewUrl' : 'url'} configured for this environment` : 'no health checks configured';
      } else {
        const result = await runHealthChecks({ baseUrl: url, checks, retryDelayMs: RETRY_DELAY_MS, ...(options.signal ? { signal: options.signal } : {}) });
        healthChecksRun += result.results.length;
        addProbeMeasurements(record, step.id, result.results, checks);
        ok = result.ok;
        detail = summarize(result.results, checks);
      }
    } else if (step.kind === 'smoke') {
      const url = urlFor(environment, 'production', undefined);
      if (!url || !environment.health.smokeTests) {
        recordStep.status = 'skipped';
        detail = 'no url or smoke tests configured';
      } else {
        const tests = await loadSmokeTests(resolve(options.projectRoot, environment.health.smokeTests));
        const result = await runSmokeTests({ baseUrl: url, tests, ...(options.signal ? { signal: options.signal } : {}) });
        addSmokeMeasurements(record, step.id, result.results);
        ok = result.ok;
        detail = summarizeSmoke(result.results);
      }
    } else if (step.kind === 'monitor') {
      // Canary analysis watches the canary itself (its preview URL) when there is one: probes through the
      // shared URL would mostly measure the stable release.
      const url = urlFor(environment, step.target ?? 'production', candidateColor) ?? environment.url;
      const queries = environment.monitor.prometheus?.queries.length ?? 0;
      if (!url || (checks.length === 0 && queries === 0)) {
        recordStep.status = 'skipped';
        detail = !url ? 'no url to monitor' : 'no health checks or Prometheus queries to monitor with';
      } else {
        const durationMs = step.durationMs ?? 0;
        const expectedTicks = Math.max(1, Math.ceil(durationMs / environment.monitor.interval) + 1);
        let tickIndex = 0;
        const report = await runMonitor({
          baseUrl: url,
          checks,
          // A canary analysis step watches for its own pause, not the environment's whole window.
          monitor: { ...environment.monitor, duration: durationMs },
          minLatencyIncreaseMs: environment.monitor.minLatencyIncrease,
          ...(baseline ? { baseline } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
          onTick: (tick) => {
            tickIndex += 1;
            addTickMeasurements(record, step.id, tick, environment);
            const message = `tick ${tickIndex}/${expectedTicks}: ${describeTick(tick)}`;
            // runMonitor's onTick is synchronous: progress is reported without holding the window up.
            void Promise.resolve(options.onProgress?.({ index, total, step: step.id, message })).catch(() => undefined);
          },
        });
        monitorObservedMs += report.observedMs;
        healthChecksRun += report.ticks.length * checks.length;
        if (!report.completed) monitorCompleted = false;
        ok = report.verdict === 'healthy';
        if (report.trigger) monitorTrigger = report.trigger;
        detail = report.verdict === 'healthy'
          ? `${report.ticks.length} ticks, all within limits`
          : report.trigger
            ? `${report.trigger.kind}: ${report.trigger.message}`
            : 'interrupted during the monitor window';
      }
    } else if (step.kind === 'pause') {
      await abortableSleep(step.durationMs ?? 0, options.signal);
      const aborted = options.signal?.aborted ?? false;
      ok = !aborted;
      detail = aborted ? 'interrupted' : `waited ${step.durationMs ?? 0} ms`;
    }
    recordStep.finishedAt = new Date().toISOString();
    recordStep.detail = detail;
    if (recordStep.status !== 'skipped') recordStep.status = ok ? 'passed' : 'failed';
    await writeRecord(record);
    if (!ok) {
      healthFailed = step.kind === 'health' || step.kind === 'smoke' || step.kind === 'monitor';
      failure = `${step.id}: ${detail}`;
      break;
    }
  }

  const base = { monitorPlannedMs, monitorObservedMs, monitorCompleted: monitorCompleted && !failure, healthChecksRun, healthFailed };
  if (!failure) {
    record.status = 'succeeded';
    record.finishedAt = new Date().toISOString();
    await writeRecord(record);
    return { status: 'succeeded', exitCode: 0, record, ...base };
  }
  for (const step of record.steps) if (step.status === 'pending') step.status = 'skipped';
  if (!environment.rollback.automatic) {
    record.status = 'failed';
    record.reason = `${failure}; automatic rollback is off for this environment (run \`shipgate rollback\`)`;
    record.finishedAt = new Date().toISOString();
    await writeRecord(record);
    return { status: 'failed', exitCode: 1, trigger: failure, record, ...base };
  }
  const rolledBack = await rollBackStarted(options, started, failure, checks, monitorTrigger);
  record.status = rolledBack ? 'rolled_back' : 'failed';
  record.finishedAt = new Date().toISOString();
  await writeRecord(record);
  return { status: record.status === 'rolled_back' ? 'rolled_back' : 'failed', exitCode: rolledBack ? 3 : 1, trigger: failure, record, ...base };
}

/** Undo every started step (reverse order, each undo once), run the skill's procedure, verify. */
async function rollBackStarted(options: ApplyDeployOptions, started: PlanStep[], trigger: string, checks: HealthCheck[], monitorTrigger?: MonitorTrigger): Promise<boolean> {
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
  const rollback: NonNullable<DeploymentRecord['rollback']> = { trigger, startedAt: new Date().toISOString(), steps: undo.map((step) => toRecordStep(step)) };
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
    recordStep.startedAt = new Date().toISOString();
    const release: ReleaseRef | undefined = step.release === 'previous' ? plan.previous : plan.next;
    const result = step.action && release
      ? await provider.run(step.action, release, { projectRoot: options.projectRoot, timeoutMs: Math.min(options.providerTimeoutMs, environment.rollback.timeout) })
      : { ok: false, detail: 'nothing to run', runs: [] };
    recordStep.finishedAt = new Date().toISOString();
    recordStep.status = result.ok ? 'passed' : 'failed';
    recordStep.detail = result.detail;
    allOk &&= result.ok;
    await writeRecord(record);
  }
  for (const procedure of options.rollbackProcedure ?? []) {
    const recordStep: RecordStep = { id: procedure.id, kind: 'rollback-procedure', description: procedure.command, timeoutMs: procedure.timeoutMs, status: 'running', startedAt: new Date().toISOString() };
    rollback.steps.push(recordStep);
    const result = await runScript(procedure.command, { cwd: options.projectRoot, timeoutMs: procedure.timeoutMs });
    recordStep.finishedAt = new Date().toISOString();
    recordStep.status = result.exitCode === 0 ? 'passed' : 'failed';
    recordStep.detail = result.exitCode === 0 ? 'ok' : `exit ${result.exitCode}${result.timedOut ? ' (timed out)' : ''}`;
    allOk &&= result.exitCode === 0;
    await writeRecord(record);
  }
  if (changedProduction && undo.length === 0 && !plan.previous) {
    rollback.detail = 'There is no previous release to go back to (first deploy): production runs the failed release. Fix forward or stop the service.';
  }
  if (environment.url && checks.length) {
    const verify = await runHealthChecks({ baseUrl: environment.url, checks, retryDelayMs: RETRY_DELAY_MS });
    rollback.verified = verify.ok;
    addProbeMeasurements(record, 'rollback-verify', verify.results, checks);
  }
  rollback.finishedAt = new Date().toISOString();
  if (!allOk) rollback.detail = `${rollback.detail ? `${rollback.detail} ` : ''}A rollback step failed: production may be in a mixed state; see the steps above.`;
  return undo.length > 0 && allOk;
}

function toRecordStep(step: PlanStep): RecordStep {
  return { id: step.id, kind: step.kind, description: step.description, ...(step.commands?.length ? { commands: step.commands } : {}), timeoutMs: step.timeoutMs, status: 'pending' };
}

/**
 * Production's error rate and p95 latency before anything changes (seed 003's baseline), when there is
 * a monitor step to compare against it. Never fails the deploy: an unreachable production gives a
 * baseline with error rate 1, which only makes the increase rules more lenient.
 */
async function productionBaseline(options: ApplyDeployOptions, checks: HealthCheck[]): Promise<Baseline | undefined> {
  const { environment, plan, record } = options;
  const url = environment.url;
  if (!url || checks.length === 0 || !plan.steps.some((step) => step.kind === 'monitor')) return undefined;
  const baseline = await measureBaseline({ baseUrl: url, checks, samples: BASELINE_SAMPLES, intervalMs: BASELINE_INTERVAL_MS, ...(options.signal ? { signal: options.signal } : {}) });
  if (baseline.samples === 0) return undefined;
  record.baseline = { ...baseline, url };
  const at = new Date().toISOString();
  record.measurements.push({ at, step: 'baseline', name: 'error rate', value: baseline.errorRate, ok: true });
  record.measurements.push({ at, step: 'baseline', name: 'p95 latency ms', value: baseline.p95LatencyMs, ok: true });
  await writeRecord(record);
  return baseline;
}

/** Rounds of probing for the baseline, and the pause between them (about one second in all). */
const BASELINE_SAMPLES = 5;
const BASELINE_INTERVAL_MS = 200;

function describeTick(tick: MonitorTick): string {
  const parts: string[] = [];
  if (tick.failures) parts.push(Object.entries(tick.failures).map(([name, why]) => `${name}: ${why}`).join(', '));
  else parts.push('healthy');
  for (const [name, value] of Object.entries(tick.prometheus ?? {})) parts.push(`${name}=${value ?? 'no data'}`);
  return parts.join('; ');
}

function addTickMeasurements(record: DeploymentRecord, step: string, tick: MonitorTick, environment: EnvironmentConfig): void {
  const monitor = environment.monitor;
  record.measurements.push({ at: tick.at, step, name: 'error rate', value: tick.errorRate, threshold: `<= ${monitor.maxErrorRate} (failure limit ${monitor.failureLimit} ticks in a row)`, ok: tick.healthy && tick.errorRate <= monitor.maxErrorRate });
  record.measurements.push({ at: tick.at, step, name: 'p95 latency ms', value: tick.p95LatencyMs, ok: true });
  for (const query of monitor.prometheus?.queries ?? []) {
    const value = tick.prometheus?.[query.name];
    const error = tick.prometheusErrors?.[query.name];
    const limits = [query.above !== undefined ? `<= ${query.above}` : '', query.below !== undefined ? `>= ${query.below}` : ''].filter(Boolean).join(', ');
    const within = value === null || value === undefined || ((query.above === undefined || value <= query.above) && (query.below === undefined || value >= query.below));
    record.measurements.push({ at: tick.at, step, name: `prometheus ${query.name}`, value: value ?? (error ?? 'no data'), ...(limits ? { threshold: limits } : {}), ok: within });
  }
}

function summarize(results: HealthCheckResult[], checks: HealthCheck[]): string {
  return results
    .map((r, index) => {
      const timeout = checks[index]?.timeout;
      const answer = r.status !== undefined ? `status ${r.status}` : r.error?.startsWith('timeout') && timeout !== undefined ? `no answer within ${timeout} ms` : 'no answer';
      return `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${answer}, ${r.latencyMs ?? 0} ms${r.error ? `: ${r.error}` : ''})`;
    })
    .join('; ');
}

function summarizeSmoke(results: SmokeTestResult[]): string {
  return results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${r.status !== undefined ? `status ${r.status}` : 'no answer'}, ${r.latencyMs} ms${r.error ? `: ${r.error}` : ''})`).join('; ');
}

function addSmokeMeasurements(record: DeploymentRecord, step: string, results: SmokeTestResult[]): void {
  for (const result of results) {
    record.measurements.push({ at: new Date().toISOString(), step, name: `${result.name} status`, value: result.status ?? (result.error ?? 'no answer'), threshold: `= ${result.expectedStatus}`, ok: result.ok });
    record.measurements.push({ at: new Date().toISOString(), step, name: `${result.name} latency ms`, value: result.latencyMs, ok: true });
  }
}

function addProbeMeasurements(record: DeploymentRecord, step: string, results: HealthCheckResult[], checks: HealthCheck[]): void {
  results.forEach((result, index) => {
    const check = checks[index];
    const latencyMs = result.latencyMs ?? 0;
    record.measurements.push({
      at: new Date().toISOString(),
      step,
      name: `${result.name} status`,
      value: result.status ?? (result.error ?? 'no answer'),
      threshold: `= ${check?.status ?? 200}${check?.bodyContains ? `, body contains ${JSON.stringify(check.bodyContains)}` : ''}`,
      ok: result.ok,
    });
    record.measurements.push({ at: new Date().toISOString(), step, name: `${result.name} latency ms`, value: latencyMs, ...(check?.maxLatency ? { threshold: `<= ${check.maxLatency}` } : {}), ok: check?.maxLatency ? latencyMs <= check.maxLatency : true });
  });
}
