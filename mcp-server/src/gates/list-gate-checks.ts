/**
 * The check ids an environment's gate skills declare (plus the built-in window override and gate-change check), so that an
 * attestation can only name a check that exists. Used by `shipgate attest` and the gate_attest tool.
 *
 * Good: attesting `code_review` when the production gate has `<check id="code_review">`.
 * Bad:  recording an attestation for `anything_you_like`, which no gate would ever read.
 */
import { loadConfig } from '../config/load-config.js';
import { UsageError, quote } from '../errors.js';
import { WINDOW_OVERRIDE_CHECK } from './attestations.js';
import { GATE_CHANGED_CHECK } from './gate-fingerprint.js';
import { gateSettings } from './gate-settings.js';
import { parseGateFiles, resolveGateFiles } from './load-gate-skills.js';

export async function listGateCheckIds(projectRoot: string, environment: string, env: NodeJS.ProcessEnv = process.env): Promise<{ ids: string[]; gateFiles: string[] }> {
  const files = await resolveGateFiles(projectRoot, gateSettings(await loadConfig(projectRoot), environment).gates, env);
  const ids = (await parseGateFiles(files)).flatMap((d) => d.model.safetyGates.flatMap((g) => g.checks.map((c) => c.id)));
  return { ids: [...new Set([...ids, WINDOW_OVERRIDE_CHECK, GATE_CHANGED_CHECK])], gateFiles: files.map((f) => f.displayPath) };
}

/** Throws UsageError listing the valid ids when `checkId` is not a check of the environment's gates. */
export async function requireGateCheck(projectRoot: string, environment: string, checkId: string, env?: NodeJS.ProcessEnv): Promise<void> {
  const { ids, gateFiles } = await listGateCheckIds(projectRoot, environment, env);
  if (!ids.includes(checkId)) {
    throw new UsageError(`No check ${quote(checkId)} in the gates of ${environment}.`, { where: gateFiles.join(', '), expected: `one of: ${ids.join(', ')}` });
  }
}
