/** `runbook_generate`: seed 002's runbook (pre-checks, steps, verification, rollback) from the real configuration. */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import { STRATEGY_TYPES } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema.default('production').describe('Environment name from shipgate.config.yaml.'),
  strategy: z.enum(STRATEGY_TYPES).optional().describe('Override the configured deployment strategy.'),
};
const outputSchema = {
  environment: z.string(),
  strategy: z.string(),
  markdown: z.string(),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'runbook_generate',
  title: 'Generate a deployment runbook',
  description: 'Write a deployment runbook (pre-checks, every step with its command and timeout, verification, rollback) for a strategy from the real shipgate.config.yaml. Read-only: returns Markdown.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, context) {
    const { loadDeployContext } = await import('../../deploy/run-deploy.js');
    const { loadConfig } = await import('../../config/load-config.js');
    const { renderRunbook } = await import('../../deploy/runbook.js');
    const deployContext = await loadDeployContext(context.projectRoot, args.environment, args.strategy);
    const loaded = await loadConfig(context.projectRoot);
    const markdown = renderRunbook({ app: loaded.config.app, environmentName: args.environment, environment: deployContext.environment });
    return { structured: { environment: args.environment, strategy: deployContext.environment.strategy.type, markdown }, text: markdown };
  },
};
