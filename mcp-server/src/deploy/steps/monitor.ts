/**
 * Monitor and canary-analysis steps: runMonitor (health checks plus the environment's Prometheus
 * queries, against the baseline) for the step's own duration. The monitor's verdict is the step's
 * result; its trigger becomes the record's `rollback.monitorTrigger`. Canary analysis watches the canary
 * itself (its preview URL) when there is one: probes through the shared URL would mostly measure the
 * stable release.
 *
 * Good: a canary pause of 30 s → one tick per interval, each reported as "tick 2/4: healthy".
 * Bad:  watching the environment's whole 30-minute window during every canary pause.
 */
import { runMonitor } from '../../health/monitor.js';
import type { RecordMeasurement } from '../../records/deployment-record.js';
import { describeTick, tickMeasurements } from '../../records/measurements.js';
import { finished, skipped, urlFor, type StepRunner } from './step-runner.js';
import { checksVersion } from '../../health/version-checks.js';

export const runMonitorStep: StepRunner = async (step, context) => {
  const { environment } = context;
  // Judged through the shared URL, a canary answers for some requests and stable for the rest: a version
  // check there would flap, so only checks that do not name the version watch it.
  const sharedUrlForCandidate = step.target === 'candidate' && !environment.previewUrl;
  const checks = sharedUrlForCandidate ? context.checks.filter((check) => !checksVersion(check)) : context.checks;
  const target = urlFor(environment, step.target ?? 'production', context.candidateColor);
  const url = target ?? environment.url;
  const durationMs = step.durationMs ?? 0;
  const notRun = { plannedMs: durationMs, observedMs: 0, completed: true };
  const queries = environment.monitor.prometheus?.queries.length ?? 0;
  if (!url) return { ...skipped('no url to monitor'), monitor: notRun };
  if (checks.length === 0 && queries === 0 && !environment.monitor.logs) return { ...skipped('no health checks or Prometheus queries to monitor with'), monitor: notRun };

  // A canary analysis step watches for its own pause, not the environment's whole window.
  const monitor = { ...environment.monitor, duration: durationMs };
  const expectedTicks = Math.max(1, Math.ceil(durationMs / monitor.interval) + 1);
  const measurements: RecordMeasurement[] = [];
  let tickIndex = 0;
  const report = await runMonitor({
    baseUrl: url,
    checks,
    monitor,
    clock: context.clock,
    cwd: context.projectRoot,
    ...(context.commands ? { commands: context.commands } : {}),
    ...(context.monitorSignals?.length ? { signals: context.monitorSignals } : {}),
    ...(context.baseline ? { baseline: context.baseline } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
    onTick: (tick) => {
      tickIndex += 1;
      measurements.push(...tickMeasurements(step.id, tick, monitor));
      context.report(`tick ${tickIndex}/${expectedTicks}: ${describeTick(tick)}`);
    },
  });
  const detail =
    report.verdict === 'healthy'
      ? `${report.ticks.length} ticks, all within limits`
      : report.trigger
        ? `${report.trigger.kind}: ${report.trigger.message}`
        : 'interrupted during the monitor window';
  return finished(report.verdict === 'healthy', detail, {
    measurements,
    healthChecksRun: report.ticks.length * checks.length,
    monitor: { plannedMs: durationMs, observedMs: report.observedMs, completed: report.completed, ...(report.trigger ? { trigger: report.trigger } : {}) },
  });
};
