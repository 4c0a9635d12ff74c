/**
 * helm releases changed on production: global flags may come before the verb, and the kube context
 * falls back to the kubeconfig's current context like kubectl's.
 * Blocked: `helm upgrade api ./chart -n production`, `helm -n production upgrade api ./chart`,
 *          `helm --kube-context=live upgrade api ./chart`, `helm rollback api 3 --kube-context prod`.
 * Allowed: `helm upgrade api ./chart -n staging`, `helm upgrade product-catalog ./chart -n staging`,
 *          `helm list -n production`, `helm template ./chart`.
 */
import { optionValues, positionals, PRODUCTION_WORD, type GuardRule } from './guard-rule.js';
import { currentKubeTarget } from '../kubeconfig.js';
import { isUnknown } from '../expand-words.js';

const MUTATING = new Set(['upgrade', 'rollback', 'install', 'uninstall', 'delete', 'del', 'un', 'uninstal', 'i']);
const VALUE_OPTIONS = ['-n', '--namespace', '--kube-context', '--kubeconfig', '--kube-apiserver', '--kube-token', '--kube-as-user', '--kube-as-group', '--kube-ca-file', '--registry-config', '--repository-config', '--repository-cache', '--burst-limit', '--qps', '-f', '--values', '--set', '--set-string', '--set-file', '--version', '--timeout', '-o', '--output', '--description', '--post-renderer', '--repo'];

export const helmRule: GuardRule = {
  id: 'helm',
  check(command, context) {
    if (command.program !== 'helm') return null;
    const words = positionals(command.args, VALUE_OPTIONS);
    const [verb] = words;
    if (!verb || (!MUTATING.has(verb) && !isUnknown(verb))) return null;
    const { policy } = context;
    const explicit = optionValues(command.args, ['--kube-context']);
    const kubeconfig = optionValues(command.args, ['--kubeconfig'])[0];
    const current = explicit.length ? {} : command.shell.kubeContext ? { context: command.shell.kubeContext, namespace: command.shell.kubeNamespace } : currentKubeTarget(context.files, command.env, command.shell.cwd, kubeconfig);
    const contexts = [...explicit, ...(current.context ? [current.context] : [])];
    const namespaces = optionValues(command.args, ['-n', '--namespace']);
    const currentNamespace = command.shell.kubeNamespace ?? current.namespace;
    if (!namespaces.length && currentNamespace) namespaces.push(currentNamespace);
    // A context, namespace or kubeconfig computed at run time (`-n "$NS"`), or an unknown word where `-n production` could stand, may be production.
    const target = (value: string) => PRODUCTION_WORD.test(value) || isUnknown(value);
    const hit =
      contexts.find((c) => target(c) || policy.kubeContexts.includes(c)) ??
      namespaces.find((n) => target(n) || policy.kubeNamespaces.includes(n)) ??
      command.args.find((a) => PRODUCTION_WORD.test(a)) ??
      (kubeconfig !== undefined && isUnknown(kubeconfig) ? kubeconfig : undefined) ??
      words.find(isUnknown);
    return hit ? `helm ${isUnknown(verb) ? 'command' : verb} on production (${isUnknown(hit) ? 'a target computed at run time' : hit})` : null;
  },
};
