/**
 * The lock deploy and rollback take: the machine-local lock always (deploy/lock.ts), and with a
 * `team:` section also the team lock (a ref on the git remote, or a Kubernetes Lease), renewed every
 * third of its lease while the run lasts so that a long monitor window keeps it. If the team lock
 * cannot be taken (held elsewhere, remote unreachable) the local lock is let go and the error stands:
 * a deploy never proceeds on an unknown lock state.
 */
import { acquireDeployLock } from '../deploy/lock.js';
import { loadConfig, getEnvironment } from '../config/load-config.js';
import { ConfigError } from '../errors.js';
import { acquireRemoteLock, type HeldTeamLock } from './remote-lock.js';
import { acquireLeaseLock } from './kubernetes-lease-lock.js';
import { remoteContext } from './team-settings.js';

export interface EnvironmentLockInput {
  projectRoot: string;
  environment: string;
  operation: string;
  now: Date;
  /** kubectl binary override (tests use the recording stand-in). */
  kubectl?: string;
}

export type ReleaseLock = () => Promise<void>;

export async function acquireEnvironmentLock(input: EnvironmentLockInput): Promise<ReleaseLock> {
  const releaseLocal = await acquireDeployLock(input.projectRoot, input.environment, input.operation, input.now);
  let team: HeldTeamLock | undefined;
  try {
    team = await acquireTeamLock(input);
  } catch (error) {
    await releaseLocal();
    throw error;
  }
  if (!team) return releaseLocal;
  const held = team;
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing.then(() => held.renew()).catch(() => undefined);
  }, Math.max(1_000, Math.floor(held.holder.leaseMs / 3)));
  timer.unref();
  return async () => {
    clearInterval(timer);
    await renewing;
    // A release that cannot reach the remote leaves the lock to expire after its lease: safe, just slower.
    await held.release().catch(() => undefined);
    await releaseLocal();
  };
}

async function acquireTeamLock(input: EnvironmentLockInput): Promise<HeldTeamLock | undefined> {
  const loaded = await loadConfig(input.projectRoot);
  const team = loaded.config.team;
  if (!team) return undefined;
  const lock = { environment: input.environment, operation: input.operation, leaseMs: team.lease, now: input.now };
  if (team.lock === 'git') return acquireRemoteLock(remoteContext(input.projectRoot, team), lock);
  const provider = getEnvironment(loaded, input.environment).provider;
  if (provider.type !== 'kubernetes') {
    throw new ConfigError(`team.lock is "kubernetes" but ${input.environment} deploys with the ${provider.type} provider.`, {
      where: `${loaded.path ?? 'shipgate.config.yaml'}: team.lock`,
      expected: `"git", or a kubernetes provider for environments.${input.environment}`,
      hint: 'Use `team: { lock: git }`: the lock then lives on the git remote.',
    });
  }
  return acquireLeaseLock({ projectRoot: input.projectRoot, context: provider.context, namespace: provider.namespace, timeoutMs: team.timeout, ...(input.kubectl ? { kubectl: input.kubectl } : {}) }, lock);
}
