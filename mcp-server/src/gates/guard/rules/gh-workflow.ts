/**
 * Starting the deploy workflow by hand through the GitHub CLI.
 * Blocked: `gh workflow run deploy.yml -f env=production`, `gh workflow run "Deploy production"`.
 * Allowed: `gh workflow run ci.yml`, `gh workflow list`, `gh run list`.
 */
import { positionals, type GuardRule } from './guard-rule.js';

export const ghWorkflowRule: GuardRule = {
  id: 'gh-workflow',
  check(command) {
    if (command.program !== 'gh') return null;
    const [group, verb, name] = positionals(command.args, ['-R', '--repo', '-f', '--field', '-F', '--raw-field', '--ref']);
    if (group !== 'workflow' || verb !== 'run' || !name) return null;
    return /deploy|prod|release/i.test(name) ? `gh workflow run of the deploy workflow "${name}"` : null;
  },
};
