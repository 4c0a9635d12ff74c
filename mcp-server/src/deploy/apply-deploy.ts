/**
 * Executes a DeployPlan: each step in order, the record rewritten after each one, progress reported.
 * When a provider, health, smoke or monitor step fails (or the run is interrupted) and automatic
 * rollback is on, the `undo` of every step that started runs in reverse order, production is verified
 * with the health checks, and the record gets an incident report. Outcome: succeeded (exit 0),
 * rolled_back (exit 3: deployed, then rolled back), failed (exit 1).
 */
import { resolve } from 'node:path';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Provider, ReleaseRef } from './providers/provider.js';
import type { DeployPlan } from './plan-deploy.js';
import type { PlanStep } from './plan-step.js';
import type { DeploymentRecord, RecordStep } from '../records/deployment-record.js';
import { writeRecord } from '../records/deployment-record.js';
import { loadSmokeTestFile, runHttpChecks, type HttpCheck, type ProbeResult } from './health-probe.js';
import { watchWindow, sleepUnlessAborted } from './monitor-window.js';
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
  monitorPlannedMs: number;
  monitorObservedMs: number;
  monitorCompleted: boolean;
  healthChecksRun: number;
}

export function healthChecksOf(environment: EnvironmentConfig): HttpCheck[] {
  return environment.health.checks.map((check) => ({ ...check }));
}

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
  let monitorPlannedMs = 0;
  let monitorObservedMs = 0;
  let monitorCompleted = true;
  let healthChecksRun = 0;
  record.steps = plan.steps.map((step) => toRecordStep(step));
  await writeRecord(record);

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
        const result = await runHttpChecks(url, checks, options.signal);
        healthChecksRun += result.results.length;
        addProbeMeasurements(record, step.id, result.results, checks);
        ok = result.ok;
        detail = summarize(result.results);
      }
    } else if (step.kind === 'smoke') {
      const url = urlFor(environment, 'production', undefined);
      if (!url || !environment.health.smokeTests) {
        recordStep.status = 'skipped';
        detail = 'no url or smoke tests configured';
      } else {
        const tests = await loadSmokeTestFile(resolve(options.projectRoot, environment.health.smokeTests));
        const result = await runHttpChecks(url, tests, options.signal);
        addProbeMeasurements(record, step.id, result.results, tests);
        ok = result.ok;
        detail = summarize(result.results);
      }
    } else if (step.kind === 'monitor') {
      // Canary analysis watches the canary itself (its preview URL) when there is one: probes through the
      // shared URL would mostly measure the stable release.
      const url = urlFor(environment, step.target ?? 'production', candidateColor) ?? environment.url;
      monitorPlannedMs += step.durationMs ?? 0;
      if (!url || checks.length === 0) {
        recordStep.status = 'skipped';
        detail = 'no url or health checks to monitor with';
      } else {
        const outcome = await watchWindow({
          baseUrl: url,
          checks,
          monitor: environment.monitor,
          durationMs: step.durationMs ?? 0,
          signal: options.signal,
          onTick: async (tick, tickIndex, tickTotal) => {
            record.measurements.push({ at: tick.at, step: step.id, name: 'failed checks', value: `${tick.failed}/${tick.total}`, threshold: `failure limit ${environment.monitor.failureLimit} in a row`, ok: tick.ok });
            record.measurements.push({ at: tick.at, step: step.id, name: 'max latency ms', value: tick.maxLatencyMs, ok: true });
            await options.onProgress?.({ index, total, step: step.id, message: `tick ${tickIndex + 1}/${tickTotal}: ${tick.ok ? 'healthy' : tick.errors.join(', ')}` });
          },
        });
        monitorObservedMs += outcome.observedMs;
        healthChecksRun += outcome.ticks.reduce((sum, tick) => sum + tick.total, 0);
        if (!outcome.completed) monitorCompleted = false;
        ok = outcome.verdict === 'healthy';
        detail = outcome.verdict === 'healthy' ? `${outcome.ticks.length} ticks, all within limits` : outcome.trigger ?? 'interrupted during the monitor window';
      }
    } else if (step.kind === 'pause') {
      const aborted = await sleepUnlessAborted(step.durationMs ?? 0, options.signal);
      ok = !aborted;
      detail = aborted ? 'interrupted' : `waited ${step.durationMs ?? 0} ms`;
    }
    recordStep.finishedAt = new Date().toISOString();
    recordStep.detail = detail;
    if (recordStep.status !== 'skipped') recordStep.status = ok ? 'passed' : 'failed';
    await writeRecord(record);
    if (!ok) {
      failure = `${step.id}: ${detail}`;
      break;
    }
  }

  const base = { monitorPlannedMs, monitorObservedMs, monitorCompleted: monitorCompleted && !failure, healthChecksRun };
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
  const rolledBack = await rollBackStarted(options, started, failure, checks);
  record.status = rolledBack ? 'rolled_back' : 'failed';
  record.finishedAt = new Date().toISOString();
  await writeRecord(record);
  return { status: record.status === 'rolled_back' ? 'rolled_back' : 'failed', exitCode: rolledBack ? 3 : 1, trigger: failure, record, ...base };
}

/** Undo every started step (reverse order, each undo once), run the skill's procedure, verify. */
async function rollBackStarted(options: ApplyDeployOptions, started: PlanStep[], trigger: string, checks: HttpCheck[]): Promise<boolean> {
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
    const verify = await runHttpChecks(environment.url, checks);
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

function summarize(results: ProbeResult[]): string {
  return results.map((r) => `${r.name} ${r.ok ? 'ok' : 'FAILED'} (${r.status ?? 'no answer'}, ${r.latencyMs} ms${r.error ? `: ${r.error}` : ''})`).join('; ');
}

function addProbeMeasurements(record: DeploymentRecord, step: string, results: ProbeResult[], checks: HttpCheck[]): void {
  results.forEach((result, index) => {
    const check = checks[index];
    record.measurements.push({
      at: new Date().toISOString(),
      step,
      name: `${result.name} status`,
      value: result.status ?? (result.error ?? 'no answer'),
      threshold: `= ${check?.status ?? 200}${check?.bodyContains ? `, body contains ${JSON.stringify(check.bodyContains)}` : ''}`,
      ok: result.ok,
    });
    record.measurements.push({ at: new Date().toISOString(), step, name: `${result.name} latency ms`, value: result.latencyMs, ...(check?.maxLatency ? { threshold: `<= ${check.maxLatency}` } : {}), ok: check?.maxLatency ? result.latencyMs <= check.maxLatency : true });
  });
}
