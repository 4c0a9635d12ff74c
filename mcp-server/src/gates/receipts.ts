/**
 * Gate receipts: the only thing `deploy` accepts as proof that the gate passed. A receipt is bound to
 * the commit, the environment, the hash of the gate skills and of the configuration, and expires
 * (default 30 minutes). The deployed commit may be the receipt's commit, or the release commit that
 * `bump` made directly on top of it touching only version files and the changelog.
 *
 * Good: gate passes at abc123 → bump commits package.json + CHANGELOG.md → deploy accepts.
 * Bad:  deploy with a receipt for another commit, an expired one, or one issued before the gate
 *       skill changed; a tool argument saying "gate passed". All refused, nothing changed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID, createHash } from 'node:crypto';
import { statePaths, STATE_DIR } from '../project/paths.js';
import { changedPaths, commitParents } from '../project/git.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { loadConfig } from '../config/load-config.js';
import { BlockedError, InputError, quote } from '../errors.js';
import { formatDuration } from '../util/duration.js';
import { ENVIRONMENT_NAME_EXPECTED, ENVIRONMENT_NAME_PATTERN } from '../config/names.js';
import { gateSettings } from './gate-settings.js';
import { gateHash, resolveGateFiles } from './load-gate-skills.js';

export interface Receipt {
  v: 1;
  id: string;
  commit: string;
  environment: string;
  gateHash: string;
  configHash: string;
  issuedAt: string;
  expiresAt: string;
  checks: { id: string; status: string }[];
  /** sha256 over the fields above: a hand edit that forgets it is refused. */
  digest: string;
}

export function receiptPath(projectRoot: string, environment: string): string {
  if (!ENVIRONMENT_NAME_PATTERN.test(environment)) throw new InputError('The environment name is not valid.', { where: 'environment', expected: ENVIRONMENT_NAME_EXPECTED, found: quote(environment, 60) });
  return join(statePaths(projectRoot).receipts, `${environment}.json`);
}

export function receiptDigest(receipt: Omit<Receipt, 'digest'>): string {
  const { v, id, commit, environment, gateHash: g, configHash, issuedAt, expiresAt, checks } = receipt;
  return createHash('sha256').update(JSON.stringify([v, id, commit, environment, g, configHash, issuedAt, expiresAt, checks])).digest('hex');
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
}

export async function issueReceipt(input: IssueReceiptInput): Promise<Receipt> {
  const body = {
    v: 1 as const,
    id: randomUUID(),
    commit: input.commit,
    environment: input.environment,
    gateHash: input.gateHash,
    configHash: input.configHash,
    issuedAt: input.now.toISOString(),
    expiresAt: new Date(input.now.getTime() + input.ttlMs).toISOString(),
    checks: input.checks,
  };
  const receipt: Receipt = { ...body, digest: receiptDigest(body) };
  await writeFileAtomic(receiptPath(input.projectRoot, input.environment), `${JSON.stringify(receipt, null, 2)}\n`);
  return receipt;
}

/** The stored receipt for an environment, or undefined (missing or unreadable). */
export async function readReceipt(projectRoot: string, environment: string): Promise<Receipt | undefined> {
  try {
    return JSON.parse(await readFile(receiptPath(projectRoot, environment), 'utf8')) as Receipt;
  } catch (error) {
    if (error instanceof InputError) throw error;
    return undefined;
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
  const receipt = await readReceipt(projectRoot, environment);
  if (!receipt) throw new BlockedError(`No gate receipt for ${environment}: the gate has not passed.`, { where: receiptPath(projectRoot, environment), expected: 'a receipt written by a passing gate', hint: `${again}, fix what it reports, and deploy when it passes.` });
  if (!isWellFormed(receipt) || receipt.digest !== receiptDigest(receipt)) {
    throw new BlockedError('The gate receipt was edited by hand or is damaged.', { where: receiptPath(projectRoot, environment), hint: `Receipts are written only by a passing gate: ${again}.` });
  }
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

const RELEASE_FILES = ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', 'CHANGELOG.md'];

async function requireReleaseCommitOnTop(
  projectRoot: string,
  receipt: Receipt,
  commit: string,
  versioning: { changelog: string; files: { path: string }[] },
  again: string,
): Promise<void> {
  const short = (sha: string) => sha.slice(0, 12);
  const parents = await commitParents(projectRoot, commit);
  if (parents.length !== 1 || parents[0] !== receipt.commit) {
    throw new BlockedError(`The receipt is for commit ${short(receipt.commit)}, but ${short(commit)} is being deployed.`, {
      expected: `commit ${short(receipt.commit)}, or the release commit made directly on top of it`,
      hint: `${again} on ${short(commit)}.`,
    });
  }
  const allowed = new Set([...RELEASE_FILES, versioning.changelog, ...versioning.files.map((f) => f.path)].map((p) => p.replace(/^\.\//, '')));
  const changed = await changedPaths(projectRoot, receipt.commit, commit);
  const other = changed === null ? ['(git diff failed)'] : changed.filter((p) => !allowed.has(p) && !p.startsWith(`${STATE_DIR}/`));
  if (other.length) {
    throw new BlockedError(`The commit on top of the gated one changes more than version files: ${other.slice(0, 5).join(', ')}${other.length > 5 ? ', …' : ''}.`, {
      expected: `only ${[...allowed].join(', ')} or shipgate's own ${STATE_DIR}/ (what \`shipgate bump\` writes)`,
      hint: `${again} on ${short(commit)}: its code was never gated.`,
    });
  }
}

function isWellFormed(r: Partial<Receipt>): r is Receipt {
  return (
    r !== null && typeof r === 'object' && r.v === 1 &&
    typeof r.id === 'string' && typeof r.commit === 'string' && typeof r.environment === 'string' &&
    typeof r.gateHash === 'string' && typeof r.configHash === 'string' && typeof r.issuedAt === 'string' &&
    typeof r.expiresAt === 'string' && Array.isArray(r.checks) && typeof r.digest === 'string' &&
    r.checks.every((c) => c && typeof c.id === 'string' && typeof c.status === 'string')
  );
}
