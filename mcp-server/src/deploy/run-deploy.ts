/**
 * `deploy` end to end: mark crashed records aborted, resolve the release on HEAD, take the environment
 * lock, require the gate receipt (before anything changes; nothing in arguments can stand in for it),
 * plan, apply, remember what serves now, record learnings. `dryRun` plans without a receipt and says so.
 */
import { loadConfig } from '../config/load-config.js';
import { requireReceipt, type Receipt } from '../gates/receipts.js';
import { headCommit } from '../project/git.js';
import { requireCleanTree } from '../project/working-tree.js';
import { BlockedError, ConfigError, InternalError, ShipgateError } from '../errors.js';
import { planDeploy, type DeployPlan } from './plan-deploy.js';
import { applyDeploy, type DeployOutcome, type DeployProgressEvent } from './apply-deploy.js';
import { acquireEnvironmentLock } from '../team/environment-lock.js';
import { publishOutcome, type TeamPublication } from '../team/shared-history.js';
import { receiptFromGateRecord } from '../team/gate-record-receipt.js';
import { readEnvironmentState, writeEnvironmentState } from '../state/deploy-state.js';
import { releaseAt, requireReleaseAt, tagMessage } from './resolve-release.js';
import { allocateRecordPaths, markAbortedRecords, newRecord, restoreCommand, writeRecord, type DeploymentRecord } from '../records/deployment-record.js';
import { writeShipReport } from '../records/ship-report.js';
import { requireProviderKeys } from './strategy-actions.js';
import type { EnvironmentConfig } from '../config/schema.js';
import type { ReleaseRef } from './providers/provider.js';
import { currentRelease, loadDeployContext, recordLearnings } from './deploy-context.js';
export { loadDeployContext };
import { systemClock, type Clock } from '../util/clock.js';
import { ensureConfinement } from '../exec/confine.js';

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
  /** CI: accept the signed gate record on the team remote instead of a local receipt (team/gate-record-receipt.ts). */
  gateRecord?: boolean;
}

export type RunDeployResult =
  | { dryRun: true; plan: DeployPlan }
  | { dryRun: false; plan: DeployPlan; outcome: DeployOutcome; receipt: Receipt; team?: TeamPublication };

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

export async function runDeploy(options: RunDeployOptions): Promise<RunDeployResult> {
  const { projectRoot, environment: environmentName } = options;
  const now = options.now ?? (options.clock ?? systemClock).now;
  const context = await loadDeployContext(projectRoot, environmentName, options.strategy, options.kubectl);
  refuseRecreateInProduction(environmentName, context.environment, context.configPath);
  requireProviderKeys(environmentName, context.environment, context.configPath);
  // The gate skill's trigger conditions set the monitor's rules (config > skill > default), shown in the plan.
  const { loadMonitorRules, describeMonitorRules } = await import('./monitor-rules.js');
  const monitorRules = await loadMonitorRules(projectRoot, environmentName, context.environment.monitor, options.env).catch(() => undefined);
  if (monitorRules) context.environment = { ...context.environment, monitor: monitorRules.monitor };
  const monitorNotice = monitorRules ? describeMonitorRules(monitorRules) : 'Monitor rules: from the config and defaults only (the gate skills could not be read for trigger conditions).';
  await markAbortedRecords(context.recordsDir, now());
  const sha = await headCommit(projectRoot, options.signal);
  // The gate bound the commit: a working tree that differs from it would ship something never gated.
  if (!options.dryRun) await requireCleanTree(projectRoot, (await loadConfig(projectRoot)).config, `deploy to ${environmentName}`, options.signal);
  // The receipt first: a refused deploy changes nothing, not even the lock or a record, and the refusal
  // names the gate, which is the first thing to fix (before "this commit has no release tag").
  const receipt = options.dryRun ? undefined : options.gateRecord ? await receiptFromGateRecord({ projectRoot, environment: environmentName, commit: sha, now: now(), env: options.env }) : await requireReceipt({ projectRoot, environment: environmentName, commit: sha, now, env: options.env });
  // A dry run on an untagged commit still shows the plan, for the release `bump` would cut, and says a
  // release is needed; a real deploy refuses (shipgate deploys releases, not loose commits).
  const tagged = options.dryRun ? await releaseAt(projectRoot, sha, context.tagPrefix) : await requireReleaseAt(projectRoot, sha, context.tagPrefix);
  const releaseNeeded = tagged ? undefined : await plannedRelease(projectRoot, sha, context.tagPrefix, now());
  const next = tagged ?? releaseNeeded!.release;
  const state = await readEnvironmentState(projectRoot, environmentName);
  const makePlan = async (receipt: DeployPlan['receipt'], receiptProblem?: string) => {
    const live = await currentRelease(projectRoot, environmentName, context);
    const previous = live && live.sha !== next.sha ? live : undefined;
    const { pendingAbortedDeploy } = await import('./pending-aborted.js');
    const aborted = await pendingAbortedDeploy(context.recordsDir, environmentName);
    const notices = [monitorNotice];
    const { describeNotify, notifyConfigFor } = await import('./notify-stakeholders.js');
    const notify = describeNotify(notifyConfigFor((await loadConfig(projectRoot)).config, environmentName));
    if (notify) notices.push(notify);
    if (aborted) notices.push(...[`The last deploy (${aborted.tag}, ${aborted.files.markdown}) was aborted and may have left production serving two versions: a real deploy restores ${aborted.previous?.tag ?? 'nothing (it was a first deploy)'} first; to do it now: \`${restoreCommand(aborted)}\`.`]);
    return planDeploy({ environmentName, environment: context.environment, provider: context.provider, providerTimeoutMs: context.providerTimeoutMs, next, previous, liveColor: state.liveColor, receipt, receiptProblem, notices, ...(releaseNeeded ? { releaseNeeded: releaseNeeded.notice } : {}) });
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
  // The project's commands run confined; in hardened mode a machine that cannot confine refuses here,
  // before the lock, a record or production change.
  const { projectCommandConfinement } = await import('../protection/command-confinement.js');
  const confine = await projectCommandConfinement(projectRoot, (await loadConfig(projectRoot)).config, options.env);
  await ensureConfinement(confine, `deploy to ${environmentName}`);
  // A deploy killed mid-canary left two versions serving: put the last good one back before anything else.
  const { recoverAbortedDeploy } = await import('./recover-aborted.js');
  const recovered = await recoverAbortedDeploy({ projectRoot, recordsDir: context.recordsDir, environment: environmentName, now, ...(options.kubectl ? { kubectl: options.kubectl } : {}) });
  if (recovered?.recovery?.status === 'failed') {
    throw new BlockedError(`The last deploy of ${environmentName} (${recovered.tag}) was aborted and production could not be restored: ${recovered.recovery.detail}.`, {
      where: recovered.files.markdown,
      hint: 'Fix production first (the record says how), then deploy again.',
    });
  }
  const release = await acquireEnvironmentLock({ projectRoot, environment: environmentName, operation: `deploy of ${next.tag}`, now: now(), ...(options.kubectl ? { kubectl: options.kubectl } : {}) });
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
    const { runDoctor } = await import('../protection/doctor.js');
    const level = (await runDoctor(projectRoot, { env: options.env }).catch(() => undefined))?.level;
    if (level) record.protectionLevel = level;
    await writeRecord(record);
    const started = now().getTime();
    // The skill's own rollback steps; the gate already parsed these files, so a failure here is unexpected
    // and must not stop a deploy that has a receipt: the provider's undo still runs.
    const { loadRollbackProcedure } = await import('./rollback-procedure.js');
    const rollbackProcedure = await loadRollbackProcedure(projectRoot, environmentName, options.env).catch(() => []);
    // The provider, rollback procedure, monitor and notify commands run from a clean checkout of the
    // gated release, confined: an edit to scripts/deploy.sh after the gate never runs.
    const { withTrustedTree, commandsIn } = await import('../project/trusted-tree.js');
    return await withTrustedTree(projectRoot, next.sha, async (tree) => {
      const commands = commandsIn(tree, confine);
      const outcome = await applyDeploy({ projectRoot: tree.root, commands, plan, environment: context.environment, provider: context.provider, providerTimeoutMs: context.providerTimeoutMs, record, signal: options.signal, clock: options.clock ?? systemClock, onProgress: options.onProgress, rollbackProcedure, ...(monitorRules?.signals.length ? { monitorSignals: monitorRules.signals } : {}) });
      if (outcome.status === 'succeeded') {
        const liveColor = plan.strategy === 'blue-green' ? (plan.liveColor === 'blue' ? 'green' : 'blue') : state.liveColor;
        const { currentGateFingerprint } = await import('../gates/gate-fingerprint.js');
        const gate = await currentGateFingerprint(projectRoot, environmentName, options.env).catch(() => state.gate);
        // What served before this deploy served too (the provider reported it): rollback may go back to it.
        const before = plan.previous && !state.served.some((r) => r.sha === plan.previous!.sha) ? [{ ...plan.previous, at: record.startedAt }] : [];
        await writeEnvironmentState(projectRoot, environmentName, { live: next, liveColor, served: [...state.served, ...before, { ...next, at: now().toISOString() }].slice(-50), ...(gate ? { gate } : {}) });
      }
      // The outcome is known: tell the stakeholders (a failing notify is recorded, the outcome stands).
      const { notifyStakeholders } = await import('./notify-stakeholders.js');
      const notified = await notifyStakeholders({ projectRoot: tree.root, commands, config: (await loadConfig(projectRoot)).config, record: outcome.record, url: context.environment.url, now, ...(options.env ? { env: options.env } : {}) });
      if (notified) await writeRecord(outcome.record);
      await writeShipReport(projectRoot, record).catch(() => undefined);
      const team = await publishOutcome(projectRoot, (await loadConfig(projectRoot)).config.team, outcome.record);
      await recordLearnings(projectRoot, {
        phase: 'deploy',
        outcome: outcome.status,
        environment: environmentName,
        version: next.version,
        commit: next.sha,
        durationMs: now().getTime() - started,
        ...(outcome.trigger ? { rollbackTrigger: outcome.trigger } : {}),
        rollbackReady: plan.previous !== undefined,
        rollbackPlanned: context.environment.rollback.automatic || rollbackProcedure.length > 0,
        rollbackVerified: receipt.checks.some((c) => /rollback/.test(c.id) && c.status === 'passed'),
        stagingApproved: receipt.checks.some((c) => /staging/.test(c.id) && c.status === 'passed'),
        postDeployHealthFailed: outcome.healthFailed,
        monitorPlannedMs: outcome.monitorPlannedMs,
        monitorObservedMs: outcome.monitorObservedMs,
        monitorCompleted: outcome.monitorCompleted,
        healthChecksRun: outcome.healthChecksRun,
        ...(context.environment.health.criticalEndpoints !== undefined ? { criticalEndpoints: context.environment.health.criticalEndpoints } : {}),
        deployedCommitTagged: true,
      });
      return { dryRun: false as const, plan, outcome, receipt, ...(team ? { team } : {}) };
    }, options.env);
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
      hint: 'Cut the release first (the version_bump tool with apply: true, or `shipgate bump`), then gate the release commit (gate_check / `shipgate gate`) and deploy it.',
    },
  };
}

