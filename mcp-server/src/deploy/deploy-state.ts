/**
 * What each environment serves now, as shipgate last left it: `.claude/shipgate/deployments/<env>.json`
 * (release, blue-green live color). Written atomically after a deploy or rollback settles; read to know
 * the previous release and which color is idle.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { statePaths } from '../project/paths.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { readStateFile } from '../util/state-file.js';
import type { ReleaseRef } from './providers/provider.js';

export interface EnvironmentState {
  live?: ReleaseRef;
  liveColor: 'blue' | 'green';
  /** Releases that served this environment, newest last. */
  served: (ReleaseRef & { at: string })[];
}

const releaseRefSchema = z.object({ version: z.string(), tag: z.string(), sha: z.string() });

const environmentStateSchema = z.object({
  live: releaseRefSchema.optional(),
  liveColor: z.enum(['blue', 'green']).default('blue'),
  served: z.array(releaseRefSchema.extend({ at: z.string() })).default([]),
}) satisfies z.ZodType<EnvironmentState, z.ZodTypeDef, unknown>;

function stateFile(projectRoot: string, environment: string): string {
  return join(statePaths(projectRoot).base, 'deployments', `${environment}.json`);
}

export async function readEnvironmentState(projectRoot: string, environment: string): Promise<EnvironmentState> {
  const file = stateFile(projectRoot, environment);
  const state = await readStateFile(file, environmentStateSchema, {
    what: `The deploy state of ${environment}`,
    hint: `Delete ${file} to start over: shipgate then asks the provider what serves, and \`shipgate rollback --to VERSION\` names a release explicitly.`,
  });
  return state ? { liveColor: state.liveColor, served: state.served, ...(state.live ? { live: state.live } : {}) } : { liveColor: 'blue', served: [] };
}

export async function writeEnvironmentState(projectRoot: string, environment: string, state: EnvironmentState): Promise<void> {
  await writeFileAtomic(stateFile(projectRoot, environment), `${JSON.stringify(state, null, 2)}\n`);
}
