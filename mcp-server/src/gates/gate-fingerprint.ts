/**
 * What a gate is made of, in a form small enough to keep with the served history: the hash of every
 * gate skill file, of every check's definition, and of every configuration section. The last
 * successful deploy of an environment stores it; when the next gate differs, a human must attest the
 * change (`gate_changed`), shown a summary of what changed. Editing a check's `<command>` to `true`
 * therefore cannot quietly weaken the gate.
 *
 * Good: summary → ["check tests_pass changed (its command, verify or requirement)", "config environments.production changed"]
 * Bad:  comparing only one hash: the human would be asked to approve "something changed".
 */
import { createHash } from 'node:crypto';
import type { GateSkillFile } from './load-gate-skills.js';
import type { SkillDocument } from '../skill/model.js';
import type { ShipgateConfig } from '../config/schema.js';
import { canonicalJson } from '../state/canonical-json.js';
import type { GateFingerprint } from '../state/deploy-state.js';

export type { GateFingerprint };

export const GATE_CHANGED_CHECK = 'gate_changed';

const sha = (text: string | Buffer) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** The definition of a check without source positions: moving a check is not changing it. */
function withoutPositions(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === 'position' || key === 'positions' ? undefined : v))) as unknown;
}

export function gateFingerprint(input: { gateHash: string; configHash: string; files: readonly GateSkillFile[]; documents: readonly SkillDocument[]; config: ShipgateConfig }): GateFingerprint {
  const files: Record<string, string> = {};
  for (const file of input.files) files[file.displayPath] = sha(file.bytes);
  const checks: Record<string, string> = {};
  for (const document of input.documents) {
    for (const gate of document.model.safetyGates) {
      for (const check of gate.checks) checks[check.id] = sha(canonicalJson({ type: gate.type, check: withoutPositions(check) }));
    }
  }
  const config: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.config)) {
    if (key === 'environments' && value && typeof value === 'object') {
      for (const [name, environment] of Object.entries(value as Record<string, unknown>)) config[`environments.${name}`] = sha(canonicalJson(environment));
    } else {
      config[key] = sha(canonicalJson(value));
    }
  }
  return { gateHash: input.gateHash, configHash: input.configHash, files, checks, config };
}

export function gateChanged(before: GateFingerprint, now: GateFingerprint): boolean {
  return before.gateHash !== now.gateHash || before.configHash !== now.configHash;
}

/** Human-readable lines saying what differs between the last deployed gate and this one. */
export function summarizeGateChange(before: GateFingerprint, now: GateFingerprint): string[] {
  const lines: string[] = [];
  const diff = (label: string, a: Record<string, string>, b: Record<string, string>, what: string) => {
    for (const key of Object.keys(b)) {
      if (!(key in a)) lines.push(`${label} ${key} added`);
      else if (a[key] !== b[key]) lines.push(`${label} ${key} changed${what}`);
    }
    for (const key of Object.keys(a)) if (!(key in b)) lines.push(`${label} ${key} removed`);
  };
  diff('gate skill', before.files, now.files, '');
  diff('check', before.checks, now.checks, ' (its command, verify or requirement)');
  diff('config', before.config, now.config, '');
  if (!lines.length && before.configHash !== now.configHash) lines.push('shipgate.config.yaml changed (formatting or comments only)');
  if (!lines.length) lines.push('gate skill bytes changed (formatting or prose only)');
  return lines;
}

/** The fingerprint of the gate configured for an environment right now (what a deploy stores). */
export async function currentGateFingerprint(projectRoot: string, environment: string, env: NodeJS.ProcessEnv = process.env): Promise<GateFingerprint> {
  const [{ loadConfig }, { gateSettings }, { gateHash, parseGateFiles, resolveGateFiles }] = await Promise.all([
    import('../config/load-config.js'),
    import('./gate-settings.js'),
    import('./load-gate-skills.js'),
  ]);
  const loaded = await loadConfig(projectRoot);
  const files = await resolveGateFiles(projectRoot, gateSettings(loaded, environment).gates, env);
  const documents = await parseGateFiles(files);
  return gateFingerprint({ gateHash: gateHash(files), configHash: loaded.hash, files, documents, config: loaded.config });
}
