/**
 * Which provider actions each strategy needs, derived from the strategies' own plans (not a hand-kept
 * table): plan once with a provider that supports only `deploy` (what is REQUIRED), once with one that
 * supports everything (what is used when present). A `command` provider must configure every required
 * key, or a blue-green "switch" would silently do nothing; docs/reference.md prints the same table.
 *
 * Good: canary with `deploy`, `traffic`, `promote`, `undo`. Bad: blue-green with only `deploy`.
 */
import { environmentSchema } from '../config/environment-schema.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { PlanStep } from './plan-step.js';
import type { Provider, ProviderActionName } from './providers/provider.js';
import { strategies } from './strategies/index.js';
import { STRATEGY_TYPES } from '../config/names.js';
import { ConfigError } from '../errors.js';

export interface StrategyActions {
  strategy: EnvironmentConfig['strategy']['type'];
  required: ProviderActionName[];
  optional: ProviderActionName[];
}

function actionsUsed(strategy: EnvironmentConfig['strategy']['type'], supportsAll: boolean): Set<ProviderActionName> {
  const provider: Provider = {
    type: 'probe',
    supports: (action) => supportsAll || action === 'deploy',
    commands: () => [],
    run: async () => ({ ok: true, runs: [], detail: 'probe' }),
    status: async () => ({ detail: 'probe' }),
  };
  const environment = environmentSchema.parse({ provider: { type: 'git-push' }, strategy: { type: strategy }, health: { smokeTests: 'smoke.json' } });
  const release = { version: '1.0.0', tag: 'v1.0.0', sha: '0'.repeat(40) };
  const steps = strategies[strategy].plan({ environment, provider, providerTimeoutMs: 1_000, input: { next: release, previous: release, liveColor: 'blue' } });
  const used = new Set<ProviderActionName>();
  const visit = (list: readonly PlanStep[]) => {
    for (const step of list) {
      if (step.action) used.add(step.action.action);
      if (step.undo) visit(step.undo);
    }
  };
  visit(steps);
  return used;
}

export function strategyActions(): StrategyActions[] {
  return STRATEGY_TYPES.map((strategy) => {
    const required = [...actionsUsed(strategy, false)];
    const optional = [...actionsUsed(strategy, true)].filter((a) => !required.includes(a));
    return { strategy, required, optional };
  });
}

/** A `command` provider missing a key its strategy needs is a configuration error, before anything runs. */
export function requireProviderKeys(environmentName: string, environment: EnvironmentConfig, configPath: string | null): void {
  const provider = environment.provider;
  if (provider.type !== 'command') return;
  const needed = strategyActions().find((s) => s.strategy === environment.strategy.type)?.required ?? [];
  const missing = needed.filter((action) => action !== 'deploy' && !provider[action as 'traffic' | 'promote' | 'undo']);
  if (!missing.length) return;
  throw new ConfigError(`The ${environment.strategy.type} strategy needs the command provider's ${missing.join(', ')} command${missing.length > 1 ? 's' : ''}.`, {
    where: `${configPath ?? 'shipgate.config.yaml'}: environments.${environmentName}.provider`,
    expected: `keys ${needed.join(', ')} for ${environment.strategy.type} (docs/reference.md lists what each strategy needs)`,
    found: `no ${missing.join(', ')}`,
    hint: `Add e.g. ${missing[0]}: [./scripts/${missing[0]}.sh, "{color}"${missing[0] === 'traffic' ? ', "{weight}"' : ''}], or choose the rolling strategy.`,
  });
}
