/**
 * What each environment serves, as shipgate last left it: `<state>/deployments/<env>.json` in the
 * per-user state folder (release, blue-green live color, the served history, and the fingerprint of
 * the gate the last successful deploy used). Signed like receipts and verified on every read: the
 * served history is what `rollback` may go back to, so an entry written by anyone else is refused.
 *
 * Good: a deploy of v1.2.0 succeeds → served gains v1.2.0, signed.
 * Bad:  a sha added to `served` by hand → "has a signature that does not match", nothing deploys.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { statePaths } from '../project/paths.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { parseStateText, parseStateValue } from '../util/state-file.js';
import { requireValidSignature, signState } from './signed-state.js';
import type { ReleaseRef } from '../project/release-ref.js';

/** The gate (skills + config) a deploy used, by hash (gates/gate-fingerprint.ts computes and compares it). */
export interface GateFingerprint {
  gateHash: string;
  configHash: string;
  files: Record<string, string>;
  checks: Record<string, string>;
  config: Record<string, string>;
}

export interface EnvironmentState {
  live?: ReleaseRef;
  liveColor: 'blue' | 'green';
  /** Releases that served this environment, newest last. */
  served: (ReleaseRef & { at: string })[];
  /** The gate (skills + config) of the last successful deploy: a different gate must be attested. */
  gate?: GateFingerprint;
}

const releaseRefSchema = z.object({ version: z.string(), tag: z.string(), sha: z.string() });

const gateFingerprintSchema = z.object({
  gateHash: z.string(),
  configHash: z.string(),
  files: z.record(z.string()),
  checks: z.record(z.string()),
  config: z.record(z.string()),
});

const environmentStateSchema = z.object({
  live: releaseRefSchema.optional(),
  liveColor: z.enum(['blue', 'green']).default('blue'),
  served: z.array(releaseRefSchema.extend({ at: z.string() })).default([]),
  gate: gateFingerprintSchema.optional(),
}) satisfies z.ZodType<EnvironmentState, z.ZodTypeDef, unknown>;

export function environmentStateFile(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): string {
  return join(statePaths(projectRoot, env).deployments, `${environment}.json`);
}

export async function readEnvironmentState(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): Promise<EnvironmentState> {
  const file = environmentStateFile(projectRoot, environment, env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { liveColor: 'blue', served: [] };
    throw error;
  }
  const description = {
    what: `The served history of ${environment}`,
    hint: `A human deletes ${file} if they know what ${environment} serves (shipgate then knows no served history: rollback needs a new deploy first).`,
  };
  // A wrong shape is named with its key path first; the signature covers the file exactly as written
  // (checked on the raw value, before the schema fills in defaults).
  const raw = parseStateText(file, text, z.object({}).passthrough(), description);
  const state = parseStateValue(file, raw, environmentStateSchema, description);
  await requireValidSignature('environment-state', raw, { projectRoot, file, env, hint: description.hint });
  return {
    liveColor: state.liveColor,
    served: state.served,
    ...(state.live ? { live: state.live } : {}),
    ...(state.gate ? { gate: state.gate } : {}),
  };
}

export async function writeEnvironmentState(projectRoot: string, environment: string, state: EnvironmentState, env?: NodeJS.ProcessEnv): Promise<void> {
  const signed = await signState('environment-state', state, env);
  await writeFileAtomic(environmentStateFile(projectRoot, environment, env), `${JSON.stringify(signed, null, 2)}\n`);
}
