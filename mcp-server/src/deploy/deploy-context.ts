/**
 * What a deploy or a rollback of one environment works with: its configuration and provider
 * (loadDeployContext), the release it serves now (currentRelease), and the advisory learnings hook.
 * Shared by run-deploy.ts and rollback.ts, so neither imports the other.
 */
import { loadConfig, getEnvironment } from '../config/load-config.js';
import { UsageError } from '../errors.js';
import { resolveConfiguredPath } from '../util/paths.js';
import { createProvider, providerTimeoutMs } from './providers/index.js';
import { teamServedReleases, unionServed } from '../team/served-versions.js';
import { readEnvironmentState } from '../state/deploy-state.js';
import { releaseAt, releaseForTag } from './resolve-release.js';
import type { EnvironmentConfig } from '../config/schema.js';
import { strategySchema } from '../config/environment-schema.js';
import { STRATEGY_TYPES } from '../config/names.js';
import type { Provider, ReleaseRef } from './providers/provider.js';

export interface DeployContext {
  /** records.dir after realpath, checked to be inside the project. */
  recordsDir: string;
  /** health.smokeTests after realpath, checked to be inside the project (undefined: none configured). */
  smokeTestsFile: string | undefined;
  environment: EnvironmentConfig;
  provider: Provider;
  providerTimeoutMs: number;
  tagPrefix: string;
  /** The configuration file read (for messages), or null when defaults are used. */
  configPath: string | null;
}

/** Config, environment (with a `--strategy` override) and provider for an environment. */
export async function loadDeployContext(projectRoot: string, environmentName: string, strategy?: string, kubectl?: string): Promise<DeployContext> {
  const loaded = await loadConfig(projectRoot);
  let environment = getEnvironment(loaded, environmentName);
  if (strategy !== undefined) {
    if (!(STRATEGY_TYPES as readonly string[]).includes(strategy)) {
      throw new UsageError(`Unknown strategy "${strategy}".`, { where: '--strategy', expected: STRATEGY_TYPES.join(', ') });
    }
    // Another strategy than configured runs with that strategy's schema defaults.
    if (strategy !== environment.strategy.type) environment = { ...environment, strategy: strategySchema.parse({ type: strategy }) };
  }
  // Every path the configuration names for this environment, checked before anything runs: a symbolic
  // link in the project that leads outside it refuses the command (util/paths.ts), changing nothing.
  const key = `environments.${environmentName}`;
  const recordsDir = await resolveConfiguredPath(projectRoot, loaded.config.records.dir, 'records.dir', loaded.path);
  const smokeTests = environment.health.smokeTests;
  const smokeTestsFile = smokeTests ? await resolveConfiguredPath(projectRoot, smokeTests, `${key}.health.smokeTests`, loaded.path) : undefined;
  if (environment.provider.type === 'kubernetes' && environment.provider.manifests) {
    await resolveConfiguredPath(projectRoot, environment.provider.manifests, `${key}.provider.manifests`, loaded.path);
  }
  return {
    recordsDir,
    smokeTestsFile,
    environment,
    provider: createProvider(environment.provider, { kubectl }),
    providerTimeoutMs: providerTimeoutMs(environment.provider),
    tagPrefix: loaded.config.versioning.tagPrefix,
    configPath: loaded.path,
  };
}

/** The release production serves now: shipgate's state, else the provider's status, else none. */
export async function currentRelease(projectRoot: string, environmentName: string, context: DeployContext): Promise<ReleaseRef | undefined> {
  const state = await readEnvironmentState(projectRoot, environmentName);
  // With a team, what serves now is the newest release any machine (trusted) put there.
  const teamServed = await teamServedReleases(projectRoot, environmentName);
  const latest = teamServed.length ? unionServed(state.served, teamServed).at(-1) : undefined;
  if (latest) return { version: latest.version, tag: latest.tag, sha: latest.sha };
  if (state.live) return state.live;
  const status = await context.provider.status({ projectRoot, timeoutMs: 30_000 }).catch(() => undefined);
  if (status?.sha) return releaseAt(projectRoot, status.sha, context.tagPrefix);
  if (status?.version) return releaseForTag(projectRoot, `${context.tagPrefix}${status.version}`, context.tagPrefix);
  return undefined;
}

/** Learnings are advisory: a failure to record them never changes a deploy's result. */
export async function recordLearnings(projectRoot: string, signals: import('../learnings/signals.js').RunSignals): Promise<void> {
  try {
    const { recordRun } = await import('../learnings/record-run.js');
    await recordRun(projectRoot, signals, { onWarning: () => undefined });
  } catch {
    // ignored on purpose (see above)
  }
}
