/**
 * Deploying from CI (`shipgate deploy --gate-record`): the machine that holds the production
 * credentials is not the one that ran the gate, so it has no local receipt. It accepts instead the
 * signed gate record on the team remote, under everything `verify` checks (allowed signer, exact bytes,
 * this commit or the release commit on top, this environment, all checks passed, this configuration)
 * plus what a receipt binds: the gate skill content here and now, and the environment's receiptTtl.
 * Stronger than a receipt (a signature by a listed key), never weaker; a CLI flag, not a tool argument.
 *
 * Good: laptop gates and pushes the tag; CI verifies and deploys with credentials only CI has.
 * Bad:  CI deploying a commit whose record was signed by a stranger, or is two days old.
 */
import { BlockedError } from '../errors.js';
import { loadConfig } from '../config/load-config.js';
import { gateSettings } from '../gates/gate-settings.js';
import { gateHash, resolveGateFiles } from '../gates/load-gate-skills.js';
import { formatDuration } from '../util/duration.js';
import { verifyCommit } from './verify-commit.js';
import type { Receipt } from '../gates/receipts.js';

export async function receiptFromGateRecord(input: { projectRoot: string; environment: string; commit: string; now: Date; env?: NodeJS.ProcessEnv }): Promise<Receipt> {
  const { projectRoot, environment, commit, now } = input;
  const again = `run \`shipgate gate --env ${environment}\` on ${commit.slice(0, 12)} (a machine whose key is in allowed_signers), then run this job again`;
  const verified = await verifyCommit({ projectRoot, environment, commit });
  if (!verified.ok || !verified.record) {
    throw new BlockedError(`No trusted gate record for ${environment} at ${commit.slice(0, 12)}.`, { where: `refs/shipgate/gates/${environment}/ on ${verified.remote}`, found: verified.reasons.join('; '), hint: again });
  }
  const record = verified.record;
  const loaded = await loadConfig(projectRoot);
  const settings = gateSettings(loaded, environment);
  if (gateHash(await resolveGateFiles(projectRoot, settings.gates, input.env)) !== record.gateHash) {
    throw new BlockedError('The gate skill here differs from the one the signed record passed.', { where: settings.gates.join(', '), hint: again });
  }
  const expiresAt = Date.parse(record.passedAt) + settings.receiptTtlMs;
  if (Number.isNaN(expiresAt) || expiresAt <= now.getTime()) {
    throw new BlockedError(`The signed gate record is older than the ${formatDuration(settings.receiptTtlMs)} receiptTtl (passed ${record.passedAt}).`, { where: `environments.${environment}.receiptTtl`, hint: `${again}, or raise receiptTtl if the pipeline is slow.` });
  }
  return {
    v: 2,
    id: record.receiptId,
    commit: record.commit,
    environment,
    gateHash: record.gateHash,
    configHash: record.configHash,
    issuedAt: record.passedAt,
    expiresAt: new Date(expiresAt).toISOString(),
    checks: record.checks.map((c) => ({ id: c.id, status: c.status })),
    // Never written as a receipt: it stands for the SSH-signed record verified above, not an HMAC.
    sig: `ssh-signature:${verified.signer}`,
  };
}
