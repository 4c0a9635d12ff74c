/**
 * The promotion prerequisites `bump` checks before it cuts a release (seed 003's /ship-prod flow: verify
 * staging validation, THEN bump and tag). They are the `state` checks of production's blocking gates of
 * `phase="promotion"` (by default production-promotion's `staging_validation_approved` and
 * `rollback_gate_passed`; a project's own gate opts in with the same phase): reading a
 * state file runs nothing and changes nothing, so `version_bump` can refuse before a tag exists that the
 * gate would never let deploy. The full gate (commands, attestations, window) still runs at `gate_check`.
 *
 * Only a state file that exists and says "no" refuses: a repository without Spec-Flow state (shipgate
 * itself, a library) can still release; its production gate blocks the deploy instead.
 *
 * Good: state.yaml says `staging_validation: { status: approved }` → no refusal.
 * Bad:  `status: pending` → bump refused, nothing written, "complete the staging validation first".
 */
import { loadConfig } from '../config/load-config.js';
import { ShipgateError } from '../errors.js';
import { gateSettings } from './gate-settings.js';
import { parseGateFiles, resolveGateFiles } from './load-gate-skills.js';
import { globFiles } from '../util/glob-files.js';
import { stateKind } from './verify/state.js';
import { attribute } from './verify/verify-kind.js';

export const PROMOTION_ENVIRONMENT = 'production';
export const PROMOTION_PHASE = 'promotion';

export interface PrerequisiteFailure {
  checkId: string;
  /** Display path of the gate skill the check comes from. */
  gate: string;
  message: string;
}

export async function unmetPromotionPrerequisites(projectRoot: string, options: { now: () => Date; env?: NodeJS.ProcessEnv }): Promise<PrerequisiteFailure[]> {
  const loaded = await loadConfig(projectRoot);
  const environments = Object.keys(loaded.config.environments);
  if (environments.length && !environments.includes(PROMOTION_ENVIRONMENT)) return [];
  const settings = gateSettings(loaded, PROMOTION_ENVIRONMENT);
  let files;
  let documents;
  try {
    files = await resolveGateFiles(projectRoot, settings.gates, options.env ?? process.env);
    documents = await parseGateFiles(files);
  } catch (error) {
    // A gate that cannot be loaded is the gate's problem, reported by `gate_check`; a release is not it.
    if (error instanceof ShipgateError) return [];
    throw error;
  }
  const failures: PrerequisiteFailure[] = [];
  for (const [index, document] of documents.entries()) {
    for (const gate of document.model.safetyGates) {
      if (gate.type !== 'blocking' || gate.phase !== PROMOTION_PHASE) continue;
      for (const check of gate.checks) {
        const decider = check.decider;
        if (decider?.kind !== 'verify' || decider.verify.kind !== 'state') continue;
        const pattern = attribute(decider.verify, 'file') ?? loaded.config.state.file;
        if ((await globFiles(projectRoot, pattern)).length === 0) continue;
        const outcome = await stateKind.verify(decider.verify, {
          projectRoot,
          environment: PROMOTION_ENVIRONMENT,
          commit: '',
          now: options.now,
          checkId: check.id,
          config: loaded.config,
          settings,
          secretValues: [],
        });
        if (outcome.status !== 'passed') failures.push({ checkId: check.id, gate: files[index]!.displayPath, message: outcome.message });
      }
    }
  }
  return failures;
}
