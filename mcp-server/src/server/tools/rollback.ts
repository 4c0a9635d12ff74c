/**
 * `rollback`: put the previous (or a named) release back, verified by the health checks and recorded
 * with the reason. Same environment lock as deploys. The version is a semver string, never a command.
 */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import { freeTextSchema } from '../../config/free-text-schema.js';
import { REASON_TEXT } from '../../config/free-text.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema.default('production').describe('Environment name from shipgate.config.yaml.'),
  toVersion: z.string().max(64).regex(/^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/, 'a semantic version like 1.2.3').optional().describe('Version to roll back to; defaults to the previous successful deploy.'),
  reason: freeTextSchema(REASON_TEXT).describe('Why the rollback is needed, on one line (recorded).'),
};
const outputSchema = {
  ok: z.boolean(),
  environment: z.string(),
  fromVersion: z.string().optional(),
  toVersion: z.string().optional(),
  recordPath: z.string().optional(),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'rollback',
  title: 'Roll back an environment',
  description: 'Roll an environment back to the previous successful release (or a named version) through the provider, verify with the health checks, and write the record. A reason is required.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler(args, context) {
    const { runRollback } = await import('../../deploy/rollback.js');
    await context.progress(0, 2, 'rolling back');
    const result = await runRollback({ projectRoot: context.projectRoot, environment: args.environment, ...(args.toVersion ? { to: args.toVersion } : {}), reason: args.reason, now: context.now });
    if ('dryRun' in result) throw new Error('unreachable: no dry run requested');
    await context.progress(2, 2, 'done');
    const ok = result.status === 'succeeded';
    return {
      structured: { ok, environment: args.environment, ...(result.plan.from ? { fromVersion: result.plan.from.version } : {}), toVersion: result.plan.to.version, recordPath: result.record.files.markdown },
      text: `${ok ? 'Rolled back' : 'Rolled back, but the health checks still fail'}: ${args.environment} now runs ${result.plan.to.tag}. Record: ${result.record.files.markdown}${result.team && 'warning' in result.team ? `\nWARNING: ${result.team.warning}` : ''}`,
      ...(ok ? {} : { isError: true }),
    };
  },
};
