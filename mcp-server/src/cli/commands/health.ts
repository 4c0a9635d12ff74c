/** `shipgate health [--env E]`: run the configured health checks and smoke tests against an environment. */
import { environmentOption } from '../environment-option.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { ConfigError } from '../../errors.js';

export const command: CliCommand = {
  name: 'health',
  summary: 'Run the configured health checks and smoke tests against an environment.',
  usage: '  shipgate health [--env production] [--json]',
  options: { env: { type: 'string', default: 'production' } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const { loadDeployContext } = await import('../../deploy/run-deploy.js');
    const { runHealthChecks } = await import('../../health/run-health-checks.js');
    const { loadSmokeTests, runSmokeTests } = await import('../../health/smoke-tests.js');
    const environmentName = environmentOption(input, 'production');
    const { environment, smokeTestsFile } = await loadDeployContext(projectRoot, environmentName);
    if (!environment.url) throw new ConfigError(`environments.${environmentName}.url is not set.`, { where: `environments.${environmentName}.url`, expected: 'the URL production answers on', hint: 'Add `url: https://...` to the environment.' });
    const smoke = smokeTestsFile ? await loadSmokeTests(smokeTestsFile) : [];
    const signal = context.signal ? { signal: context.signal } : {};
    // Version checks expect what shipgate last shipped here (left out when it never did).
    const { checksForVersion } = await import('../../health/version-checks.js');
    const { readEnvironmentState } = await import('../../state/deploy-state.js');
    const live = (await readEnvironmentState(projectRoot, environmentName).catch(() => undefined))?.live;
    const [health, smokeReport] = await Promise.all([
      runHealthChecks({ baseUrl: environment.url, checks: checksForVersion(environment.health.checks, live?.version), ...signal }),
      runSmokeTests({ baseUrl: environment.url, tests: smoke, ...signal }),
    ]);
    const result = {
      ok: health.ok && smokeReport.ok,
      results: [...health.results, ...smokeReport.results].map((r) => ({ name: r.name, ok: r.ok, url: r.url, ...(r.status !== undefined ? { status: r.status } : {}), latencyMs: r.latencyMs ?? 0, ...(r.error ? { error: r.error } : {}) })),
    };
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: result.ok, environment: environmentName, url: environment.url, results: result.results }, null, 2)}\n`);
    else {
      for (const r of result.results) context.stdout.write(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(16)} ${String(r.status ?? '---')} ${r.latencyMs} ms${r.error ? `  ${r.error}` : ''}\n`);
      context.stdout.write(result.ok ? 'healthy\n' : 'UNHEALTHY\n');
    }
    return result.ok ? 0 : 1;
  },
};
