/**
 * helm releases changed on production.
 * Blocked: `helm upgrade api ./chart -n production`, `helm rollback api 3 --kube-context prod`.
 * Allowed: `helm upgrade api ./chart -n staging`, `helm list -n production`, `helm template ./chart`.
 */
import { optionValues, PRODUCTION_WORD, type GuardRule } from './guard-rule.js';

const MUTATING = new Set(['upgrade', 'rollback', 'install', 'uninstall', 'delete', 'del']);

export const helmRule: GuardRule = {
  id: 'helm',
  check(command, policy) {
    if (command.program !== 'helm') return null;
    const verb = command.args.find((a) => !a.startsWith('-'));
    if (!verb || !MUTATING.has(verb)) return null;
    const configured = [...optionValues(command.args, ['--kube-context']).filter((c) => policy.kubeContexts.includes(c)), ...optionValues(command.args, ['-n', '--namespace']).filter((n) => policy.kubeNamespaces.includes(n))];
    const hit = configured[0] ?? command.args.find((a) => PRODUCTION_WORD.test(a));
    return hit ? `helm ${verb} on production (${hit})` : null;
  },
};
