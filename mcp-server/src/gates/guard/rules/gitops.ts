/**
 * Kubernetes deploys through release tools that sit on top of kubectl: helmfile, skaffold and Argo
 * CD. Production is named by the environment/profile/context/namespace/application (a whole word,
 * or a configured context/namespace), or, for helmfile and skaffold, by the kubeconfig's current
 * context when none is written.
 * Blocked: `helmfile -e production apply`, `skaffold run -p production`, `argocd app sync shop-production`.
 * Allowed: `helmfile -e staging apply`, `skaffold dev`, `argocd app get shop-production`.
 */
import { optionValues, positionals, PRODUCTION_WORD, type GuardRule } from './guard-rule.js';
import { currentKubeTarget } from '../kubeconfig.js';

const HELMFILE_VALUE_OPTIONS = ['-e', '--environment', '-f', '--file', '--kube-context', '-n', '--namespace', '-l', '--selector', '--state-values-set', '--state-values-file', '--kubeconfig'];
const SKAFFOLD_VALUE_OPTIONS = ['-p', '--profile', '--kube-context', '-n', '--namespace', '-f', '--filename', '--kubeconfig', '-t', '--tag', '-d', '--default-repo', '-m', '--module'];

export const gitopsRule: GuardRule = {
  id: 'gitops',
  check(command, context) {
    const { program, args } = command;
    const { policy } = context;
    const production = (value: string) => PRODUCTION_WORD.test(value) || policy.kubeContexts.includes(value) || policy.kubeNamespaces.includes(value);
    const current = () => {
      const kubeconfig = optionValues(args, ['--kubeconfig'])[0];
      const target = command.shell.kubeContext ? { context: command.shell.kubeContext } : currentKubeTarget(context.files, command.env, command.shell.cwd, kubeconfig);
      return [target.context, command.shell.kubeNamespace].filter((v): v is string => v !== undefined);
    };
    if (program === 'helmfile' || program === 'skaffold') {
      const verbs = program === 'helmfile' ? /^(apply|sync|destroy|deploy|delete|charts)$/ : /^(run|deploy|apply|delete)$/;
      const [verb] = positionals(args, program === 'helmfile' ? HELMFILE_VALUE_OPTIONS : SKAFFOLD_VALUE_OPTIONS);
      if (!verb || !verbs.test(verb)) return null;
      const named = optionValues(args, program === 'helmfile' ? ['-e', '--environment', '--kube-context', '-n', '--namespace'] : ['-p', '--profile', '--kube-context', '-n', '--namespace']);
      const hit = named.find(production) ?? (named.length ? undefined : current().find(production));
      return hit ? `${program} ${verb} on production (${hit})` : null;
    }
    if (program === 'argocd') {
      const [group, verb, app] = positionals(args, ['--server', '--auth-token', '--grpc-web-root-path', '--revision', '--prune', '--resource', '--label', '-l', '--timeout', '--config']);
      if (group !== 'app' || !verb || !/^(sync|rollback|set|delete|patch|terminate-op|actions|unset|edit)$/.test(verb)) return null;
      const hit = [app ?? '', ...optionValues(args, ['--dest-namespace', '--dest-server'])].find((v) => PRODUCTION_WORD.test(v));
      return hit ? `argocd app ${verb} of a production application (${hit})` : null;
    }
    return null;
  },
};
