/**
 * Human attestations: a named person confirms a check that a machine cannot decide ("recent commits
 * reviewed", "deploy outside the window: hotfix for incident 42"). Each is one signed JSON line in the
 * state folder's `attestations.jsonl` (outside the repository) with who, when, the evidence, the commit
 * and the environment, appended under a lock. An attestation counts for the commit it was given for
 * and, like a receipt, for the release commit `bump` makes on top of it (gates/release-commit.ts), so
 * a release does not need its human attestations twice. A line without a valid signature (appended by
 * hand, `node -e`, a merge) never counts and is written to the run log.
 *
 * Good: `shipgate attest code_review --by "Ada" --evidence "PR #12 approved by Ada and Bo"` in a terminal,
 *       or the MCP client's elicitation form answered by the human.
 * Bad:  a tool argument `confirmed: true` written by the model. That is not an attestation.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { statePaths } from '../project/paths.js';
import { commitParents, headCommit } from '../project/git.js';
import { InputError, quote } from '../errors.js';
import { withFileLock } from '../util/file-lock.js';
import { hasValidSignature, signState } from '../state/signed-state.js';
import { appendRunLog } from '../state/run-log.js';
import { checkReleaseCommit, type VersioningFacts } from './release-commit.js';
import { ENVIRONMENT_NAME_EXPECTED, ENVIRONMENT_NAME_PATTERN } from '../config/names.js';
import { describeFreeText, freeTextProblem, type FreeTextRule } from '../config/free-text.js';

export interface Attestation {
  v: 1;
  id: string;
  environment: string;
  checkId: string;
  commit: string;
  by: string;
  evidence: string;
  /** ISO timestamp. */
  at: string;
  via: 'cli' | 'elicitation' | 'api';
  sig?: string;
}

export const CHECK_ID_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;
export const MAX_BY = 100;
export const MAX_EVIDENCE = 2_000;
/** Built-in check id that overrides a denied deployment window. */
export const WINDOW_OVERRIDE_CHECK = 'deploy_window_override';

export interface RecordAttestationInput {
  projectRoot: string;
  environment: string;
  checkId: string;
  by: string;
  evidence: string;
  now?: () => Date;
  via?: Attestation['via'];
  /** Defaults to HEAD. */
  commit?: string;
  env?: NodeJS.ProcessEnv;
}

/** Validate the human-supplied fields; throws InputError naming the argument. */
export function validateAttestationInput(input: { environment: string; checkId: string; by: string; evidence: string }): void {
  checkPattern('check id', input.checkId, CHECK_ID_PATTERN, 'snake_case, starting with a letter, at most 64 characters, like "code_review"');
  checkPattern('environment', input.environment, ENVIRONMENT_NAME_PATTERN, ENVIRONMENT_NAME_EXPECTED);
  checkText('by', input.by, { max: MAX_BY, multiline: false }, 'the name of the person attesting, like "Ada Lovelace"');
  checkText('evidence', input.evidence, { max: MAX_EVIDENCE, multiline: true }, 'what was checked and where the proof is, like "PR #12 approved"');
}

function checkPattern(name: string, value: string, pattern: RegExp, expected: string): void {
  if (typeof value !== 'string' || !pattern.test(value)) {
    throw new InputError(`The ${name} is not valid.`, { where: name, expected, found: quote(String(value), 80) });
  }
}

/** The shared free-text rule (config/free-text.ts), with the field's own example in the expectation. */
function checkText(name: string, value: string, rule: FreeTextRule, expected: string): void {
  const problem = typeof value === 'string' ? freeTextProblem(value, rule) : `is ${typeof value}, not text`;
  if (problem) {
    throw new InputError(`The ${name} is not valid: it ${problem}.`, {
      where: name,
      expected: `${expected}; ${describeFreeText(rule)}`,
      found: typeof value === 'string' ? `${value.length} characters: ${quote(value, 60)}` : typeof value,
    });
  }
}

export async function recordAttestation(input: RecordAttestationInput): Promise<Attestation> {
  validateAttestationInput(input);
  const now = input.now ?? (() => new Date());
  const commit = input.commit ?? (await headCommit(input.projectRoot));
  const body: Attestation = {
    v: 1,
    id: randomUUID(),
    environment: input.environment,
    checkId: input.checkId,
    commit,
    by: input.by.trim(),
    evidence: input.evidence.trim(),
    at: now().toISOString(),
    via: input.via ?? 'api',
  };
  const attestation = await signState('attestation', body, input.env);
  const file = statePaths(input.projectRoot, input.env).attestations;
  await mkdir(statePaths(input.projectRoot, input.env).base, { recursive: true, mode: 0o700 });
  await withFileLock(`${file}.lock`, () => appendFile(file, `${JSON.stringify(attestation)}\n`, { encoding: 'utf8' }), { operation: 'attestation' });
  return attestation;
}

export interface FindAttestationInput {
  projectRoot: string;
  environment: string;
  checkId: string;
  commit: string;
  now?: () => Date;
  /** Milliseconds; older attestations do not count. */
  maxAgeMs?: number;
  /** With it, an attestation for the gated commit also counts for the release commit on top. */
  versioning?: VersioningFacts;
  env?: NodeJS.ProcessEnv;
}

/** The newest attestation for this check, environment and commit (and younger than maxAgeMs). */
export async function findAttestation(input: FindAttestationInput): Promise<Attestation | undefined> {
  const { attestations: all } = await readAttestations(input.projectRoot, input.env);
  const nowMs = (input.now ?? (() => new Date()))().getTime();
  const releaseCommitOf = new Map<string, boolean>();
  let parent: string | undefined;
  for (let i = all.length - 1; i >= 0; i -= 1) {
    const a = all[i]!;
    if (a.environment !== input.environment || a.checkId !== input.checkId) continue;
    const at = Date.parse(a.at);
    if (!Number.isFinite(at)) continue;
    if (input.maxAgeMs !== undefined && nowMs - at > input.maxAgeMs) continue;
    if (a.commit === input.commit) return a;
    if (!input.versioning) continue;
    // Only the single parent of the commit can be "the gated commit under a release commit": one git
    // question for the parent, and the full check only for attestations given for it.
    parent ??= await commitParents(input.projectRoot, input.commit).then((parents) => (parents.length === 1 ? parents[0]! : ''));
    if (a.commit !== parent) continue;
    if (!releaseCommitOf.has(a.commit)) releaseCommitOf.set(a.commit, (await checkReleaseCommit(input.projectRoot, a.commit, input.commit, input.versioning)).ok);
    if (releaseCommitOf.get(a.commit)) return a;
  }
  return undefined;
}

export interface AttestationLog {
  attestations: Attestation[];
  /** 1-based line numbers that were refused (unsigned, forged, malformed). */
  refusedLines: number[];
  file: string;
}

/**
 * Every signed, well-formed line. A line without a valid signature is refused (never fatal: the check
 * simply stays open) and logged in the run log with the file and line.
 */
export async function readAttestations(projectRoot: string, env?: NodeJS.ProcessEnv): Promise<AttestationLog> {
  const file = statePaths(projectRoot, env).attestations;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { attestations: [], refusedLines: [], file };
  }
  const attestations: Attestation[] = [];
  const refusedLines: number[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (!line.trim()) continue;
    let value: Partial<Attestation> | undefined;
    try {
      value = JSON.parse(line) as Partial<Attestation>;
    } catch {
      value = undefined;
    }
    const wellFormed = value && typeof value.checkId === 'string' && typeof value.commit === 'string' && typeof value.environment === 'string' && typeof value.by === 'string' && typeof value.at === 'string';
    if (wellFormed && (await hasValidSignature('attestation', value, env))) attestations.push(value as Attestation);
    else refusedLines.push(index + 1);
  }
  if (refusedLines.length) {
    await appendRunLog(projectRoot, { event: 'state-refused', file, reason: `attestation line${refusedLines.length > 1 ? 's' : ''} ${refusedLines.join(', ')} without a valid signature` }, env);
  }
  return { attestations, refusedLines, file };
}
