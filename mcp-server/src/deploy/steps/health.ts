/**
 * Health steps: the environment's health checks against production or the candidate's preview URL,
 * each retried as configured. Skipped (not failed) when there is no URL or no check to run.
 *
 * Good: candidate step after a blue-green deploy to green → probes `previewUrl` with `{color}` = green.
 * Bad:  probing production's URL for the candidate: it would judge the release still serving.
 */
import { runHealthChecks } from '../../health/run-health-checks.js';
import { probeMeasurements, summarizeProbes } from '../../records/measurements.js';
import { finished, RETRY_DELAY_MS, skipped, urlFor, type StepRunner } from './step-runner.js';

export const runHealthStep: StepRunner = async (step, context) => {
  const { environment, checks } = context;
  const url = urlFor(environment, step.target ?? 'production', context.candidateColor);
  if (!url) return skipped(`no ${step.target === 'candidate' ? 'previewUrl' : 'url'} configured for this environment`);
  if (checks.length === 0) return skipped('no health checks configured');
  const result = await runHealthChecks({ baseUrl: url, checks, retryDelayMs: RETRY_DELAY_MS, sleep: context.clock.sleep, ...(context.signal ? { signal: context.signal } : {}) });
  return finished(result.ok, summarizeProbes(result.results, checks), {
    healthChecksRun: result.results.length,
    measurements: probeMeasurements(step.id, result.results, checks, context.clock.now()),
  });
};
