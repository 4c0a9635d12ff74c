/**
 * What the Bash guard treats as production, beyond the built-in names (`production`, `prod`): taken
 * from the environments whose name starts with `prod` in shipgate.config.yaml. Plain data, so the
 * classifier stays pure and the hook can build it without zod.
 */
export interface GuardPolicy {
  /** Branch names that are production for any remote. */
  productionBranches: string[];
  /** Configured git-push provider targets (remote + branch). */
  gitPushTargets: { remote: string; branch: string }[];
  kubeContexts: string[];
  kubeNamespaces: string[];
  /** Configured command-provider argv lists (deploy, promote, traffic, undo). */
  commandArgv: string[][];
}

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  productionBranches: ['production', 'prod'],
  gitPushTargets: [],
  kubeContexts: [],
  kubeNamespaces: [],
  commandArgv: [],
};

/** Build the policy from a parsed (not zod-validated) config object; unknown shapes are ignored. */
export function policyFromConfig(data: unknown): GuardPolicy {
  const policy: GuardPolicy = { ...DEFAULT_GUARD_POLICY, productionBranches: [...DEFAULT_GUARD_POLICY.productionBranches], gitPushTargets: [], kubeContexts: [], kubeNamespaces: [], commandArgv: [] };
  const environments = isObject(data) && isObject(data.environments) ? data.environments : {};
  for (const [name, env] of Object.entries(environments)) {
    if (!/^prod/i.test(name) || !isObject(env) || !isObject(env.provider)) continue;
    const p = env.provider;
    if (p.type === 'git-push') {
      policy.gitPushTargets.push({ remote: typeof p.remote === 'string' ? p.remote : 'origin', branch: typeof p.branch === 'string' ? p.branch : 'production' });
    } else if (p.type === 'kubernetes') {
      if (typeof p.context === 'string') policy.kubeContexts.push(p.context);
      if (typeof p.namespace === 'string') policy.kubeNamespaces.push(p.namespace);
    } else if (p.type === 'command') {
      for (const key of ['deploy', 'promote', 'traffic', 'undo']) {
        const argv = p[key];
        if (Array.isArray(argv) && argv.length && argv.every((w) => typeof w === 'string')) policy.commandArgv.push(argv as string[]);
      }
    }
  }
  return policy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
