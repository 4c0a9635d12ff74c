/**
 * The team's deployment history: every deploy and rollback appends a signed entry (version, commit,
 * environment, result, record path, who) to the chain `refs/shipgate/history/<env>` on the team remote.
 * Appending is compare-and-swap on the chain's tip, retried when another machine appended first, so no
 * entry is lost and none is overwritten. Readers verify each entry against the working tree's
 * allowed_signers (team/allowed-signers.ts); only trusted entries count as "versions that served" for a
 * rollback on any machine.
 *
 * Good: Ada deploys 1.3.0 on her laptop; Bo's `shipgate rollback` goes to 1.1.0, which served before.
 * Bad:  an entry pushed with a stranger's key (or none) claiming 1.2.0 served: listed as untrusted, never a target.
 */
import { hostname } from 'node:os';
import { relative } from 'node:path';
import { ConflictError, ShipgateError, quote } from '../errors.js';
import { chainCommits, fetchArea, gitIdentity, pushRef, readBlobs, readRef, writeFilesCommit, type RemoteContext } from './git-remote.js';
import { readWorkingAllowedSigners } from './allowed-signers.js';
import { RECORD_FILE, SIGNATURE_FILE, signJson, verifySignedJson } from './signed-json.js';
import { resolveSigningKey } from './ssh-signature.js';
import { remoteContext } from './team-settings.js';
import type { TeamConfig } from '../config/team-schema.js';

export interface HistoryEntry {
  v: 1;
  kind: 'deploy' | 'rollback';
  environment: string;
  version: string;
  tag: string;
  commit: string;
  /** The record's final status: succeeded, rolled_back, failed, aborted. */
  result: string;
  previous?: { version: string; tag: string; sha: string };
  /** The deployment record, relative to the project root (committed by the team as usual). */
  record: string;
  recordId: string;
  startedAt: string;
  at: string;
  by: { name: string; email: string; host: string };
}

export interface TeamHistoryEntry extends HistoryEntry {
  trusted: boolean;
  /** Who signed it (allowed_signers principal), when trusted. */
  signer?: string;
  problem?: string;
}

/** The fields of a finished deployment record that the history needs (records/ stays independent). */
export interface FinishedRecord {
  id: string;
  kind: 'deploy' | 'rollback';
  status: string;
  environment: string;
  version: string;
  tag: string;
  commit: string;
  previous?: { version: string; tag: string; sha: string };
  startedAt: string;
  finishedAt?: string;
  files: { markdown: string };
}

const ATTEMPTS = 6;
const READ_LIMIT = 100;

export function historyRef(environment: string): string {
  return `refs/shipgate/history/${environment}`;
}

export async function publishHistoryEntry(projectRoot: string, team: TeamConfig, record: FinishedRecord, now = new Date()): Promise<HistoryEntry> {
  const ctx = remoteContext(projectRoot, team);
  const key = await resolveSigningKey(projectRoot, team.signingKey);
  const entry: HistoryEntry = {
    v: 1,
    kind: record.kind,
    environment: record.environment,
    version: record.version,
    tag: record.tag,
    commit: record.commit,
    result: record.status,
    ...(record.previous ? { previous: record.previous } : {}),
    record: relative(projectRoot, record.files.markdown),
    recordId: record.id,
    startedAt: record.startedAt,
    at: record.finishedAt ?? now.toISOString(),
    by: { ...(await gitIdentity(projectRoot)), host: hostname() },
  };
  const files = await signJson(projectRoot, key, entry);
  const ref = historyRef(record.environment);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    await fetchArea(ctx, 'history');
    const tip = await readRef(projectRoot, ref);
    const commit = await writeFilesCommit(projectRoot, files, `shipgate ${entry.kind} ${entry.environment} ${entry.tag}: ${entry.result}`, tip ?? undefined);
    if ((await pushRef(ctx, ref, commit, { expect: tip })).ok) return entry;
  }
  throw new ConflictError(`Could not append to the ${record.environment} history on ${quote(team.remote)}: it kept moving.`, { where: ref, hint: 'Many machines are publishing at once; the local record is written. Run the command again later.' });
}

/**
 * For deploy and rollback: publish, but never change their result. The outcome already happened; a
 * failure to tell the team is reported so the user can act (the local record is complete).
 */
export type TeamPublication = { published: string } | { warning: string };

export async function publishOutcome(projectRoot: string, team: TeamConfig | undefined, record: FinishedRecord): Promise<TeamPublication | undefined> {
  if (!team) return undefined;
  try {
    await publishHistoryEntry(projectRoot, team, record);
    return { published: historyRef(record.environment) };
  } catch (error) {
    const text = error instanceof ShipgateError ? error.describe() : String(error);
    return { warning: `The ${record.kind} was not added to the team history on ${team.remote}: other machines will not know it served. ${text}` };
  }
}

/** The team's history of an environment, oldest first, each entry checked against the working tree's allowed_signers. */
export async function readTeamHistory(projectRoot: string, team: TeamConfig, environment: string, ctx: RemoteContext = remoteContext(projectRoot, team)): Promise<TeamHistoryEntry[]> {
  await fetchArea(ctx, 'history');
  const tip = await readRef(projectRoot, historyRef(environment));
  if (!tip) return [];
  // The working-tree file, not HEAD's: see team/allowed-signers.ts for why.
  const signers = await readWorkingAllowedSigners(projectRoot, team.allowedSigners);
  const entries: TeamHistoryEntry[] = [];
  const commits = (await chainCommits(projectRoot, tip, READ_LIMIT)).reverse();
  const blobs = await readBlobs(projectRoot, commits.flatMap((c) => [`${c}:${RECORD_FILE}`, `${c}:${SIGNATURE_FILE}`]));
  for (let i = 0; i < commits.length; i += 1) {
    const text = blobs[2 * i];
    const signature = blobs[2 * i + 1];
    if (text === undefined) continue;
    const document = { text, ...(signature !== undefined ? { signature } : {}) };
    let entry: HistoryEntry;
    try {
      entry = JSON.parse(text) as HistoryEntry;
    } catch {
      continue;
    }
    if (!isEntry(entry) || entry.environment !== environment) continue;
    const check = signers ? await verifySignedJson(projectRoot, document, signers) : { ok: false as const, detail: `${team.allowedSigners} is missing` };
    entries.push(check.ok ? { ...entry, trusted: true, signer: check.principal } : { ...entry, trusted: false, problem: check.detail });
  }
  return entries;
}

function isEntry(e: Partial<HistoryEntry>): e is HistoryEntry {
  return e !== null && typeof e === 'object' && e.v === 1 && (e.kind === 'deploy' || e.kind === 'rollback') && typeof e.version === 'string' && typeof e.tag === 'string' && typeof e.commit === 'string' && typeof e.result === 'string' && typeof e.at === 'string' && !Number.isNaN(Date.parse(e.at));
}
