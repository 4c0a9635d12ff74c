/**
 * The one entry point the CLI (`shipgate bump`) and the MCP tool (`version_bump`) share:
 * repair an interrupted release → plan → (dry run: return the plan) → refuse or apply → learnings.
 * Learnings never fail a release: recordRun errors are reported as a warning only. One bump per
 * repository at a time: the run holds `<state>/locks/release.lock` (util/file-lock.ts), so a journal it
 * finds belongs to a run that ended (killed, or a zombie nobody reaped) and is repaired, and a second
 * bump while one runs is refused naming it.
 */
import { join } from 'node:path';
import { BlockedError, ConflictError } from '../errors.js';
import { statePaths } from '../project/paths.js';
import { acquireFileLock } from '../util/file-lock.js';
import { recordRun } from '../learnings/record-run.js';
import type { RunSignals } from '../learnings/signals.js';
import { applyRelease, type AppliedRelease } from './apply-release.js';
import { planRelease, type PlanOptions, type ReleasePlan } from './plan-release.js';
import { recoverInterruptedRelease, type Recovery } from './recover-release.js';

export interface BumpOptions extends PlanOptions {
  dryRun: boolean;
  env?: NodeJS.ProcessEnv;
  /** Skip the learnings store (tests of other parts). Default false. */
  skipLearnings?: boolean;
}

export interface BumpResult {
  ok: boolean;
  dryRun: boolean;
  /** Nothing to release: no releasable commits and no explicit level. */
  nothingToRelease: boolean;
  plan: ReleasePlan;
  applied: AppliedRelease | null;
  recovery: Recovery | null;
  warnings: string[];
}

export async function runBump(root: string, options: BumpOptions): Promise<BumpResult> {
  const lockFile = join(statePaths(root).locks, 'release.lock');
  const release = await acquireFileLock(lockFile, {
    operation: 'shipgate bump',
    timeoutMs: 0,
    now: () => options.now,
    busy: (holder) =>
      new ConflictError(`Another \`shipgate bump\`${holder ? ` (pid ${holder.pid}, started ${holder.startedAt})` : ''} is releasing right now.`, {
        where: lockFile,
        expected: 'one release at a time in this repository',
        hint: `Wait for it to finish. If no shipgate process is running, delete ${lockFile} and run again.`,
      }),
  });
  try {
    return await bumpLocked(root, options);
  } finally {
    await release();
  }
}

async function bumpLocked(root: string, options: BumpOptions): Promise<BumpResult> {
  const warnings: string[] = [];
  const recovery = await recoverInterruptedRelease(root, { dryRun: options.dryRun });
  const plan = await planRelease(root, options);
  // Seed 003: staging approval is verified BEFORE the version is bumped and tagged.
  const { unmetPromotionPrerequisites } = await import('../gates/promotion-prerequisites.js');
  for (const unmet of await unmetPromotionPrerequisites(root, { now: () => options.now, env: options.env })) {
    plan.refusals.push({
      id: 'promotion-prerequisite',
      message: `${unmet.checkId} (${unmet.gate}): ${unmet.message}`,
      hint: unmet.checkId === 'staging_validation_approved' ? 'Complete the staging validation first (/validate-staging sets manual_gates.staging_validation.status: approved), then release.' : 'Meet the production gate prerequisite named above, then release.',
    });
  }
  if (recovery?.action === 'needs-repair') {
    plan.refusals.unshift({ id: 'interrupted-release', message: recovery.message, hint: 'Run `shipgate bump` without --dry-run to repair it.' });
  }
  const result: BumpResult = { ok: recovery?.action !== 'needs-repair', dryRun: options.dryRun, nothingToRelease: plan.nextVersion === null, plan, applied: null, recovery, warnings };
  const tooSmall = plan.refusals.some((refusal) => refusal.id === 'bump-too-small');
  if (plan.nextVersion === null) return result;
  if (options.dryRun) {
    result.ok = result.ok && plan.refusals.length === 0;
    return result;
  }
  if (plan.refusals.length) {
    if (tooSmall) await learn(root, options, warnings, { phase: 'bump', outcome: 'blocked', version: plan.nextVersion, commit: plan.head ?? undefined, bumpImplied: plan.implied, bumpChosen: plan.chosen });
    const [first, ...rest] = plan.refusals;
    throw new BlockedError(`Release refused: ${plan.refusals.map((refusal) => refusal.message).join(' ')}`, {
      where: root,
      expected: 'a clean, attached, up-to-date branch, a version that is not released yet and met promotion prerequisites (staging approval)',
      hint: [first, ...rest].map((refusal) => refusal?.hint).join(' '),
    });
  }
  result.applied = await applyRelease(plan, { env: options.env, now: () => options.now });
  await learn(root, options, warnings, {
    phase: 'bump',
    outcome: 'succeeded',
    version: plan.nextVersion,
    commit: result.applied.commit,
    bumpImplied: plan.implied,
    bumpChosen: plan.chosen,
  });
  return result;
}

async function learn(root: string, options: BumpOptions, warnings: string[], signals: RunSignals): Promise<void> {
  if (options.skipLearnings) return;
  try {
    await recordRun(root, signals, { now: () => options.now, onWarning: (message) => warnings.push(message) });
  } catch (error) {
    warnings.push(`learnings not updated: ${(error as Error).message}`);
  }
}
