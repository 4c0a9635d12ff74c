/**
 * The team-level proof that a commit passed its gate: when `shipgate gate` passes (and the project has
 * a `team:` section) the result is written as a JSON record, signed with the user's SSH key, and
 * pushed to `refs/shipgate/gates/<env>/<commit>` on the team remote. A CI job fetches it and checks it
 * with `shipgate verify`; nobody commits anything by hand. Re-gating the same commit replaces the
 * record (it is signed data, not a lock).
 *
 * Good: gate passes on laptop → record pushed → CI `shipgate verify --commit $SHA` exits 0.
 * Bad:  a record edited after signing, or signed by a key outside allowed_signers → verify exits 1.
 */
import { hostname } from 'node:os';
import { FailedError, ShipgateError, quote } from '../errors.js';
import { fetchArea, gitIdentity, pushRef, readRef, writeFilesCommit, type RemoteContext } from './git-remote.js';
import { readSignedJson, signJson, type SignedJson } from './signed-json.js';
import { resolveSigningKey } from './ssh-signature.js';
import { remoteContext } from './team-settings.js';
import type { TeamConfig } from '../config/team-schema.js';

export interface GateRecordCheck {
  id: string;
  status: string;
  decider?: string;
  verifyKind?: string;
  attestation?: { by: string; at: string; evidence: string };
}

export interface GateRecord {
  v: 1;
  kind: 'gate';
  environment: string;
  commit: string;
  gateFiles: string[];
  gateHash: string;
  configHash: string;
  receiptId: string;
  passedAt: string;
  checks: GateRecordCheck[];
  signer: { name: string; email: string; host: string };
}

/** What the gate run hands over: its passing result and receipt, shaped without importing gates/. */
export interface PassedGate {
  environment: string;
  commit: string;
  gateFiles: string[];
  checks: GateRecordCheck[];
  receipt: { id: string; issuedAt: string; gateHash: string; configHash: string };
}

export function gateRecordRef(environment: string, commit: string): string {
  return `refs/shipgate/gates/${environment}/${commit}`;
}

export function buildGateRecord(gate: PassedGate, signer: GateRecord['signer']): GateRecord {
  return {
    v: 1,
    kind: 'gate',
    environment: gate.environment,
    commit: gate.commit,
    gateFiles: gate.gateFiles,
    gateHash: gate.receipt.gateHash,
    configHash: gate.receipt.configHash,
    receiptId: gate.receipt.id,
    passedAt: gate.receipt.issuedAt,
    checks: gate.checks.map((c) => ({ id: c.id, status: c.status, ...(c.decider ? { decider: c.decider } : {}), ...(c.verifyKind ? { verifyKind: c.verifyKind } : {}), ...(c.attestation ? { attestation: c.attestation } : {}) })),
    signer,
  };
}

/** Sign and push the record of a passing gate; returns the ref it was published at. */
export async function publishGateRecord(projectRoot: string, team: TeamConfig, gate: PassedGate): Promise<string> {
  const ctx = remoteContext(projectRoot, team);
  const key = await resolveSigningKey(projectRoot, team.signingKey);
  const record = buildGateRecord(gate, { ...(await gitIdentity(projectRoot)), host: hostname() });
  const commit = await writeFilesCommit(projectRoot, await signJson(projectRoot, key, record), `shipgate gate ${gate.environment} passed at ${gate.commit.slice(0, 12)}`);
  const ref = gateRecordRef(gate.environment, gate.commit);
  const pushed = await pushRef(ctx, ref, commit, { force: true });
  if (!pushed.ok) throw new FailedError(`The team remote ${quote(team.remote)} refused the gate record.`, { where: ref, found: pushed.reason, hint: 'Check that you may push refs/shipgate/* to the remote.' });
  return ref;
}

/** The signed gate records of an environment, fetched from the remote: commit → document. */
export async function fetchGateRecords(ctx: RemoteContext, environment: string): Promise<(commit: string) => Promise<SignedJson | undefined>> {
  await fetchArea(ctx, `gates/${environment}`);
  return async (commit) => {
    const sha = await readRef(ctx.projectRoot, gateRecordRef(environment, commit));
    return sha ? readSignedJson(ctx.projectRoot, sha) : undefined;
  };
}

/**
 * For the gate run: publish, but never turn a passed gate into a failure. The local receipt stands;
 * what went wrong is reported so the user can fix it before CI asks `verify`.
 */
export async function publishPassedGate(projectRoot: string, team: TeamConfig, gate: PassedGate): Promise<{ published: string } | { warning: string }> {
  try {
    return { published: await publishGateRecord(projectRoot, team, gate) };
  } catch (error) {
    const text = error instanceof ShipgateError ? error.describe() : String(error);
    return { warning: `The gate record was not published to ${team.remote}, so \`shipgate verify\` will refuse this commit: ${text}` };
  }
}
