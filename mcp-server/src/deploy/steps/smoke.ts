/**
 * Smoke steps (seed 002): the environment's smoke-test file run against the candidate's preview URL
 * before it takes traffic (pre-deployment), and against production after the switch. Skipped when
 * there is no URL for the target or no smoke-test file configured.
 *
 * Good: `health.smokeTests: smoke-tests.yaml` with `GET /checkout → 200` → one status and one latency row.
 * Bad:  treating a missing smoke-test file as "passed": it is skipped, and the record says so.
 */
import { resolveConfiguredPath } from '../../util/paths.js';
import { loadSmokeTests, runSmokeTests } from '../../health/smoke-tests.js';
import { smokeMeasurements, summarizeSmoke } from '../../records/measurements.js';
import { finished, skipped, urlFor, type StepRunner } from './step-runner.js';

export const runSmokeStep: StepRunner = async (step, context) => {
  const { environment } = context;
  const target = step.target ?? 'production';
  const url = urlFor(environment, target, context.candidateColor);
  if (!environment.health.smokeTests) return skipped('no smoke tests configured');
  if (!url) return skipped(`no ${target === 'candidate' ? 'previewUrl' : 'url'} configured for this environment`);
  // Read from the release's checkout: a committed symbolic link out of it is refused like one in the project.
  const file = await resolveConfiguredPath(context.projectRoot, environment.health.smokeTests, `environments.${context.plan.environment}.health.smokeTests`, null);
  const tests = await loadSmokeTests(file);
  const result = await runSmokeTests({ baseUrl: url, tests, ...(context.signal ? { signal: context.signal } : {}) });
  return finished(result.ok, summarizeSmoke(result.results), { measurements: smokeMeasurements(step.id, result.results, context.clock.now()) });
};
