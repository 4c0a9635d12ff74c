/**
 * `deployment_status`: what each environment runs and the latest record's status (marks crashed runs
 * aborted). With `waitSeconds` it first waits (bounded, with progress) for a deploy that answered early
 * (`deploy` with `waitForMonitor: false`) and is still watching its monitor window in this server, so
 * the model follows a long monitor in calls that each stay below the client's tool-call time limit.
 */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema.optional().describe('Limit to one environment.'),
  waitSeconds: z.number().int().min(0).max(600).default(0).describe('Wait up to this long for a deploy still monitoring in this session to finish before answering.'),
};
const outputSchema = {
  environments: z.array(z.object({ environment: z.string(), version: z.string().optional(), status: z.string(), at: z.string().optional() })),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'deployment_status',
  title: 'Deployment status',
  description: 'Show, per environment, the release shipgate last left serving and the status of the latest deploy or rollback record (in_progress, succeeded, rolled_back, failed, aborted).',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, context) {
    const { getEnvironment, loadConfig } = await import('../../config/load-config.js');
    const { markAbortedRecords, readRecords } = await import('../../records/deployment-record.js');
    const { readEnvironmentState } = await import('../../state/deploy-state.js');
    const { resolveConfiguredPath } = await import('../../util/paths.js');
    const loaded = await loadConfig(context.projectRoot);
    if (args.waitSeconds > 0) {
      const { isDeployRunningHere, waitForDeploy } = await import('../../records/running-deploys.js');
      const watched = args.environment ? [args.environment] : Object.keys(loaded.config.environments);
      const deadline = Date.now() + args.waitSeconds * 1000;
      for (const name of watched.filter(isDeployRunningHere)) {
        let beat = 0;
        while (!(await waitForDeploy(name, Math.min(10_000, Math.max(0, deadline - Date.now())), context.signal)) && Date.now() < deadline && !context.signal.aborted) {
          await context.progress((beat += 1), undefined, `${name}: monitor still running`).catch(() => undefined);
        }
      }
    }
    const dir = await resolveConfiguredPath(context.projectRoot, loaded.config.records.dir, 'records.dir', loaded.path);
    await markAbortedRecords(dir, context.now());
    const records = await readRecords(dir);
    // A name with records is history even if it left the configuration; any other must exist (did you mean).
    if (args.environment && !records.some((r) => r.environment === args.environment)) getEnvironment(loaded, args.environment);
    const names = args.environment ? [args.environment] : Object.keys(loaded.config.environments);
    const environments = [];
    for (const name of names) {
      const state = await readEnvironmentState(context.projectRoot, name);
      const latest = records.filter((r) => r.environment === name).at(-1);
      environments.push({ environment: name, ...(state.live ? { version: state.live.version } : {}), status: latest ? `${latest.kind} ${latest.tag}: ${latest.status}` : 'never deployed by shipgate', ...(latest ? { at: latest.finishedAt ?? latest.startedAt } : {}) });
    }
    return { structured: { environments }, text: environments.map((e) => `${e.environment}: ${e.version ?? 'unknown version'} (${e.status})`).join('\n') || 'no environments configured' };
  },
};
