/** `shipgate init [--dry-run] [--json]`: write a commented starter shipgate.config.yaml for this repository. */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { applyInitConfig, planInitConfig } from '../../config/init-config.js';

export const command: CliCommand = {
  name: 'init',
  summary: 'Write a commented starter shipgate.config.yaml for this repository.',
  usage: '  shipgate init [--dry-run] [--json]\n    --dry-run  print the configuration instead of writing it',
  options: { 'dry-run': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const plan = await planInitConfig(await findProjectRoot(context.cwd));
    const dryRun = input.values['dry-run'] === true;
    const path = dryRun ? null : await applyInitConfig(plan);
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: true, written: path, dryRun, app: plan.app, remote: plan.remote ?? null, stateFiles: plan.stateFiles, config: plan.text }, null, 2)}\n`);
    } else {
      context.stdout.write(dryRun ? plan.text : `Wrote ${path} (app ${plan.app}${plan.stateFiles.length ? `, ${plan.stateFiles.length} Spec-Flow state file(s)` : ''}). Review it, then run \`shipgate gate\`.\n`);
    }
    return 0;
  },
};
