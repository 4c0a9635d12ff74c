/**
 * `deploy` end to end: mark crashed records aborted, resolve the release on HEAD, take the environment
 * lock, require the gate receipt (before anything changes; nothing in arguments can stand in for it),
 * plan, apply, remember what serves now, record learnings. `dryRun` plans without a receipt and says so.
 */
import { resolve } from 'node:path';
import { loadConfig, getEnvironment } from '../config/load-config.js';
import { requireReceipt, type Receipt } from '../gates/receipts.js';
import { headCommit } from '../project/git.js';
import { ConfigError, InternalError, ShipgateError, UsageError } from '../errors.js';
import { createProvider, providerTimeoutMs } from './providers/index.js';
import { planDeploy, type DeployPlan } from './plan-deploy.js';
import { applyDeploy, type DeployOutcome, type DeployProgressEvent } from './apply-deploy.js';
import { acquireDeployLock } from './lock.js';
import { readEnvironmentState, writeEnvironmentState } from './deploy-state.js';
import { releaseAt, releaseForTag, requireReleaseAt, tagMessage } from './resolve-release.js';
import { allocateRecordPaths, markAbortedRecords, newRecord, writeRecord, type DeploymentRecord } from '../records/deployment-record.js';
import { writeShipReport } from '../records/ship-report.js';
import { strategyNames } from './strategies/index.js';
import { requireProviderKeys } from './strategy-actions.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { Provider, ReleaseRef } from './providers/provider.js';
import { systemClock, type Clock } from '../util/clock.js';

export interface RunDeployOptions {
  projectRoot: string;
  environment: string;
  strategy?: string;
  dryRun?: boolean;
  signal?: AbortSignal;
  /** The run's date: lock, record name and start (a frozen date in tests that pin file names). */
  now?: () => Date;
  /**
   * Time and waiting inside the steps (pauses, retries, monitor ticks, step times). A clock is a coherent
   * pair: a frozen `now` with real waiting would never end a monitor window, so it is separate from `now`.
   */
  clock?: Clock;
  onProgress?: (event: DeployProgressEvent) => void | Promise<void>;
  /** kubectl binary override (tests use a recording stand-in). */
  kubectl?: string;
  env?: NodeJS.ProcessEnv;
}

export type RunDeployResult =
  | { dryRun: true; plan: DeployPlan }
  | { dryRun: false; plan: DeployPlan; outcome: DeployOutcome; receipt: Receipt };

export interface DeployContext {
  recordsDir: string;
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
    if (!(strategyNames as string[]).includes(strategy)) {
      throw new UsageError(`Unknown strategy "${strategy}".`, { where: '--strategy', expected: strategyNames.join(', ') });
    }
    if (strategy !== environment.strategy.type) {
      environment = { ...environment, strategy: strategy === 'blue-green' ? { type: 'blue-green', scaleDownDelay: 30_000 } : strategy === 'canary' ? { type: 'canary', steps: [{ weight: 10, pause: 30_000 }, { weight: 50, pause: 30_000 }, { weight: 100, pause: 0 }] } : strategy === 'recreate' ? { type: 'recreate', allowProduction: false } : { type: 'rolling' } };
    }
  }
  return {
    recordsDir: resolve(projectRoot, loaded.config.records.dir),
    environment,
    provider: createProvider(environment.provider, { kubectl }),
    providerTimeoutMs: providerTimeoutMs(environment.provider),
    tagPrefix: loaded.config.versioning.tagPrefix,
    configPath: loaded.path,
  };
}

/**
 * Seed 002: "Recreate: dev/staging only" (slow rollback, downtime). Production gets it only when its own
 * configuration says `strategy: { type: recreate, allowProduction: true }`; a `--strategy recreate`
 * override never counts as that.
 */
function refuseRecreateInProduction(environmentName: string, environment: EnvironmentConfig, configPath: string | null): void {
  if (environmentName !== 'production' || environment.strategy.type !== 'recreate' || environment.strategy.allowProduction) return;
  throw new ConfigError('The recreate strategy is for dev/staging, not production (all instances stop before the new ones start: downtime, slow rollback).', {
    where: `${configPath ?? 'shipgate.config.yaml'}: environments.production.strategy`,
    expected: 'rolling, blue-green or canary for production',
    found: 'recreate',
    hint: 'Use another strategy, or accept the downtime explicitly in the configuration: strategy: { type: recreate, allowProduction: true }.',
  });
}

/** The release production serves now: shipgate's state, else the provider's status, else none. */
export async function currentRelease(projectRoot: string, environmentName: string, context: DeployContext): Promise<ReleaseRef | undefined> {
  const state = await readEnvironmentState(projectRoot, environmentName);
  if (state.live) return state.live;
  const status = await context.provider.status({ projectRoot, timeoutMs: 30_000 }).catch(() => undefined);
  if (status?.sha) return releaseAt(projectRoot, status.sha, context.tagPrefix);
  if (status?.version) return releaseForTag(projectRoot, `${context.tagPrefix}${status.version}`, context.tagPrefix);
  return undefined;
}

export async function runDeploy(options: RunDeployOptions): Promise<RunDeployResult> {
  const { projectRoot, environment: environmentName } = options;
  const now = options.now ?? (options.clock ?? systemClock).now;
  const context = await loadDeployContext(projectRoot, environmentName, options.strategy, options.kubectl);
  refuseRecreateInProduction(environmentName, context.environment, context.configPath);
  requireProviderKeys(environmentName, context.environment, context.configPath);
  await markAbortedRecords(context.recordsDir, now());
  const sha = await headCommit(projectRoot, options.signal);
  // The receipt first: a refused deploy changes nothing, not even the lock or a record, and the refusal
  // names the gate, which is the first thing to fix (before "this commit has no release tag").
  const receipt = options.dryRun ? undefined : await requireReceipt({ projectRoot, environment: environmentName, commit: sha, now, env: options.env });
  // A dry run on an untagged commit still shows the plan, for the release `bump` would cut, and says a
  // release is needed; a real deploy refuses (shipgate deploys releases, not loose commits).
  const tagged = options.dryRun ? await releaseAt(projectRoot, sha, context.tagPrefix) : await requireReleaseAt(projectRoot, sha, context.tagPrefix);
  const releaseNeeded = tagged ? undefined : await plannedRelease(projectRoot, sha, context.tagPrefix, now());
  const next = tagged ?? releaseNeeded!.release;
  const state = await readEnvironmentState(projectRoot, environmentName);
  const makePlan = async (receipt: DeployPlan['receipt'], receiptProblem?: string) => {
    const live = await currentRelease(projectRoot, environmentName, context);
    const previous = live && live.sha !== next.sha ? live : undefined;
    return planDeploy({ environmentName, environment: context.environment, provider: context.provider, providerTimeoutMs: context.providerTimeoutMs, next, previous, liveColor: state.liveColor, receipt, receiptProblem, ...(releaseNeeded ? { releaseNeeded: releaseNeeded.notice } : {}) });
  };

  if (options.dryRun) {
    let problem: string | undefined;
    try {
      await requireReceipt({ projectRoot, environment: environmentName, commit: sha, now, env: options.env });
    } catch (error) {
      if (!(error instanceof ShipgateError)) throw error;
      problem = error.message;
    }
    return { dryRun: true, plan: await makePlan(problem ? 'missing' : 'valid', problem) };
  }

  if (!receipt) throw new InternalError('deploy reached apply without a receipt');
  const release = await acquireDeployLock(projectRoot, environmentName, `deploy of ${next.tag}`, now());
  try {
    const plan = await makePlan('valid');
    const files = await allocateRecordPaths(context.recordsDir, next.tag, now());
    const { gatherDeployFacts } = await import('../records/deploy-context.js');
    const facts = await gatherDeployFacts({ projectRoot, environmentName, environment: context.environment, next, ...(plan.previous ? { previous: plan.previous } : {}), configPath: context.configPath });
    const record: DeploymentRecord = newRecord({
      id: `${environmentName}-${next.tag}-${now().getTime()}`,
      kind: 'deploy',
      environment: environmentName,
      strategy: plan.strategy,
      provider: plan.provider,
      version: next.version,
      tag: next.tag,
      commit: next.sha,
      ...(plan.previous ? { previous: plan.previous } : {}),
      startedAt: now().toISOString(),
      receipt: { id: receipt.id, issuedAt: receipt.issuedAt, checks: receipt.checks.map((c) => ({ id: c.id, status: c.status })) },
      changelogExcerpt: await tagMessage(projectRoot, next.tag),
      facts,
      files,
    });
    await writeRecord(record);
    const started = now().getTime();
    // The skill's own rollback steps; the gate already parsed these files, so a failure here is unexpected
    // and must not stop a deploy that has a receipt: the provider's undo still runs.
    const { loadRollbackProcedure } = await import('./rollback-procedure.js');
    const rollbackProcedure = await loadRollbackProcedure(projectRoot, environmentName, options.env).catch(() => []);
    const outcome = await applyDeploy({ projectRoot, plan, environment: context.environment, provider: context.provider, providerTimeoutMs: context.providerTimeoutMs, record, signal: options.signal, clock: options.clock ?? systemClock, onProgress: options.onProgress, rollbackProcedure });
    if (outcome.status === 'succeeded') {
      const liveColor = plan.strategy === 'blue-green' ? (plan.liveColor === 'blue' ? 'green' : 'blue') : state.liveColor;
      await writeEnvironmentState(projectRoot, environmentName, { live: next, liveColor, served: [...state.served, { ...next, at: now().toISOString() }].slice(-50) });
    }
    await writeShipReport(projectRoot, record).catch(() => undefined);
    await recordLearnings(projectRoot, {
      phase: 'deploy',
      outcome: outcome.status,
      environment: environmentName,
      version: next.version,
      commit: next.sha,
      durationMs: now().getTime() - started,
      ...(outcome.trigger ? { rollbackTrigger: outcome.trigger } : {}),
      rollbackReady: plan.previous !== undefined,
      monitorPlannedMs: outcome.monitorPlannedMs,
      monitorObservedMs: outcome.monitorObservedMs,
      monitorCompleted: outcome.monitorCompleted,
      healthChecksRun: outcome.healthChecksRun,
      ...(context.environment.health.criticalEndpoints !== undefined ? { criticalEndpoints: context.environment.health.criticalEndpoints } : {}),
      deployedCommitTagged: true,
    });
    return { dryRun: false, plan, outcome, receipt };
  } finally {
    await release();
  }
}

/** The release `shipgate bump` would cut on this commit (for a dry run on an untagged commit). */
async function plannedRelease(projectRoot: string, sha: string, tagPrefix: string, now: Date): Promise<{ release: ReleaseRef; notice: NonNullable<DeployPlan['releaseNeeded']> }> {
  const { planRelease } = await import('../release/plan-release.js');
  const plan = await planRelease(projectRoot, { bump: 'auto', now }).catch(() => undefined);
  const version = plan?.nextVersion ?? plan?.currentVersion ?? 'unreleased';
  const tag = plan?.tag ?? `${tagPrefix}${version}`;
  return {
    release: { version, tag, sha },
    notice: {
      message: `commit ${sha.slice(0, 12)} carries no release tag; a real deploy is refused until it has one${plan?.nextVersion ? ` (\`shipgate bump\` would cut ${tag})` : ''}.`,
      hint: 'Run `shipgate bump`, then `shipgate gate` and `shipgate deploy`.',
    },
  };
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
