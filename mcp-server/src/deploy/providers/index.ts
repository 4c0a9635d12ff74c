/** The one registry of deploy providers. Add one: copy a sibling, add a line here, add a test. */
import type { EnvironmentConfig } from '../../config/schema.js';
import type { Provider } from './provider.js';
import { createGitPushProvider } from './git-push.js';
import { createCommandProvider } from './command.js';
import { createKubernetesProvider } from './kubernetes.js';

export type ProviderConfig = EnvironmentConfig['provider'];

export function createProvider(config: ProviderConfig, options: { kubectl?: string } = {}): Provider {
  switch (config.type) {
    case 'git-push':
      return createGitPushProvider(config);
    case 'command':
      return createCommandProvider(config);
    case 'kubernetes':
      return createKubernetesProvider({ ...config, kubectl: options.kubectl });
  }
}

/** How long one provider action may take, from the provider's own config. */
export function providerTimeoutMs(config: ProviderConfig): number {
  if (config.type === 'command') return config.timeout;
  if (config.type === 'kubernetes') return config.rolloutTimeout + 30_000;
  return 120_000;
}
