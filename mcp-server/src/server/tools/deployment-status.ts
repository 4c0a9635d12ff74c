/** `deployment_status`: what each environment runs and the latest record's status (marks crashed runs aborted). */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema.optional().describe('Limit to one environment.'),
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
    const { loadConfig } = await import('../../config/load-config.js');
    const { markAbortedRecords, readRecords } = await import('../../records/deployment-record.js');
    const { readEnvironmentState } = await import('../../deploy/deploy-state.js');
    const { resolve } = await import('node:path');
    const loaded = await loadConfig(context.projectRoot);
    const dir = resolve(context.projectRoot, loaded.config.records.dir);
    await markAbortedRecords(dir, context.now());
    const records = await readRecords(dir);
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
