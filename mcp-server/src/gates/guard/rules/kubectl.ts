/**
 * kubectl changes against the production context or namespace.
 * Blocked: `kubectl --context prod-eu apply -f k8s/`, `kubectl -n production rollout restart deploy/api`,
 *          `kubectl set image deploy/api api=img:2 --namespace=production`.
 * Allowed: `kubectl get pods -n production`, `kubectl rollout status deploy/api -n production`,
 *          `kubectl apply -f k8s/ --context staging`.
 */
import { optionValues, positionals, PRODUCTION_WORD, type GuardRule } from './guard-rule.js';

const MUTATING = new Set(['apply', 'rollout', 'set', 'scale', 'delete', 'patch', 'replace', 'edit', 'create', 'autoscale', 'label', 'annotate', 'drain', 'cordon']);
const READ_ONLY_ROLLOUT = new Set(['status', 'history']);
const VALUE_OPTIONS = ['--context', '-n', '--namespace', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '-f', '--filename', '-l', '--selector', '-o', '--output', '-c', '--container'];

export const kubectlRule: GuardRule = {
  id: 'kubectl',
  check(command, policy) {
    if (command.program !== 'kubectl' && command.program !== 'oc') return null;
    const [verb, sub] = positionals(command.args, VALUE_OPTIONS);
    if (!verb || !MUTATING.has(verb)) return null;
    if (verb === 'rollout' && sub && READ_ONLY_ROLLOUT.has(sub)) return null;
    const contexts = optionValues(command.args, ['--context', '--cluster']);
    const namespaces = optionValues(command.args, ['-n', '--namespace']);
    const files = optionValues(command.args, ['-f', '--filename']);
    const hit =
      contexts.find((c) => PRODUCTION_WORD.test(c) || policy.kubeContexts.includes(c)) ??
      namespaces.find((n) => PRODUCTION_WORD.test(n) || policy.kubeNamespaces.includes(n)) ??
      files.find((f) => /(^|[/_.-])prod(uction)?([/_.-]|$)/i.test(f));
    return hit ? `kubectl ${verb}${verb === 'set' && sub ? ` ${sub}` : ''} against production (${hit})` : null;
  },
};
