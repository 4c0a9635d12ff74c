/**
 * kubernetes provider: kubectl, always with an explicit `--context` and `--namespace` so a deploy can
 * never land on whatever cluster the shell happens to point at. Rolling/recreate set the image (or apply
 * manifests) and wait with `rollout status --timeout`; canary runs a second Deployment `<name>-canary`
 * weighted by ingress-nginx's canary-weight annotation; blue-green switches the Service selector `color`.
 * Undo is `rollout undo` (or the selector/weight switched back).
 *
 * Good: `kubectl --context prod --namespace shop set image deployment/web web=registry/web:1.2.0`.
 * Bad:  `kubectl set image deployment/web ...` (uses the current context: maybe production, maybe not).
 */
import { runArgv } from '../../exec/run.js';
import type { Provider, ProviderAction, ProviderRunResult, ReleaseRef } from './provider.js';
import { providerRunOptions, runSequence, substitutePlaceholders } from './provider.js';

export interface KubernetesConfig {
  type: 'kubernetes';
  context: string;
  namespace: string;
  deployment: string;
  container?: string;
  image?: string;
  manifests?: string;
  service?: string;
  ingress?: string;
  rolloutTimeout: number;
  /** The kubectl binary (tests point this at a recording stand-in). */
  kubectl?: string;
}

export function createKubernetesProvider(config: KubernetesConfig): Provider {
  const kubectl = config.kubectl ?? 'kubectl';
  const base = [kubectl, '--context', config.context, '--namespace', config.namespace];
  const container = config.container ?? config.deployment;
  const timeout = `--timeout=${Math.max(1, Math.round(config.rolloutTimeout / 1000))}s`;
  const canaryName = `${config.deployment}-canary`;
  const ingress = config.ingress ?? config.deployment;
  const service = config.service ?? config.deployment;

  function image(release: ReleaseRef): string {
    return substitutePlaceholders([config.image ?? `${config.deployment}:{version}`], { version: release.version, tag: release.tag, sha: release.sha })[0]!;
  }
  function deploymentFor(color: string | undefined): string {
    if (color === 'canary') return canaryName;
    if (color === 'blue' || color === 'green') return `${config.deployment}-${color}`;
    return config.deployment;
  }
  function argvs(action: ProviderAction, release: ReleaseRef): string[][] {
    const name = deploymentFor(action.color);
    switch (action.action) {
      case 'deploy': {
        const out: string[][] = [];
        if (config.manifests) out.push([...base, 'apply', '-f', config.manifests]);
        if (action.color === 'canary' || action.color === 'blue' || action.color === 'green') out.push([...base, 'scale', `deployment/${name}`, '--replicas=1']);
        out.push([...base, 'set', 'image', `deployment/${name}`, `${container}=${image(release)}`]);
        if (action.strategy === 'recreate') out.push([...base, 'rollout', 'restart', `deployment/${name}`]);
        out.push([...base, 'rollout', 'status', `deployment/${name}`, timeout]);
        return out;
      }
      case 'traffic':
        if (action.color === 'canary') {
          return [[...base, 'annotate', '--overwrite', `ingress/${ingress}-canary`, `nginx.ingress.kubernetes.io/canary-weight=${action.weight ?? 0}`]];
        }
        // blue-green: the Service selects the color that takes traffic.
        return [[...base, 'patch', `service/${service}`, '--type=merge', '-p', JSON.stringify({ spec: { selector: { app: config.deployment, color: (action.weight ?? 0) > 0 ? action.color : otherColor(action.color) } } })]];
      case 'promote':
        if (action.color === 'canary') {
          return [
            [...base, 'set', 'image', `deployment/${config.deployment}`, `${container}=${image(release)}`],
            [...base, 'rollout', 'status', `deployment/${config.deployment}`, timeout],
            [...base, 'annotate', '--overwrite', `ingress/${ingress}-canary`, 'nginx.ingress.kubernetes.io/canary-weight=0'],
            [...base, 'scale', `deployment/${canaryName}`, '--replicas=0'],
          ];
        }
        if (action.color === 'blue' || action.color === 'green') return [[...base, 'scale', `deployment/${config.deployment}-${otherColor(action.color)}`, '--replicas=0']];
        return [];
      case 'undo':
        if (action.color === 'canary') {
          return [
            [...base, 'annotate', '--overwrite', `ingress/${ingress}-canary`, 'nginx.ingress.kubernetes.io/canary-weight=0'],
            [...base, 'scale', `deployment/${canaryName}`, '--replicas=0'],
          ];
        }
        return [
          [...base, 'rollout', 'undo', `deployment/${name}`],
          [...base, 'rollout', 'status', `deployment/${name}`, timeout],
        ];
    }
  }
  return {
    type: 'kubernetes',
    supports: () => true,
    commands: argvs,
    async run(action, release, context): Promise<ProviderRunResult> {
      return runSequence(argvs(action, release), context, runArgv);
    },
    async status(context) {
      const result = await runArgv(kubectl, [...base.slice(1), 'rollout', 'history', `deployment/${config.deployment}`], providerRunOptions(context));
      return { detail: result.exitCode === 0 ? result.stdout.slice(0, 2000) : `kubectl rollout history failed (exit ${result.exitCode})` };
    },
  };
}

function otherColor(color: string | undefined): string {
  return color === 'green' ? 'blue' : 'green';
}
