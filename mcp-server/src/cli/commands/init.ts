/**
 * `shipgate init [--dry-run] [--json]`: write a commented starter shipgate.config.yaml for this repository,
 * and the .gitignore/.gitattributes lines saying what to commit and what never to (project/git-lines.ts).
 */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { applyInitConfig, planInitConfig } from '../../config/init-config.js';
import { applyGitLines, planGitLines } from '../../project/git-lines.js';

export const command: CliCommand = {
  name: 'init',
  summary: 'Write a commented starter shipgate.config.yaml for this repository.',
  usage: '  shipgate init [--dry-run] [--json]\n    --dry-run  print the configuration instead of writing it',
  options: { 'dry-run': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const plan = await planInitConfig(projectRoot);
    const gitLines = await planGitLines(projectRoot);
    const dryRun = input.values['dry-run'] === true;
    const path = dryRun ? null : await applyInitConfig(plan);
    if (!dryRun) await applyGitLines(gitLines);
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: true, written: path, dryRun, app: plan.app, remote: plan.remote ?? null, stateFiles: plan.stateFiles, config: plan.text, gitLines }, null, 2)}\n`);
    } else {
      context.stdout.write(dryRun ? plan.text : `Wrote ${path} (app ${plan.app}${plan.stateFiles.length ? `, ${plan.stateFiles.length} Spec-Flow state file(s)` : ''}).${gitLines.length ? ` Added what to commit and what never to ${gitLines.map((g) => g.file.split('/').pop()).join(' and ')}.` : ''} Review it, then run \`shipgate gate\`.\n`);
    }
    return 0;
  },
};
