/**
 * A deploy killed mid-canary leaves production serving two versions. Before the next deploy of that
 * environment changes anything, this finds the environment's latest record: when it is an aborted deploy
 * that already touched production and nobody has dealt with it, the last good release (the aborted
 * deploy's `previous`) is put back with full traffic through the on-demand rollback (which also removes
 * a canary left behind), and the aborted record says what was done (`recovery`). A first deploy has no
 * last good release: the record says so and what to check, and nothing is guessed.
 *
 * Good: killed at canary 20% → the next `shipgate deploy` first rolls back to 1.0.0 (canary gone, stable
 *       100%), then deploys; the aborted record reads "recovery: restored 1.0.0 (rollback record …)".
 * Bad:  deploying 1.2.0 as a new canary next to the dead run's canary, or silently leaving 20% on 1.1.0.
 */
import { restoreCommand, writeRecord, type DeploymentRecord } from '../records/deployment-record.js';
import { pendingAbortedDeploy } from './pending-aborted.js';

/** Step kinds that change what production serves; an aborted run that never started one changed nothing. */
const PRODUCTION_STEP_KINDS = new Set(['provider', 'traffic', 'promote']);

export async function recoverAbortedDeploy(options: { projectRoot: string; recordsDir: string; environment: string; now: () => Date; kubectl?: string }): Promise<DeploymentRecord | undefined> {
  const aborted = await pendingAbortedDeploy(options.recordsDir, options.environment);
  if (!aborted) return undefined;
  const at = options.now().toISOString();
  const touched = aborted.steps.some((step) => PRODUCTION_STEP_KINDS.has(step.kind) && step.status !== 'pending' && step.status !== 'skipped');
  if (!touched) {
    aborted.recovery = { at, status: 'not-needed', detail: 'the aborted deploy ended before it changed production' };
  } else if (!aborted.previous) {
    aborted.recovery = { at, status: 'manual', detail: `the aborted deploy was a first deploy: there is no previous version to return to; production needs attention (check it with \`shipgate health --env ${aborted.environment}\`)` };
  } else {
    const { runRollback } = await import('./rollback.js');
    try {
      const result = await runRollback({
        projectRoot: options.projectRoot,
        environment: options.environment,
        to: aborted.previous.version,
        reason: `restore ${aborted.previous.tag} after the aborted deploy ${aborted.id}`,
        now: options.now,
        ...(options.kubectl ? { kubectl: options.kubectl } : {}),
      });
      if ('dryRun' in result) throw new Error('unexpected dry run');
      aborted.recovery = {
        at,
        status: result.status === 'succeeded' ? 'restored' : 'failed',
        detail: result.status === 'succeeded' ? `restored ${aborted.previous.tag} with full traffic before the next deploy` : `put ${aborted.previous.tag} back but its health checks fail: production needs attention`,
        rollbackRecord: result.record.files.markdown,
      };
    } catch (error) {
      aborted.recovery = { at, status: 'failed', detail: `could not restore ${aborted.previous.tag} (${error instanceof Error ? error.message : String(error)}); run \`${restoreCommand(aborted)}\`` };
    }
  }
  await writeRecord(aborted);
  return aborted;
}
