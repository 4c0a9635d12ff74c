/**
 * What the guard treats as production, beyond the built-in names: taken from the environments whose
 * name starts with `prod` in shipgate.config.yaml. Plain data (it is cached as JSON between hook
 * calls), built from the parsed but not zod-validated config so the hook never loads zod.
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
  /** Folder the config lives in: configured argv paths are relative to it. */
  projectRoot?: string;
  /**
   * Set when the config could not be read or parsed: the guard then also protects the default branch
   * (the remote's HEAD, else main and master) and says the config is broken.
   */
  configProblem?: string;
}

export const PRODUCTION_BRANCHES = ['production', 'prod'];

export const DEFAULT_GUARD_POLICY: GuardPolicy = {
  productionBranches: PRODUCTION_BRANCHES,
  gitPushTargets: [],
  kubeContexts: [],
  kubeNamespaces: [],
  commandArgv: [],
};

/** The fail-closed policy for a config that exists but cannot be read or parsed. */
export function brokenConfigPolicy(projectRoot: string, problem: string): GuardPolicy {
  return { ...DEFAULT_GUARD_POLICY, productionBranches: [...PRODUCTION_BRANCHES], projectRoot, configProblem: problem };
}

/** Build the policy from a parsed config object; a config that is not a mapping counts as broken. */
export function policyFromConfig(data: unknown, projectRoot?: string): GuardPolicy {
  if (data !== null && data !== undefined && !isObject(data)) return brokenConfigPolicy(projectRoot ?? '.', 'the file is not a YAML mapping');
  const policy: GuardPolicy = { productionBranches: [...PRODUCTION_BRANCHES], gitPushTargets: [], kubeContexts: [], kubeNamespaces: [], commandArgv: [], ...(projectRoot ? { projectRoot } : {}) };
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
