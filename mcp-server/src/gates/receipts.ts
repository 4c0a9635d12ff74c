/**
 * Gate receipts: the only thing `deploy` accepts as proof that the gate passed. A receipt is bound to
 * the commit, the environment, the hash of the gate skills and of the configuration, and expires
 * (default 30 minutes), and signed with the per-user key (state/signed-state.ts) in the state folder
 * outside the repository. The deployed commit may be the receipt's commit, or the release commit that
 * `bump` made directly on top of it changing only the version value and the changelog
 * (gates/release-commit.ts).
 *
 * Good: gate passes at abc123 → bump commits package.json + CHANGELOG.md → deploy accepts.
 * Bad:  deploy with a receipt for another commit, an expired one, or one issued before the gate
 *       skill changed; a tool argument saying "gate passed". All refused, nothing changed.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { statePaths } from '../project/paths.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { loadConfig } from '../config/load-config.js';
import { BlockedError, InputError, quote } from '../errors.js';
import { formatDuration } from '../util/duration.js';
import { requireValidSignature, signState } from '../state/signed-state.js';
import { ENVIRONMENT_NAME_EXPECTED, ENVIRONMENT_NAME_PATTERN } from '../config/names.js';
import { gateSettings } from './gate-settings.js';
import { gateHash, resolveGateFiles } from './load-gate-skills.js';
import { checkReleaseCommit, type VersioningFacts } from './release-commit.js';

export interface Receipt {
  v: 2;
  id: string;
  commit: string;
  environment: string;
  gateHash: string;
  configHash: string;
  issuedAt: string;
  expiresAt: string;
  checks: { id: string; status: string }[];
  /** Protection level in force when the gate passed (doctor's verdict). */
  level?: string;
  /** HMAC-SHA256 with the per-user key over everything above (state/signed-state.ts). */
  sig: string;
}

export function receiptPath(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): string {
  if (!ENVIRONMENT_NAME_PATTERN.test(environment)) throw new InputError('The environment name is not valid.', { where: 'environment', expected: ENVIRONMENT_NAME_EXPECTED, found: quote(environment, 60) });
  return join(statePaths(projectRoot, env).receipts, `${environment}.json`);
}

export interface IssueReceiptInput {
  projectRoot: string;
  environment: string;
  commit: string;
  gateHash: string;
  configHash: string;
  ttlMs: number;
  now: Date;
  checks: { id: string; status: string }[];
  level?: string;
  env?: NodeJS.ProcessEnv;
}

export async function issueReceipt(input: IssueReceiptInput): Promise<Receipt> {
  const body = {
    v: 2 as const,
    id: randomUUID(),
    commit: input.commit,
    environment: input.environment,
    gateHash: input.gateHash,
    configHash: input.configHash,
    issuedAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.ttlMs).toISOString(),
    checks: input.checks,
    ...(input.level ? { level: input.level } : {}),
  };
  const receipt: Receipt = await signState('receipt', body, input.env);
  await writeFileAtomic(receiptPath(input.projectRoot, input.environment, input.env), `${JSON.stringify(receipt, null, 2)}\n`);
  return receipt;
}

/** A gate run that blocks takes back the environment's earlier receipt: a stale pass must not deploy. */
export async function revokeReceipt(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): Promise<void> {
  await rm(receiptPath(projectRoot, environment, env), { force: true });
}

/** The stored receipt for an environment as parsed JSON (unverified), or undefined when missing. */
export async function readReceipt(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): Promise<unknown> {
  try {
    return JSON.parse(await readFile(receiptPath(projectRoot, environment, env), 'utf8')) as unknown;
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { damaged: true };
  }
}

export interface RequireReceiptInput {
  projectRoot: string;
  environment: string;
  /** The commit about to be deployed. */
  commit: string;
  now?: () => Date;
  /** When a caller names a receipt, it must be the stored one. */
  receiptId?: string;
  env?: NodeJS.ProcessEnv;
}

/** The valid receipt for this deploy, or BlockedError saying exactly why not and how to fix it. */
export async function requireReceipt(input: RequireReceiptInput): Promise<Receipt> {
  const { projectRoot, environment, commit } = input;
  const now = (input.now ?? (() => new Date()))();
  const again = `run \`shipgate gate --env ${environment}\` (or the gate_check tool) again`;
  const file = receiptPath(projectRoot, environment, input.env);
  const stored = await readReceipt(projectRoot, environment, input.env);
  if (stored === undefined) throw new BlockedError(`No gate receipt for ${environment}: the gate has not passed.`, { where: file, expected: 'a receipt written by a passing gate', hint: `${again}, fix what it reports, and deploy when it passes.` });
  await requireValidSignature('receipt', stored, { projectRoot, file, env: input.env, hint: `Receipts are written only by a passing gate: ${again}.` });
  if (!isWellFormed(stored)) throw new BlockedError('The gate receipt is damaged.', { where: file, hint: `Receipts are written only by a passing gate: ${again}.` });
  const receipt = stored;
  if (input.receiptId !== undefined && input.receiptId !== receipt.id) {
    throw new BlockedError('The receipt id given does not match the receipt the gate issued.', { expected: 'the id printed by the passing gate', found: quote(input.receiptId, 80), hint: again });
  }
  if (receipt.environment !== environment) throw new BlockedError(`The receipt is for ${quote(receipt.environment)}, not ${quote(environment)}.`, { hint: again });
  if (receipt.checks.some((c) => c.status !== 'passed')) throw new BlockedError('The receipt lists checks that did not pass.', { hint: again });
  if (Date.parse(receipt.expiresAt) <= now.getTime()) {
    throw new BlockedError(`The gate receipt expired ${formatDuration(now.getTime() - Date.parse(receipt.expiresAt))} ago (issued ${receipt.issuedAt}).`, { hint: `Receipts last ${formatDuration(Date.parse(receipt.expiresAt) - Date.parse(receipt.issuedAt))}: ${again}.` });
  }
  if (Date.parse(receipt.issuedAt) > now.getTime() + 60_000) throw new BlockedError('The gate receipt was issued in the future.', { hint: again });
  const loaded = await loadConfig(projectRoot);
  if (loaded.hash !== receipt.configHash) throw new BlockedError('The configuration changed since the receipt was issued.', { where: loaded.path ?? 'shipgate.config.yaml', hint: `${again}: the configuration changed since the gate passed.` });
  const settings = gateSettings(loaded, environment);
  const currentGateHash = gateHash(await resolveGateFiles(projectRoot, settings.gates, input.env));
  if (currentGateHash !== receipt.gateHash) throw new BlockedError('The gate skill changed since the receipt was issued.', { where: settings.gates.join(', '), hint: `${again}: the gate skill changed since the receipt was issued.` });
  if (commit === receipt.commit) return receipt;
  await requireReleaseCommitOnTop(projectRoot, receipt, commit, loaded.config.versioning, again);
  return receipt;
}

async function requireReleaseCommitOnTop(projectRoot: string, receipt: Receipt, commit: string, versioning: VersioningFacts, again: string): Promise<void> {
  const short = (sha: string) => sha.slice(0, 12);
  const verdict = await checkReleaseCommit(projectRoot, receipt.commit, commit, versioning);
  if (verdict.ok) return;
  if (verdict.reason === 'not-on-top') {
    throw new BlockedError(`The receipt is for commit ${short(receipt.commit)}, but ${short(commit)} is being deployed.`, {
      expected: `commit ${short(receipt.commit)}, or the release commit made directly on top of it`,
      hint: `${again} on ${short(commit)}.`,
    });
  }
  const other = verdict.paths;
  throw new BlockedError(`The commit on top of the gated one changes more than the version value and the changelog: ${other.slice(0, 5).join(', ')}${other.length > 5 ? ', …' : ''}.`, {
    expected: `only the version value in package.json, package-lock.json${versioning.files.length ? `, ${versioning.files.map((f) => f.path).join(', ')}` : ''}, and ${versioning.changelog} (what \`shipgate bump\` writes)`,
    hint: `${again} on ${short(commit)}: its code was never gated.`,
  });
}

function isWellFormed(value: unknown): value is Receipt {
  const r = value as Partial<Receipt>;
  return (
    r !== null && typeof r === 'object' && r.v === 2 &&
    typeof r.id === 'string' && typeof r.commit === 'string' && typeof r.environment === 'string' &&
    typeof r.gateHash === 'string' && typeof r.configHash === 'string' && typeof r.issuedAt === 'string' &&
    typeof r.expiresAt === 'string' && Array.isArray(r.checks) && typeof r.sig === 'string' &&
    r.checks.every((c) => c && typeof c.id === 'string' && typeof c.status === 'string')
  );
}
