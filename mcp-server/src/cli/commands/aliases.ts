/**
 * `shipgate aliases [--dry-run] [--json]`: write the project aliases `.claude/commands/deploy-production.md`,
 * `ship-prod.md`, `deploy.md`, `rollback.md` and `retrospect.md`, so `/deploy-production` works as typed next
 * to the namespaced `/shipgate:deploy-production` (Claude Code always namespaces plugin commands).
 * For projects set up before `shipgate init` wrote them; re-run after updating shipgate.
 *
 * Good: `shipgate aliases` in a repository → five files, each handing $ARGUMENTS to the plugin command.
 * Bad:  overwriting the project's own `/deploy` (left alone and reported as kept).
 */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { NotAvailableError } from '../../errors.js';

export const command: CliCommand = {
  name: 'aliases',
  summary: 'Write project aliases in .claude/commands/ so /deploy-production and /ship-prod work as typed.',
  usage: [
    '  shipgate aliases [--dry-run] [--json]',
    '    --dry-run  show what would be written, write nothing',
    '',
    '  Writes .claude/commands/{deploy-production,ship-prod,deploy,rollback,retrospect}.md, each handing its',
    '  arguments to /shipgate:<name>. Files the project wrote itself are never overwritten (reported as kept).',
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const { planCommandAliases, applyCommandAliases } = await import('../../project/command-aliases.js');
    const { findPluginRoot } = await import('../../learnings/plugin-root.js');
    const { SHIPGATE_VERSION } = await import('../../version.js');
    const pluginRoot = findPluginRoot(context.env);
    if (!pluginRoot) throw new NotAvailableError('Finding the shipgate plugin folder (with commands/)');
    const plan = await planCommandAliases(await findProjectRoot(context.cwd), pluginRoot, SHIPGATE_VERSION);
    const dryRun = input.values['dry-run'] === true;
    if (!dryRun) await applyCommandAliases(plan);
    const rows = plan.entries.map((e) => ({ name: e.name, path: e.path, state: e.state }));
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, dryRun, aliases: rows }, null, 2)}\n`);
    else {
      const verb = { create: dryRun ? 'would write' : 'wrote', update: dryRun ? 'would update' : 'updated', unchanged: 'up to date', kept: 'kept (the project\'s own command; not an alias)' };
      for (const row of rows) context.stdout.write(`/${row.name.padEnd(18)} ${verb[row.state]}  ${row.path}\n`);
      context.stdout.write('Both spellings work now: /deploy-production and /shipgate:deploy-production.\n');
    }
    return 0;
  },
};
