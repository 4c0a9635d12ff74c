/**
 * Whether an environment's last deploy was aborted and is still waiting for recovery. Its own module
 * so rollback.ts can ask without importing recover-aborted.ts (which runs a rollback to recover).
 */
import { readRecords, type DeploymentRecord } from '../records/deployment-record.js';

/** The environment's latest record (other than `ignoreId`) when it is an aborted deploy nobody has recovered from yet. */
export async function pendingAbortedDeploy(recordsDir: string, environment: string, ignoreId?: string): Promise<DeploymentRecord | undefined> {
  const latest = (await readRecords(recordsDir)).filter((r) => r.environment === environment && r.id !== ignoreId).at(-1);
  return latest && latest.kind === 'deploy' && latest.status === 'aborted' && !latest.recovery ? latest : undefined;
}
