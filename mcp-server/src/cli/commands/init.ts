/**
 * `shipgate init [--dry-run] [--json]`: write a commented starter shipgate.config.yaml for this repository,
 * the .gitignore/.gitattributes lines saying what to commit and what never to (project/git-lines.ts),
 * and the project aliases in .claude/commands/ (see `shipgate aliases`) so `/deploy-production` works as typed.
 */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { applyInitConfig, planInitConfig } from '../../config/init-config.js';
import { applyGitLines, planGitLines } from '../../project/git-lines.js';
import { applyCommandAliases, planCommandAliases, type AliasPlanEntry } from '../../project/command-aliases.js';
import { findPluginRoot } from '../../learnings/plugin-root.js';
import { SHIPGATE_VERSION } from '../../version.js';

export const command: CliCommand = {
  name: 'init',
  summary: 'Write a commented starter shipgate.config.yaml (and the /deploy-production, /ship-prod ... aliases) for this repository.',
  usage: '  shipgate init [--dry-run] [--json]\n    --dry-run  print the configuration instead of writing it\n\n  Also writes the project aliases in .claude/commands/ (see `shipgate aliases --help`).',
  options: { 'dry-run': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const plan = await planInitConfig(projectRoot);
    const gitLines = await planGitLines(projectRoot);
    const pluginRoot = findPluginRoot(context.env);
    const aliasPlan = pluginRoot ? await planCommandAliases(projectRoot, pluginRoot, SHIPGATE_VERSION) : undefined;
    const dryRun = input.values['dry-run'] === true;
    const path = dryRun ? null : await applyInitConfig(plan);
    if (!dryRun) await applyGitLines(gitLines);
    const written: AliasPlanEntry[] = aliasPlan && !dryRun ? await applyCommandAliases(aliasPlan) : [];
    const aliases = (aliasPlan?.entries ?? []).map((e) => ({ name: e.name, path: e.path, state: e.state }));
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: true, written: path, dryRun, app: plan.app, remote: plan.remote ?? null, stateFiles: plan.stateFiles, config: plan.text, gitLines, aliases }, null, 2)}\n`);
    } else if (dryRun) {
      context.stdout.write(plan.text);
    } else {
      context.stdout.write(`Wrote ${path} (app ${plan.app}${plan.stateFiles.length ? `, ${plan.stateFiles.length} Spec-Flow state file(s)` : ''}).${gitLines.length ? ` Added what to commit and what never to ${gitLines.map((g) => g.file.split('/').pop()).join(' and ')}.` : ''} Review it, then run \`shipgate gate\`.\n`);
      const kept = aliases.filter((a) => a.state === 'kept').map((a) => `/${a.name}`);
      if (written.length > 0) context.stdout.write(`Wrote ${written.length} command alias(es) in .claude/commands/: ${written.map((e) => `/${e.name}`).join(', ')} (the same as /shipgate:<name>).\n`);
      if (kept.length > 0) context.stdout.write(`Kept the project's own ${kept.join(', ')}: use /shipgate:<name> for shipgate's.\n`);
      if (!aliasPlan) context.stdout.write('No command aliases written: the shipgate plugin folder was not found. Use /shipgate:deploy-production.\n');
    }
    return 0;
  },
};
