/**
 * kubectl changes against the production context or namespace: given with flags anywhere (also
 * before the verb), through `--kubeconfig`/`KUBECONFIG`, chosen earlier by `kubectl config
 * use-context`, or read as the kubeconfig's current context when no `--context` is written.
 * Blocked: `kubectl --context prod-eu apply -f k8s/`, `kubectl -n production rollout restart deploy/api`,
 *          `kubectl apply -k overlays/production`, `kubectl apply -f k.yaml` with current-context `prod`.
 * Allowed: `kubectl get pods -n production`, `kubectl rollout status deploy/api -n production`,
 *          `kubectl apply -f k8s/ --context staging`, `kubectl scale deploy/x -n products --replicas 2`.
 * Unknown (computed at run time) contexts, namespaces, kubeconfigs, verbs and positional words count as production.
 */
import { optionValues, positionals, PRODUCTION_WORD, type GuardRule } from './guard-rule.js';
import { currentKubeTarget } from '../kubeconfig.js';
import { isUnknown } from '../expand-words.js';

const MUTATING = new Set(['apply', 'rollout', 'set', 'scale', 'delete', 'patch', 'replace', 'edit', 'create', 'autoscale', 'label', 'annotate', 'drain', 'cordon', 'uncordon', 'taint', 'expose', 'run']);
const READ_ONLY_ROLLOUT = new Set(['status', 'history']);
/** `kubectl argo rollouts promote|abort|undo|…` (the Argo Rollouts plugin) changes what production serves. */
const ARGO_MUTATING = new Set(['promote', 'abort', 'retry', 'undo', 'set', 'restart', 'pause', 'resume', 'create', 'delete', 'terminate']);
export const KUBECTL_VALUE_OPTIONS = ['--context', '-n', '--namespace', '--kubeconfig', '--cluster', '--user', '-s', '--server', '--token', '-f', '--filename', '-k', '--kustomize', '-l', '--selector', '-o', '--output', '-c', '--container', '--as', '--as-group', '--request-timeout', '-p', '--patch', '--type', '--field-manager', '--replicas', '--image', '--timeout', '--certificate-authority', '--client-certificate', '--client-key', '--tls-server-name', '--cache-dir', '-v', '--v'];

export const kubectlRule: GuardRule = {
  id: 'kubectl',
  check(command, context) {
    if (command.program !== 'kubectl' && command.program !== 'oc') return null;
    const words = positionals(command.args, KUBECTL_VALUE_OPTIONS);
    const [verb, sub, third] = words;
    // A verb computed at run time may be any verb; an unknown word where an option could stand (`kubectl apply $ARGS`) may be `-n production`.
    const argo = verb === 'argo' && sub === 'rollouts' && third !== undefined && ARGO_MUTATING.has(third);
    if (!verb || (!MUTATING.has(verb) && !isUnknown(verb) && !argo)) return null;
    if (verb === 'rollout' && sub && READ_ONLY_ROLLOUT.has(sub)) return null;
    const { policy } = context;
    const explicitContexts = optionValues(command.args, ['--context', '--cluster']);
    const kubeconfig = optionValues(command.args, ['--kubeconfig'])[0];
    const current = explicitContexts.length ? {} : command.shell.kubeContext ? { context: command.shell.kubeContext, namespace: command.shell.kubeNamespace } : currentKubeTarget(context.files, command.env, command.shell.cwd, kubeconfig);
    const contexts = [...explicitContexts, ...(current.context ? [current.context] : [])];
    const namespaces = optionValues(command.args, ['-n', '--namespace']);
    const currentNamespace = command.shell.kubeNamespace ?? current.namespace;
    if (!namespaces.length && currentNamespace) namespaces.push(currentNamespace);
    const paths = [...optionValues(command.args, ['-f', '--filename', '-k', '--kustomize', '-s', '--server']), ...(kubeconfig ? [kubeconfig] : []), ...(command.env.KUBECONFIG ? [command.env.KUBECONFIG] : [])];
    // `kustomize build overlays/production | kubectl apply -f -`: what feeds standard input names the target.
    if (paths.includes('-')) paths.push(...(command.stdinFrom ?? []));
    const target = (value: string) => PRODUCTION_WORD.test(value) || isUnknown(value);
    const hit =
      contexts.find((c) => target(c) || policy.kubeContexts.includes(c)) ??
      namespaces.find((n) => target(n) || policy.kubeNamespaces.includes(n)) ??
      paths.find((f) => PRODUCTION_WORD.test(f)) ??
      (kubeconfig !== undefined && isUnknown(kubeconfig) ? kubeconfig : undefined) ??
      words.find(isUnknown);
    return hit ? `kubectl ${argo ? `argo rollouts ${third}` : verb}${(verb === 'set' || verb === 'rollout') && sub ? ` ${sub}` : ''} against production (${isUnknown(hit) ? 'a target computed at run time' : hit})` : null;
  },
};
