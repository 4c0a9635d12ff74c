/** `shipgate deploy [--env E] [--strategy S] [--dry-run]`: the gated deploy (exit 3 when rolled back). */
import { environmentOption } from '../environment-option.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';

export const command: CliCommand = {
  name: 'deploy',
  summary: 'Deploy the gated release with a strategy through a provider, watch health, roll back on failure.',
  usage: '  shipgate deploy [--env production] [--strategy rolling|recreate|blue-green|canary] [--dry-run] [--gate-record] [--json]\n    --gate-record  (CI) accept the signed gate record on team.remote instead of a local receipt\n  Exit: 0 deployed, 1 blocked or failed, 2 usage/config error, 3 deployed then rolled back.',
  options: { env: { type: 'string', default: 'production' }, strategy: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'gate-record': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const { runDeploy } = await import('../../deploy/run-deploy.js');
    const { formatPlan } = await import('../../deploy/plan-deploy.js');
    const { createProgressPrinter } = await import('../../deploy/progress-printer.js');
    const projectRoot = await findProjectRoot(context.cwd);
    const printer = createProgressPrinter(context.stderr, context.env);
    const result = await runDeploy({
      projectRoot,
      environment: environmentOption(input, 'production'),
      ...(typeof input.values.strategy === 'string' ? { strategy: input.values.strategy } : {}),
      dryRun: input.values['dry-run'] === true,
      gateRecord: input.values['gate-record'] === true,
      signal: context.signal,
      now: context.now,
      env: context.env,
      onProgress: input.json ? undefined : (event) => printer.update(event),
    });
    printer.done();
    if (result.dryRun) {
      if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, dryRun: true, plan: result.plan }, null, 2)}\n`);
      else context.stdout.write(formatPlan(result.plan));
      return 0;
    }
    const { outcome } = result;
    const record = outcome.record;
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: outcome.status === 'succeeded', status: outcome.status, exitCode: outcome.exitCode, environment: record.environment, version: record.version, tag: record.tag, commit: record.commit, previous: record.previous ?? null, trigger: outcome.trigger ?? null, rollback: record.rollback ?? null, record: record.files, ...(result.team ? { team: result.team } : {}) }, null, 2)}\n`);
    } else {
      const words = { succeeded: `Deployed ${record.tag} to ${record.environment}.`, rolled_back: `Deployed ${record.tag}, then ROLLED BACK to ${record.previous?.tag ?? 'the previous release'}: ${outcome.trigger}`, failed: `Deploy of ${record.tag} FAILED: ${record.reason ?? outcome.trigger}` } as const;
      context.stdout.write(`${words[outcome.status]}\nRecord: ${record.files.markdown}\n`);
      if (record.rollback?.verified === false) context.stdout.write('WARNING: health checks still fail after the rollback.\n');
      if (result.team && 'published' in result.team) context.stdout.write(`Team history: ${result.team.published}\n`);
    }
    if (result.team && 'warning' in result.team) context.stderr.write(`WARNING: ${result.team.warning}\n`);
    const { notifyWarnings } = await import('../../deploy/notify-stakeholders.js');
    for (const warning of notifyWarnings(record)) context.stderr.write(`WARNING: ${warning}\n`);
    return outcome.exitCode;
  },
};
