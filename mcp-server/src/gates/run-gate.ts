/**
 * The gate engine: loads the gate skill(s) configured for an environment and runs every check of their
 * safety gates in document order. Blocking gates fail fast by default (later checks are `skipped`;
 * `all` runs everything); advisory failures are reported but never block. A run where every blocking
 * check passed issues a signed receipt bound to the commit, the gate skills and the configuration; a
 * run that blocks revokes the environment's earlier receipt. The gate refuses a working tree that
 * differs from the commit (project/working-tree.ts), and when the gate itself differs from the one the
 * last successful deploy used, a human must attest `gate_changed` first (gates/gate-fingerprint.ts).
 *
 * The clean-tree verdict (one git status, a process spawn: the largest fixed cost of a gate) is
 * computed beside the work instead of before it: git starts first, command checks run meanwhile, and
 * a dirty tree stops them and throws before any receipt or learnings event. Nothing that asks a human
 * or looks outside (attestations, verify kinds) starts before the verdict is in.
 *
 * Good: `npm test` exits 1 in a blocking gate → ok=false, blockedBy=["tests_pass"], no receipt.
 * Bad:  a gate with no blocking checks passing "vacuously": it blocks and says the gate is empty.
 */
import { loadConfig, type LoadedConfig } from '../config/load-config.js';
import { headCommit } from '../project/git.js';
import { runScript } from '../exec/run.js';
import { projectCommandConfinement } from '../protection/command-confinement.js';
import { BlockedError } from '../errors.js';
import type { GateCheck, SafetyGate } from '../skill/model.js';
import { gateSettings } from './gate-settings.js';
import { gateHash, parseGateFiles, resolveGateFiles } from './load-gate-skills.js';
import { issueReceipt, revokeReceipt, type Receipt } from './receipts.js';
import { beginCleanTreeCheck } from '../project/working-tree.js';
import { GATE_CHANGED_CHECK, gateChanged, gateFingerprint, summarizeGateChange } from './gate-fingerprint.js';
import { outputTail, secretEnvValues } from './redact-secrets.js';
import { resolveAttestation, type Elicit } from './resolve-attestation.js';
import { verifyKinds } from './verify/index.js';
import { DEFAULT_COMMAND_TIMEOUT_MS } from './verify/command.js';
import type { VerifyContext, VerifyOutcome } from './verify/verify-kind.js';

export type CheckStatus = 'passed' | 'failed' | 'needs_attestation' | 'skipped' | 'error';

export interface CheckResult {
  id: string;
  /** The gate skill file (display path) the check comes from. */
  gate: string;
  type: 'blocking' | 'advisory';
  decider: 'command' | 'verify' | 'attestation';
  verifyKind?: string;
  status: CheckStatus;
  message: string;
  durationMs: number;
  outputTail?: string;
  attestation?: { by: string; at: string; evidence: string };
  /** 1-based line of the check in its gate skill. */
  line: number;
}

export interface GateProgress {
  checkId: string;
  index: number;
  total: number;
  status: CheckStatus | 'running';
  message: string;
}

export interface GateRunOptions {
  projectRoot: string;
  environment: string;
  all?: boolean;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?: (event: GateProgress) => void;
  elicit?: Elicit;
  env?: NodeJS.ProcessEnv;
}

export interface GateRunResult {
  ok: boolean;
  environment: string;
  commit: string;
  gateFiles: string[];
  checks: CheckResult[];
  blockedBy: string[];
  receipt?: Receipt;
  durationMs: number;
  needsAttestation: { checkId: string; prompt: string }[];
  /** With a `team:` section: where the signed gate record was published, or why it was not. */
  team?: { published: string } | { warning: string };
}

interface PlannedCheck {
  check: GateCheck;
  gate: SafetyGate;
  file: string;
}

export async function runGate(options: GateRunOptions): Promise<GateRunResult> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const processEnv = options.env ?? process.env;
  // The reads go out first: the file system works on them while spawning git holds this thread.
  const inputs = Promise.all([loadConfig(options.projectRoot), headCommit(options.projectRoot, options.signal)]);
  // Not the caller's signal: a cancel ends the checks and reports `cancelled`, never "git status failed".
  const treeVerdict = beginCleanTreeCheck(options.projectRoot, `gate ${options.environment}`);
  const [loaded, commit] = await inputs;
  // The checks' own signal: the caller's, or a dirty tree found while they run.
  const stopChecks = new AbortController();
  const stop = () => stopChecks.abort();
  if (options.signal?.aborted) stop();
  else options.signal?.addEventListener('abort', stop, { once: true });
  const dirtyTree = treeVerdict(loaded.config).then(
    () => undefined,
    (error: unknown) => {
      stop();
      return error;
    },
  );
  /** Throws (after taking back the earlier receipt) when the tree differs from the commit. */
  const requireCleanTree = async () => {
    const error = await dirtyTree;
    if (error === undefined) return;
    await revokeReceipt(options.projectRoot, options.environment);
    throw error;
  };
  try {
    return await runChecks(options, { loaded, commit, signal: stopChecks.signal, requireCleanTree, started, now, processEnv });
  } finally {
    options.signal?.removeEventListener('abort', stop);
  }
}

interface GateInputs {
  loaded: LoadedConfig;
  commit: string;
  /** Aborted by the caller or by a dirty tree. */
  signal: AbortSignal;
  requireCleanTree: () => Promise<void>;
  started: number;
  now: () => Date;
  processEnv: NodeJS.ProcessEnv;
}

async function runChecks(options: GateRunOptions, inputs: GateInputs): Promise<GateRunResult> {
  const { loaded, commit, signal, requireCleanTree, started, now, processEnv } = inputs;
  const settings = gateSettings(loaded, options.environment);
  // Independent reads side by side: the environment's signed state, the settings files that decide
  // confinement, and the gate skills.
  const lastDeployedGate = import('../state/deploy-state.js').then(async ({ readEnvironmentState }) => (await readEnvironmentState(options.projectRoot, options.environment)).gate);
  const confine = projectCommandConfinement(options.projectRoot, loaded.config, processEnv);
  lastDeployedGate.catch(() => undefined);
  confine.catch(() => undefined);
  const files = await resolveGateFiles(options.projectRoot, settings.gates, processEnv);
  const documents = await parseGateFiles(files);
  const fingerprint = gateFingerprint({ gateHash: gateHash(files), configHash: loaded.hash, files, documents, config: loaded.config });
  const lastDeployed = await lastDeployedGate;
  const changeSummary = lastDeployed && gateChanged(lastDeployed, fingerprint) ? summarizeGateChange(lastDeployed, fingerprint) : undefined;

  const planned: PlannedCheck[] = [];
  documents.forEach((document, i) => {
    for (const gate of document.model.safetyGates) for (const check of gate.checks) planned.push({ check, gate, file: files[i]!.displayPath });
  });

  const context: VerifyContext = {
    projectRoot: options.projectRoot,
    environment: options.environment,
    commit,
    now,
    elicit: options.elicit,
    checkId: '',
    config: loaded.config,
    settings,
    signal,
    secretValues: secretEnvValues(processEnv),
    // The checks run the project's code (tests the agent may have written): state and key hidden from it.
    confine: await confine,
  };

  const checks: CheckResult[] = [];
  const needsAttestation: GateRunResult['needsAttestation'] = [];
  let stopped = false;
  if (changeSummary) {
    await requireCleanTree();
    // Changing the gate is gated: a human confirms the new gate before it may pass anything.
    const prompt = `the gate differs from the one the last successful ${options.environment} deploy used: ${changeSummary.join('; ')}. Confirm these changes were reviewed`;
    const checkStarted = performance.now();
    const { prompt: asked, ...outcome } = await resolveAttestation(context, GATE_CHANGED_CHECK, prompt);
    const result: CheckResult = { id: GATE_CHANGED_CHECK, gate: 'shipgate', type: 'blocking', decider: 'attestation', line: 0, ...outcome, durationMs: Math.round(performance.now() - checkStarted) };
    checks.push(result);
    if (result.status === 'needs_attestation') needsAttestation.push({ checkId: GATE_CHANGED_CHECK, prompt: asked ?? prompt });
    if (result.status !== 'passed' && !options.all) stopped = true;
  }
  for (const [index, item] of planned.entries()) {
    const { check, gate, file } = item;
    const base = { id: check.id, gate: file, type: gate.type, decider: deciderName(check), verifyKind: check.decider?.kind === 'verify' ? check.decider.verify.kind : undefined, line: check.position.line };
    if (stopped || signal.aborted) {
      checks.push({ ...base, status: 'skipped', message: signal.aborted ? 'Skipped: the run was cancelled.' : 'Skipped: an earlier blocking check failed (use --all to run every check).', durationMs: 0 });
      continue;
    }
    // Only commands run before the verdict: nobody is asked to attest, and nothing outside is
    // consulted, for a tree that is about to be refused.
    if (check.decider?.kind !== 'command') await requireCleanTree();
    options.onProgress?.({ checkId: check.id, index, total: planned.length, status: 'running', message: `Running ${check.id}` });
    const checkStarted = performance.now();
    const { prompt, ...outcome } = await decide(check, { ...context, checkId: check.id });
    const result: CheckResult = { ...base, ...outcome, durationMs: Math.round(performance.now() - checkStarted) };
    checks.push(result);
    if (result.status === 'needs_attestation') needsAttestation.push({ checkId: check.id, prompt: prompt ?? result.message });
    options.onProgress?.({ checkId: check.id, index, total: planned.length, status: result.status, message: result.message });
    if (gate.type === 'blocking' && result.status !== 'passed' && !options.all) stopped = true;
  }

  await requireCleanTree();
  const blocking = checks.filter((c) => c.type === 'blocking');
  const blockedBy = blocking.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => c.id);
  const ok = blocking.length > 0 && blocking.every((c) => c.status === 'passed');
  if (blocking.length === 0) blockedBy.push('no_blocking_checks');
  if (options.signal?.aborted) blockedBy.push('cancelled');

  const issue = ok && !options.signal?.aborted
    ? issueReceipt({
        projectRoot: options.projectRoot,
        environment: options.environment,
        commit,
        gateHash: fingerprint.gateHash,
        configHash: loaded.hash,
        ttlMs: settings.receiptTtlMs,
        now: now(),
        checks: blocking.map((c) => ({ id: c.id, status: c.status })),
      })
    : revokeReceipt(options.projectRoot, options.environment).then(() => undefined);
  const result: GateRunResult = {
    ok: ok && !options.signal?.aborted,
    environment: options.environment,
    commit,
    gateFiles: files.map((f) => f.displayPath),
    checks,
    blockedBy,
    durationMs: Math.round(performance.now() - started),
    needsAttestation,
  };
  // The receipt and the learnings event are independent writes: do them side by side.
  const [receipt] = await Promise.all([issue, recordGateRun(options.projectRoot, result, loaded.config.learnings.dir)]);
  if (receipt) result.receipt = receipt;
  if (receipt && loaded.config.team) {
    const { publishPassedGate } = await import('../team/signed-gate-record.js');
    result.team = await publishPassedGate(options.projectRoot, loaded.config.team, { environment: options.environment, commit, gateFiles: result.gateFiles, checks: blocking, receipt });
  }
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

function deciderName(check: GateCheck): CheckResult['decider'] {
  return check.decider?.kind ?? 'attestation';
}

async function decide(check: GateCheck, context: VerifyContext): Promise<VerifyOutcome> {
  try {
    const decider = check.decider;
    if (!decider) {
      if (check.deciders.length === 0 && (check.requirement || check.verification)) {
        return await resolveAttestation(context, check.id, check.requirement ?? check.verification ?? check.id);
      }
      return { status: 'error', message: `Check ${check.id} has no <command>, <verify> or <requirement>: it cannot be decided. Run \`shipgate validate\` on the gate skill.` };
    }
    if (decider.kind === 'attestation') {
      return await resolveAttestation(context, check.id, decider.requirement ?? decider.verification ?? check.requirement ?? check.id);
    }
    if (decider.kind === 'command') {
      const timeoutMs = check.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
      const run = await runScript(decider.command, { cwd: context.projectRoot, timeoutMs, signal: context.signal, ...(context.confine ? { confine: context.confine } : {}) });
      const tail = outputTail(run.stdout, run.stderr, context.secretValues);
      if (run.aborted) return { status: 'error', message: `\`${decider.command}\` was cancelled.`, outputTail: tail };
      if (run.timedOut) return { status: 'failed', message: `\`${decider.command}\` did not finish within ${Math.round(timeoutMs / 1000)}s.`, outputTail: tail };
      if (run.spawnError) return { status: 'error', message: `\`${decider.command}\` could not start: ${run.spawnError}`, outputTail: tail };
      if (run.exitCode !== 0) return { status: 'failed', message: `\`${decider.command}\` exited with ${run.exitCode}, expected 0${check.expected ? ` (${check.expected.split('\n')[0]})` : ''}.`, outputTail: tail };
      return { status: 'passed', message: `\`${decider.command}\` exited with 0.`, outputTail: tail || undefined };
    }
    const kind = verifyKinds[decider.verify.kind];
    if (!kind) return { status: 'error', message: `Unknown verify kind ${JSON.stringify(decider.verify.kind)}; expected one of ${Object.keys(verifyKinds).join(', ')}.` };
    return await kind.verify(decider.verify, context);
  } catch (error) {
    if (error instanceof BlockedError) return { status: 'failed', message: error.message };
    return { status: 'error', message: `Check ${check.id} could not run: ${(error as Error).message}` };
  }
}

async function recordGateRun(projectRoot: string, result: GateRunResult, learningsDir: string): Promise<void> {
  try {
    const { recordRun } = await import('../learnings/record-run.js');
    // A signal is sent only when the gate has such a check: a gate without a rollback check says
    // nothing about rollback readiness, which is not the same as "not ready".
    const passed = (predicate: (c: CheckResult) => boolean) => {
      const matching = result.checks.filter(predicate);
      return matching.length === 0 ? undefined : matching.some((c) => c.status === 'passed');
    };
    await recordRun(projectRoot, {
      phase: 'gate',
      outcome: result.ok ? 'succeeded' : 'blocked',
      environment: result.environment,
      commit: result.commit,
      durationMs: result.durationMs,
      failedChecks: result.blockedBy,
      rollbackVerified: passed((c) => /rollback/.test(c.id)),
      stagingApproved: passed((c) => c.verifyKind === 'state' && /staging/.test(c.id)),
    }, { learningsDir });
  } catch {
    // Learnings are best effort: a gate result never depends on them.
  }
}
