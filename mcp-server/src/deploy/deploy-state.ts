/**
 * What each environment serves now, as shipgate last left it: `.claude/shipgate/deployments/<env>.json`
 * (release, blue-green live color). Written atomically after a deploy or rollback settles; read to know
 * the previous release and which color is idle.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { statePaths } from '../project/paths.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { ReleaseRef } from './providers/provider.js';

export interface EnvironmentState {
  live?: ReleaseRef;
  liveColor: 'blue' | 'green';
  /** Releases that served this environment, newest last. */
  served: (ReleaseRef & { at: string })[];
}

function stateFile(projectRoot: string, environment: string): string {
  return join(statePaths(projectRoot).base, 'deployments', `${environment}.json`);
}

export async function readEnvironmentState(projectRoot: string, environment: string): Promise<EnvironmentState> {
  try {
    const parsed = JSON.parse(await readFile(stateFile(projectRoot, environment), 'utf8')) as EnvironmentState;
    return { liveColor: parsed.liveColor === 'green' ? 'green' : 'blue', served: Array.isArray(parsed.served) ? parsed.served : [], ...(parsed.live ? { live: parsed.live } : {}) };
  } catch {
    return { liveColor: 'blue', served: [] };
  }
}

export async function writeEnvironmentState(projectRoot: string, environment: string, state: EnvironmentState): Promise<void> {
  await writeFileAtomic(stateFile(projectRoot, environment), `${JSON.stringify(state, null, 2)}\n`);
}
