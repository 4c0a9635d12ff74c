/** `shipgate rollback [--env E] [--to VERSION] --reason TEXT [--dry-run]`: back to the previous release, verified, recorded. */
import { environmentOption } from '../environment-option.js';
import { checkFreeText, REASON_TEXT } from '../../config/free-text.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';

export const command: CliCommand = {
  name: 'rollback',
  summary: 'Roll an environment back to the previous (or a named) version.',
  usage: '  shipgate rollback [--env production] [--to VERSION] --reason TEXT [--dry-run] [--json]',
  options: { env: { type: 'string', default: 'production' }, to: { type: 'string' }, reason: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const environment = environmentOption(input, 'production');
    const reason = typeof input.values.reason === 'string' ? input.values.reason : '';
    if (reason) checkFreeText(reason, '--reason', REASON_TEXT);
    const { runRollback } = await import('../../deploy/rollback.js');
    const projectRoot = await findProjectRoot(context.cwd);
    const result = await runRollback({
      projectRoot,
      environment,
      ...(typeof input.values.to === 'string' ? { to: input.values.to } : {}),
      reason,
      dryRun: input.values['dry-run'] === true,
      now: context.now,
    });
    if ('dryRun' in result) {
      if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, dryRun: true, plan: result.plan }, null, 2)}\n`);
      else context.stdout.write(`Rollback plan for ${result.plan.environment}: ${result.plan.from?.tag ?? 'unknown'} → ${result.plan.to.tag}\n${result.plan.commands.map((c) => `  $ ${c.join(' ')}`).join('\n')}\n`);
      return 0;
    }
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: result.status === 'succeeded', status: result.status, from: result.plan.from ?? null, to: result.plan.to, verified: result.verified ?? null, record: result.record.files, ...(result.team ? { team: result.team } : {}) }, null, 2)}\n`);
    } else {
      context.stdout.write(`${result.status === 'succeeded' ? 'Rolled back' : 'Rollback FAILED verification'}: ${result.plan.environment} now on ${result.plan.to.tag}.\nRecord: ${result.record.files.markdown}\n`);
      if (result.team && 'published' in result.team) context.stdout.write(`Team history: ${result.team.published}\n`);
    }
    if (result.team && 'warning' in result.team) context.stderr.write(`WARNING: ${result.team.warning}\n`);
    const { notifyWarnings } = await import('../../deploy/notify-stakeholders.js');
    for (const warning of notifyWarnings(result.record)) context.stderr.write(`WARNING: ${warning}\n`);
    return result.exitCode;
  },
};
