/**
 * `shipgate verify`: may this commit go to this environment? Yes only when the team remote holds a gate
 * record for it that (1) is signed by a key in the repository's allowed_signers as committed in that
 * commit, (2) is byte-for-byte what was signed, (3) names this commit and environment, (4) lists only
 * passed checks, and (5) was made with the configuration this commit carries. The release commit that
 * `shipgate bump` puts on top of a gated commit (version files and changelog only) is covered by the
 * gated commit's record, as deploy's receipts allow. Every "no" comes with its reason; nothing here
 * trusts the working tree or local state.
 *
 * Good: CI runs `shipgate verify --env production --commit $GITHUB_SHA` before its deploy job.
 * Bad:  a laptop-only receipt, an unsigned record, a record signed by a stranger, an edited record.
 */
import { gitLocal, readBlobs } from './git-remote.js';
import { readAllowedSigners } from './allowed-signers.js';
import { fetchGateRecords, type GateRecord } from './signed-gate-record.js';
import { verifySignedJson } from './signed-json.js';
import { remoteContext, teamConfigOrDefaults } from './team-settings.js';
import { CONFIG_FILE_NAMES, parseConfigText, sha256 } from '../config/load-config.js';
import { commitParents } from '../project/git.js';
import { checkReleaseCommit, type VersioningFacts } from '../gates/release-commit.js';
import { ShipgateError } from '../errors.js';

export interface VerifyInput {
  projectRoot: string;
  environment: string;
  /** A commit-ish; default HEAD. */
  commit?: string;
}

export interface VerifyResult {
  ok: boolean;
  environment: string;
  commit: string;
  /** The commit whose gate record covers `commit` (itself, or the gated commit below a release commit). */
  gatedCommit?: string;
  signer?: string;
  record?: GateRecord;
  reasons: string[];
  remote: string;
}

export async function verifyCommit(input: VerifyInput): Promise<VerifyResult> {
  const { projectRoot, environment } = input;
  const team = await teamConfigOrDefaults(projectRoot);
  const wanted = input.commit ?? 'HEAD';
  const base: VerifyResult = { ok: false, environment, commit: wanted, reasons: [], remote: team.remote };
  const resolved = await gitLocal(projectRoot, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${wanted}^{commit}`]);
  const commit = resolved.stdout.trim();
  if (resolved.exitCode !== 0 || !commit) return { ...base, reasons: [`${wanted} is not a commit in this repository (fetch it first, e.g. actions/checkout with fetch-depth: 2)`] };
  base.commit = commit;
  let lookup: Awaited<ReturnType<typeof fetchGateRecords>>;
  try {
    lookup = await fetchGateRecords(remoteContext(projectRoot, team), environment);
  } catch (error) {
    if (error instanceof ShipgateError) return { ...base, reasons: [error.describe()] };
    throw error;
  }
  const [configText, configName] = await configAt(projectRoot, commit);
  let gatedCommit = commit;
  let document = await lookup(commit);
  if (!document) {
    const below = await releaseBase(projectRoot, commit, configText, configName);
    if (below.base) {
      gatedCommit = below.base;
      document = await lookup(below.base);
    }
    if (!document) {
      return { ...base, reasons: [`no gate record for ${environment} at ${commit.slice(0, 12)} on ${team.remote}${below.why ? ` (${below.why})` : ''}: run \`shipgate gate --env ${environment}\` on this commit with a team: section configured`] };
    }
  }
  const result: VerifyResult = { ...base, gatedCommit };
  const signers = await readAllowedSigners(projectRoot, commit, team.allowedSigners);
  if (!signers) return { ...result, reasons: [`${team.allowedSigners} is missing or empty in commit ${commit.slice(0, 12)}: nobody is allowed to sign gate records`] };
  const signature = await verifySignedJson(projectRoot, document, signers);
  if (!signature.ok) return { ...result, reasons: [`the gate record is not trusted: ${signature.detail}`] };
  result.signer = signature.principal;
  let record: GateRecord;
  try {
    record = JSON.parse(document.text) as GateRecord;
  } catch {
    return { ...result, reasons: ['the gate record is not valid JSON'] };
  }
  result.record = record;
  const reasons: string[] = [];
  if (record.kind !== 'gate' || record.v !== 1) reasons.push('the signed document is not a gate record');
  if (record.commit !== gatedCommit) reasons.push(`the gate record is for commit ${String(record.commit).slice(0, 12)}, not ${gatedCommit.slice(0, 12)}`);
  if (record.environment !== environment) reasons.push(`the gate record is for ${JSON.stringify(record.environment)}, not ${JSON.stringify(environment)}`);
  const checks = Array.isArray(record.checks) ? record.checks : [];
  if (!checks.length) reasons.push('the gate record lists no checks');
  const failed = checks.filter((c) => c.status !== 'passed').map((c) => `${c.id} (${c.status})`);
  if (failed.length) reasons.push(`checks that did not pass: ${failed.join(', ')}`);
  if (record.configHash !== sha256(configText ?? '')) reasons.push(`the gate ran with another configuration than ${configName ?? 'the (absent) shipgate.config.yaml'} in this commit`);
  return { ...result, ok: reasons.length === 0, reasons };
}

async function configAt(projectRoot: string, commit: string): Promise<[string | undefined, string | undefined]> {
  const texts = await readBlobs(projectRoot, CONFIG_FILE_NAMES.map((n) => `${commit}:${n}`));
  const index = texts.findIndex((t) => t !== undefined);
  return index < 0 ? [undefined, undefined] : [texts[index], CONFIG_FILE_NAMES[index]];
}

/**
 * The gated commit below a release commit, else why not. The allowance is exactly deploy's
 * (gates/release-commit.ts): only the configured version values and the changelog may differ.
 */
async function releaseBase(projectRoot: string, commit: string, configText: string | undefined, configName: string | undefined): Promise<{ base?: string; why?: string }> {
  const parents = await commitParents(projectRoot, commit);
  if (parents.length !== 1) return {};
  const parent = parents[0]!;
  let versioning: VersioningFacts = { changelog: 'CHANGELOG.md', files: [] };
  try {
    if (configText !== undefined && configName) versioning = parseConfigText(configText, configName).versioning;
  } catch {
    return { why: `${configName} in this commit does not parse` };
  }
  const verdict = await checkReleaseCommit(projectRoot, parent, commit, versioning);
  if (verdict.ok) return { base: parent };
  return { why: `it changes more than the version values on top of ${parent.slice(0, 12)}: ${verdict.paths.slice(0, 3).join(', ')}` };
}
