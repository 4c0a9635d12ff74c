/**
 * On-demand rollback (`shipgate rollback`, the `rollback` tool, `/rollback`): back to the previous
 * release (or `--to VERSION`) through the provider's undo, verified by the health checks, recorded.
 * Only versions in the environment's signed served history are targets (state/deploy-state.ts).
 * A reason is required: it goes into the record and the learnings. Planned first (`planRollback`, pure
 * data), then applied, under the same environment lock as deploys.
 */
import semver from 'semver';
import { BlockedError, FailedError, UsageError } from '../errors.js';
import { loadDeployContext, currentRelease, recordLearnings, type DeployContext } from './deploy-context.js';
import { readEnvironmentState, writeEnvironmentState } from '../state/deploy-state.js';
import { releaseForTag } from './resolve-release.js';
import { acquireEnvironmentLock } from '../team/environment-lock.js';
import { teamServedReleases, unionServed } from '../team/served-versions.js';
import { publishOutcome, type TeamPublication } from '../team/shared-history.js';
import { loadConfig } from '../config/load-config.js';
import { allocateRecordPaths, markAbortedRecords, newRecord, writeRecord, type DeploymentRecord } from '../records/deployment-record.js';
import { runHealthChecks } from '../health/run-health-checks.js';
import { healthChecksOf } from './apply-deploy.js';
import { pendingAbortedDeploy } from './pending-aborted.js';
import { notifyStakeholders } from './notify-stakeholders.js';
import { gatherDeployFacts } from '../records/deploy-context.js';
import type { ProviderAction, ReleaseRef } from './providers/provider.js';
import { checkoutTrustedTree, commandsIn } from '../project/trusted-tree.js';
import { ensureConfinement } from '../exec/confine.js';
import { projectCommandConfinement } from '../protection/command-confinement.js';

export interface RollbackPlan {
  environment: string;
  from?: ReleaseRef;
  to: ReleaseRef;
  /** Provider actions run before the main one (canary: weight 0, remove the canary). */
  before: ProviderAction[];
  action: ProviderAction;
  commands: string[][];
  timeoutMs: number;
  reason: string;
}

export interface RollbackResult {
  plan: RollbackPlan;
  status: 'succeeded' | 'failed';
  exitCode: 0 | 1;
  verified?: boolean;
  record: DeploymentRecord;
  /** With a `team:` section: the history ref the outcome went to, or why it did not. */
  team?: TeamPublication;
}

export async function planRollback(options: { projectRoot: string; environment: string; to?: string; reason: string; context: DeployContext }): Promise<RollbackPlan> {
  const { projectRoot, environment, context } = options;
  const reason = options.reason.trim();
  if (!reason) throw new UsageError('A rollback needs a reason.', { where: '--reason', expected: 'a short text: what is wrong', hint: 'shipgate rollback --reason "checkout returns 500 since 1.4.0"' });
  const from = await currentRelease(projectRoot, environment, context);
  // Only what served: the signed history of this environment (this machine's, and the team's entries on
  // the remote that verify against allowed_signers) is the list of allowed targets. A tag made later
  // (`git tag v0.0.9 <never-gated sha>`) or moved since names nothing shipgate deployed.
  const state = await readEnvironmentState(projectRoot, environment);
  const served = uniqueServed(unionServed(state.served, await teamServedReleases(projectRoot, environment)));
  const allowed = served.filter((r) => r.sha !== from?.sha);
  const allowedText = allowed.length ? allowed.map((r) => r.version).reverse().join(', ') : 'none';
  let to: ReleaseRef | undefined;
  if (options.to) {
    const version = options.to.startsWith(context.tagPrefix) ? options.to.slice(context.tagPrefix.length) : options.to;
    if (!semver.valid(version)) throw new UsageError(`"${options.to}" is not a version.`, { where: '--to', expected: 'a semantic version like 1.2.3' });
    // Re-applying what serves now is allowed too: it clears what a crashed deploy left behind (a canary).
    const entry = [...allowed].reverse().find((r) => r.version === version) ?? (from && from.version === version ? from : undefined);
    if (!entry) {
      throw new BlockedError(`${context.tagPrefix}${version} never served ${environment}: rollback goes only to a version recorded in its served history.`, {
        where: '--to',
        expected: `one of the versions that served ${environment}: ${allowedText}`,
        found: options.to,
        hint: allowed.length ? `Pick one of ${allowedText}, or gate and deploy ${context.tagPrefix}${version} like any release.` : `Gate and deploy ${context.tagPrefix}${version} like any release.`,
      });
    }
    const tagged = await releaseForTag(projectRoot, entry.tag, context.tagPrefix);
    if (tagged && tagged.sha !== entry.sha) {
      throw new BlockedError(`The tag ${entry.tag} was moved: it points to ${tagged.sha.slice(0, 12)}, but ${entry.sha.slice(0, 12)} is what served.`, { where: entry.tag, hint: `Restore the tag (\`git tag -f ${entry.tag} ${entry.sha}\`) or gate and deploy the new commit.` });
    }
    to = { version: entry.version, tag: entry.tag, sha: entry.sha };
  } else {
    const entry = [...allowed].reverse()[0];
    if (entry) to = { version: entry.version, tag: entry.tag, sha: entry.sha };
  }
  if (!to) throw new BlockedError(`No previous release of ${environment} to roll back to.`, { expected: `a version in the served history of ${environment} (${allowedText})`, hint: 'Rollback goes only to what served before; deploy a gated release instead.' });
  const action: ProviderAction = { action: context.provider.supports('undo') ? 'undo' : 'deploy', color: context.environment.strategy.type === 'blue-green' ? state.liveColor : 'stable' };
  // A canary left behind (a crashed or interrupted deploy) loses its traffic and goes first.
  const before: ProviderAction[] =
    context.environment.strategy.type === 'canary' && context.provider.supports('traffic') && context.provider.supports('undo')
      ? [{ action: 'traffic', weight: 0, color: 'canary' }, { action: 'undo', color: 'canary' }]
      : [];
  const commands = [...before.flatMap((a) => context.provider.commands(a, to!)), ...context.provider.commands(action, to)];
  return { environment, ...(from ? { from } : {}), to, before, action, commands, timeoutMs: Math.min(context.providerTimeoutMs, context.environment.rollback.timeout), reason };
}

/** Newest entry per sha, in served order (oldest first). */
function uniqueServed(served: readonly (ReleaseRef & { at: string })[]): ReleaseRef[] {
  const seen = new Set<string>();
  const out: ReleaseRef[] = [];
  for (const entry of [...served].reverse()) {
    if (typeof entry?.sha !== 'string' || seen.has(entry.sha)) continue;
    seen.add(entry.sha);
    out.unshift({ version: entry.version, tag: entry.tag, sha: entry.sha });
  }
  return out;
}

export async function runRollback(options: { projectRoot: string; environment: string; to?: string; reason: string; dryRun?: boolean; now?: () => Date; kubectl?: string }): Promise<RollbackResult | { dryRun: true; plan: RollbackPlan }> {
  const now = options.now ?? (() => new Date());
  const context = await loadDeployContext(options.projectRoot, options.environment, undefined, options.kubectl);
  await markAbortedRecords(context.recordsDir, now());
  const plan = await planRollback({ ...options, context });
  if (options.dryRun) return { dryRun: true, plan };
  // The provider's scripts run from the release being put back (it served, it was gated), confined: an
  // edit to scripts/deploy.sh in the working tree never runs, even though a rollback needs no receipt.
  const confine = await projectCommandConfinement(options.projectRoot, (await loadConfig(options.projectRoot)).config);
  await ensureConfinement(confine, `rollback of ${options.environment}`);
  const unlock = await acquireEnvironmentLock({ projectRoot: options.projectRoot, environment: options.environment, operation: `rollback to ${plan.to.tag}`, now: now(), ...(options.kubectl ? { kubectl: options.kubectl } : {}) });
  try {
    const record = newRecord({
      id: `${options.environment}-rollback-${plan.to.tag}-${now().getTime()}`,
      kind: 'rollback',
      environment: options.environment,
      strategy: context.environment.strategy.type,
      provider: context.provider.type,
      version: plan.to.version,
      tag: plan.to.tag,
      commit: plan.to.sha,
      ...(plan.from ? { previous: plan.from } : {}),
      startedAt: now().toISOString(),
      reason: plan.reason,
      files: await allocateRecordPaths(context.recordsDir, `rollback-${plan.to.tag}`, now()),
      // Where production answers, the release URL and the configuration this rollback puts back (since `from`).
      facts: await gatherDeployFacts({ projectRoot: options.projectRoot, environmentName: options.environment, environment: context.environment, next: plan.to, ...(plan.from ? { previous: plan.from } : {}), configPath: context.configPath }),
      steps: [{ id: 'undo', kind: 'provider', description: `put ${plan.to.tag} back`, commands: plan.commands, timeoutMs: plan.timeoutMs, status: 'running', startedAt: now().toISOString() }],
    });
    await writeRecord(record);
    // A checkout that cannot be made (the commit is not in this clone) still leaves a finished record.
    const tree = await checkoutTrustedTree(options.projectRoot, plan.to.sha).catch(async (error: unknown) => {
      Object.assign(record.steps[0]!, { status: 'failed', finishedAt: now().toISOString(), detail: `no checkout of ${plan.to.tag}: ${(error as Error).message}` });
      record.status = 'failed';
      record.finishedAt = now().toISOString();
      await writeRecord(record);
      throw error;
    });
    try {
      const commands = commandsIn(tree, confine);
      const started = now().getTime();
      const providerContext = { projectRoot: tree.root, timeoutMs: plan.timeoutMs, ...commands };
      let result = { ok: true, runs: [] as unknown[], detail: '' };
      for (const action of [...plan.before, plan.action]) {
        const step = await context.provider.run(action, plan.to, providerContext);
        result = { ok: step.ok, runs: [...result.runs, ...step.runs], detail: [result.detail, step.detail].filter(Boolean).join('; ') };
        if (!step.ok) break;
      }
      const step = record.steps[0]!;
      Object.assign(step, { status: result.ok ? 'passed' : 'failed', finishedAt: now().toISOString(), detail: result.detail });
      let verified: boolean | undefined;
      // A version check proves production runs the release it was rolled back to.
      const checks = healthChecksOf(context.environment, plan.to.version);
      if (result.ok && context.environment.url && checks.length) {
        const verify = { id: 'verify', kind: 'health', description: 'health checks after the rollback', timeoutMs: 30_000, status: 'running' as const, startedAt: now().toISOString() };
        record.steps.push(verify);
        const health = await runHealthChecks({ baseUrl: context.environment.url, checks, retryDelayMs: 500 });
        verified = health.ok;
        Object.assign(verify, { status: health.ok ? 'passed' : 'failed', finishedAt: now().toISOString(), detail: health.results.map((r) => `${r.name} ${r.ok ? 'ok' : r.error}`).join('; ') });
        for (const r of health.results) record.measurements.push({ at: now().toISOString(), step: 'verify', name: `${r.name} status`, value: r.status ?? 'no answer', ok: r.ok });
      }
      const ok = result.ok && verified !== false;
      record.status = ok ? 'succeeded' : 'failed';
      record.finishedAt = now().toISOString();
      await writeRecord(record);
      const config = (await loadConfig(options.projectRoot)).config;
      // The outcome is known: tell the stakeholders (a failing notify is recorded, the outcome stands).
      if (await notifyStakeholders({ projectRoot: tree.root, commands, config, record, url: context.environment.url, now })) await writeRecord(record);
      const team = await publishOutcome(options.projectRoot, config.team, record);
      if (result.ok) {
        const state = await readEnvironmentState(options.projectRoot, options.environment);
        await writeEnvironmentState(options.projectRoot, options.environment, { ...state, live: plan.to, served: [...state.served, { ...plan.to, at: now().toISOString() }].slice(-50) });
      }
      await recordLearnings(options.projectRoot, { phase: 'rollback', outcome: ok ? 'succeeded' : 'failed', environment: options.environment, version: plan.to.version, commit: plan.to.sha, durationMs: now().getTime() - started, rollbackTrigger: plan.reason, ...(verified !== undefined ? { healthChecksRun: checks.length } : {}) });
      if (ok) {
        // A rollback by hand after an aborted deploy is its recovery: the next deploy need not repeat it.
        const aborted = await pendingAbortedDeploy(context.recordsDir, options.environment, record.id);
        if (aborted) await writeRecord({ ...aborted, recovery: { at: now().toISOString(), status: 'restored', detail: `restored ${plan.to.tag} by \`shipgate rollback\``, rollbackRecord: record.files.markdown } });
      }
      if (!result.ok) throw Object.assign(new FailedError(`The rollback to ${plan.to.tag} failed: ${result.detail}`, { where: record.files.markdown, hint: 'Production may be in a mixed state: read the record and act by hand.' }), { record });
      return { plan, status: ok ? 'succeeded' : 'failed', exitCode: ok ? 0 : 1, ...(verified !== undefined ? { verified } : {}), record, ...(team ? { team } : {}) } satisfies RollbackResult;
    } finally {
      await tree.remove();
    }
  } finally {
    await unlock();
  }
}
