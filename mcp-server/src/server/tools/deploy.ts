/**
 * `deploy`: deploy the release tagged on HEAD to an environment with its configured (or given) strategy;
 * requires the receipt of a passing gate_check for this exact commit: no argument can stand in for it.
 * Progress per step and per monitor tick; rolled back on its own when health, smoke tests or the monitor
 * fail (rolledBack true, isError so the model sees it).
 *
 * `waitForMonitor: false` answers as soon as traffic is on the new release and the monitor window has
 * started (`monitoring: true`, with the record), and the deploy keeps watching inside the server;
 * `deployment_status` with `waitSeconds` follows it. For monitor windows longer than the client's
 * tool-call time limit: at that limit the client cancels the call, which aborts and rolls back the deploy.
 */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import { STRATEGY_TYPES } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema.default('production').describe('Environment name from shipgate.config.yaml.'),
  strategy: z.enum(STRATEGY_TYPES).optional().describe('Override the configured deployment strategy.'),
  dryRun: z.boolean().default(false).describe('Only print the deployment plan.'),
  waitForMonitor: z
    .boolean()
    .default(true)
    .describe('true (default): answer when the monitor window has ended. false: answer once traffic is shifted and the monitor has started; follow it with deployment_status (waitSeconds).'),
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
  /** true: the deploy answered early (waitForMonitor: false) and is still watching its monitor window. */
  monitoring: z.boolean().optional(),
  /** What to call next: while `monitoring`, or what a dry run found blocking (clients may show the model only the structured result). */
  next: z.string().optional(),
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
    let answered = false;
    let monitorStarted: () => void = () => undefined;
    const monitoring = new Promise<void>((resolve) => (monitorStarted = resolve));
    const early = !args.waitForMonitor && !args.dryRun;
    const running = runDeploy({
      projectRoot: context.projectRoot,
      environment: args.environment,
      ...(args.strategy ? { strategy: args.strategy } : {}),
      dryRun: args.dryRun,
      // Answered early, the deploy outlives this call: the call's cancellation must not abort it.
      ...(early ? {} : { signal: context.signal }),
      now: context.now,
      env: context.env,
      onProgress: async (event) => {
        if (event.step === 'monitor') monitorStarted();
        if (answered) return;
        ticks += 1;
        await context.progress(ticks, undefined, `[${event.index + 1}/${event.total}] ${event.step}: ${event.message}`).catch(() => undefined);
      },
    });
    // Observed below (awaited or tracked); this keeps an early failure from counting as unhandled meanwhile.
    running.catch(() => undefined);
    if (!args.dryRun) {
      // Known to this process while it runs, so a concurrent deployment_status never marks it aborted.
      const { trackDeploy } = await import('../../records/running-deploys.js');
      trackDeploy(args.environment, running);
    }
    if (early) {
      const first = await Promise.race([running.then((done) => ({ done })), monitoring.then(() => undefined)]);
      if (!first) {
        answered = true;
        const { readRecords } = await import('../../records/deployment-record.js');
        const { loadConfig } = await import('../../config/load-config.js');
        const { resolveConfiguredPath } = await import('../../util/paths.js');
        const loaded = await loadConfig(context.projectRoot);
        const record = (await readRecords(await resolveConfiguredPath(context.projectRoot, loaded.config.records.dir, 'records.dir', loaded.path))).filter((r) => r.environment === args.environment && r.status === 'in_progress').at(-1);
        return {
          structured: { ok: true, environment: args.environment, version: record?.version, commit: record?.commit, strategy: record?.strategy ?? args.strategy ?? 'configured', dryRun: false, rolledBack: false, monitoring: true, next: `deployment_status with environment ${args.environment} and waitSeconds (up to 600), until the record is no longer in_progress`, ...(record ? { recordPath: record.files.markdown } : {}) },
          text: `Traffic is on ${record?.tag ?? 'the new release'} in ${args.environment}; the monitor window is running and rolls back on its own if a trigger fires. Follow it with deployment_status (environment ${args.environment}, waitSeconds up to 600) until the record is no longer in_progress.${record ? ` Record: ${record.files.markdown}` : ''}`,
        };
      }
    }
    const result = await running;
    if (result.dryRun) {
      return {
        structured: {
          ok: result.plan.receipt === 'valid' && !result.plan.releaseNeeded,
          environment: args.environment,
          version: result.plan.next.version,
          commit: result.plan.next.sha,
          strategy: result.plan.strategy,
          dryRun: true,
          rolledBack: false,
          // What blocks a real deploy and what to call about it, where the model sees only this object.
          ...(result.plan.releaseNeeded
            ? { next: `${result.plan.releaseNeeded.message} ${result.plan.releaseNeeded.hint}` }
            : result.plan.receipt !== 'valid'
              ? { next: `No valid gate receipt${result.plan.receiptProblem ? ` (${result.plan.receiptProblem})` : ''}: call gate_check for ${args.environment} first.` }
              : {}),
        },
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
          : `Deploy of ${record.tag} failed: ${record.reason ?? outcome.trigger}. Record: ${record.files.markdown}`;
    const warning = result.team && 'warning' in result.team ? `\nWARNING: ${result.team.warning}` : '';
    return {
      structured: { ok: outcome.status === 'succeeded', environment: args.environment, version: record.version, commit: record.commit, strategy: result.plan.strategy, dryRun: false, rolledBack: outcome.status === 'rolled_back', recordPath: record.files.markdown },
      text: `${text}${warning}`,
      ...(outcome.status === 'succeeded' ? {} : { isError: true }),
    };
  },
};
