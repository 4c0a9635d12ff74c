/**
 * `deploy`: deploy the release tagged on HEAD to an environment with its configured (or given) strategy;
 * requires the receipt of a passing gate_check for this exact commit: no argument can stand in for it.
 * Progress per step and per monitor tick; rolled back on its own when health, smoke tests or the monitor
 * fail (rolledBack true, isError so the model sees it).
 */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import { STRATEGY_TYPES } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema.default('production').describe('Environment name from shipgate.config.yaml.'),
  strategy: z.enum(STRATEGY_TYPES).optional().describe('Override the configured deployment strategy.'),
  dryRun: z.boolean().default(false).describe('Only print the deployment plan.'),
};
const outputSchema = {
  ok: z.boolean(),
  environment: z.string(),
  version: z.string().optional(),
  commit: z.string().optional(),
  strategy: z.string(),
  dryRun: z.boolean(),
  rolledBack: z.boolean(),
  recordPath: z.string().optional(),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'deploy',
  title: 'Deploy to an environment',
  description: 'Deploy the current commit to an environment with its configured strategy, watch health, and roll back automatically on failure. Refuses without a receipt from a passing gate_check for this exact commit.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const { runDeploy } = await import('../../deploy/run-deploy.js');
    const { formatPlan } = await import('../../deploy/plan-deploy.js');
    let ticks = 0;
    const result = await runDeploy({
      projectRoot: context.projectRoot,
      environment: args.environment,
      ...(args.strategy ? { strategy: args.strategy } : {}),
      dryRun: args.dryRun,
      signal: context.signal,
      now: context.now,
      env: context.env,
      onProgress: async (event) => {
        ticks += 1;
        await context.progress(ticks, undefined, `[${event.index + 1}/${event.total}] ${event.step}: ${event.message}`);
      },
    });
    if (result.dryRun) {
      return {
        structured: { ok: result.plan.receipt === 'valid', environment: args.environment, version: result.plan.next.version, commit: result.plan.next.sha, strategy: result.plan.strategy, dryRun: true, rolledBack: false },
        text: formatPlan(result.plan),
      };
    }
    const { outcome } = result;
    const record = outcome.record;
    const text =
      outcome.status === 'succeeded'
        ? `Deployed ${record.tag} to ${record.environment} (${result.plan.strategy}). Record: ${record.files.markdown}`
        : outcome.status === 'rolled_back'
          ? `Deployed ${record.tag}, then rolled back automatically to ${record.previous?.tag ?? 'the previous release'}. Trigger: ${outcome.trigger}. Verified: ${record.rollback?.verified ?? 'not checked'}. Record: ${record.files.markdown}`
          : `Deploy of ${record.tag} failed: ${outcome.trigger}. Record: ${record.files.markdown}`;
    return {
      structured: { ok: outcome.status === 'succeeded', environment: args.environment, version: record.version, commit: record.commit, strategy: result.plan.strategy, dryRun: false, rolledBack: outcome.status === 'rolled_back', recordPath: record.files.markdown },
      text,
      ...(outcome.status === 'succeeded' ? {} : { isError: true }),
    };
  },
};
