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
import { statePaths } from '../project/paths.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { requireValidSignature, signState } from '../state/signed-state.js';
import { BlockedError } from '../errors.js';
import type { ReleaseRef } from './providers/provider.js';
import type { GateFingerprint } from '../gates/gate-fingerprint.js';

export interface EnvironmentState {
  live?: ReleaseRef;
  liveColor: 'blue' | 'green';
  /** Releases that served this environment, newest last. */
  served: (ReleaseRef & { at: string })[];
  /** The gate (skills + config) of the last successful deploy: a different gate must be attested. */
  gate?: GateFingerprint;
}

export function environmentStateFile(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): string {
  return join(statePaths(projectRoot, env).deployments, `${environment}.json`);
}

export async function readEnvironmentState(projectRoot: string, environment: string, env?: NodeJS.ProcessEnv): Promise<EnvironmentState> {
  const file = environmentStateFile(projectRoot, environment, env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { liveColor: 'blue', served: [] };
  }
  const hint = `A human deletes ${file} if they know what ${environment} serves (shipgate then knows no served history: rollback needs a new deploy first).`;
  let parsed: Partial<EnvironmentState>;
  try {
    parsed = JSON.parse(text) as Partial<EnvironmentState>;
  } catch {
    throw new BlockedError(`The served history of ${environment} cannot be parsed.`, { where: file, expected: 'JSON written by shipgate', hint });
  }
  await requireValidSignature('environment-state', parsed, { projectRoot, file, env, hint });
  return {
    liveColor: parsed.liveColor === 'green' ? 'green' : 'blue',
    served: Array.isArray(parsed.served) ? parsed.served : [],
    ...(parsed.live ? { live: parsed.live } : {}),
    ...(parsed.gate ? { gate: parsed.gate } : {}),
  };
}

export async function writeEnvironmentState(projectRoot: string, environment: string, state: EnvironmentState, env?: NodeJS.ProcessEnv): Promise<void> {
  const signed = await signState('environment-state', state, env);
  await writeFileAtomic(environmentStateFile(projectRoot, environment, env), `${JSON.stringify(signed, null, 2)}\n`);
}
