/** `health_check`: run the environment's configured health checks and smoke tests now. Read-only. */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';
import { ConfigError } from '../../errors.js';

const inputSchema = {
  environment: environmentNameSchema.default('production').describe('Environment name from shipgate.config.yaml.'),
};
const outputSchema = {
  ok: z.boolean(),
  environment: z.string(),
  probes: z.array(z.object({ name: z.string(), ok: z.boolean(), message: z.string() })),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'health_check',
  title: 'Check environment health',
  description: "Run the environment's configured HTTP health checks and smoke tests (expected status, body, latency, timeouts and retries) and report each probe.",
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler(args, context) {
    const { loadDeployContext } = await import('../../deploy/run-deploy.js');
    const { runHealthChecks } = await import('../../health/run-health-checks.js');
    const { loadSmokeTests, runSmokeTests } = await import('../../health/smoke-tests.js');
    const { environment, smokeTestsFile } = await loadDeployContext(context.projectRoot, args.environment);
    if (!environment.url) throw new ConfigError(`environments.${args.environment}.url is not set.`, { where: `environments.${args.environment}.url`, hint: 'Add the URL production answers on.' });
    const smoke = smokeTestsFile ? await loadSmokeTests(smokeTestsFile) : [];
    const signal = context.signal ? { signal: context.signal } : {};
    // Version checks expect what shipgate last shipped here (left out when it never did).
    const { checksForVersion } = await import('../../health/version-checks.js');
    const { readEnvironmentState } = await import('../../state/deploy-state.js');
    const live = (await readEnvironmentState(context.projectRoot, args.environment).catch(() => undefined))?.live;
    const [health, smokeReport] = await Promise.all([
      runHealthChecks({ baseUrl: environment.url, checks: checksForVersion(environment.health.checks, live?.version), ...signal }),
      runSmokeTests({ baseUrl: environment.url, tests: smoke, ...signal }),
    ]);
    const result = { ok: health.ok && smokeReport.ok, results: [...health.results, ...smokeReport.results] };
    const probes = result.results.map((r) => ({ name: r.name, ok: r.ok, message: `${r.status ?? 'no answer'} in ${r.latencyMs ?? 0} ms${r.error ? `: ${r.error}` : ''}` }));
    return { structured: { ok: result.ok, environment: args.environment, probes }, text: probes.map((p) => `${p.ok ? 'ok' : 'FAIL'} ${p.name}: ${p.message}`).join('\n') || 'no checks configured' };
  },
};
