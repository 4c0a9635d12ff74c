/**
 * The `team:` section of the configuration, or undefined when the project coordinates on one machine
 * only. `verify` works without the section (defaults: remote origin, .shipgate/allowed_signers).
 */
import { loadConfig } from '../config/load-config.js';
import { teamSchema, type TeamConfig } from '../config/team-schema.js';
import type { RemoteContext } from './git-remote.js';

export async function loadTeamConfig(projectRoot: string): Promise<TeamConfig | undefined> {
  return (await loadConfig(projectRoot)).config.team;
}

/** The team section with defaults filled in even when absent (for `verify`). */
export async function teamConfigOrDefaults(projectRoot: string): Promise<TeamConfig> {
  return (await loadTeamConfig(projectRoot)) ?? teamSchema.parse({});
}

export function remoteContext(projectRoot: string, team: TeamConfig, signal?: AbortSignal): RemoteContext {
  return { projectRoot, remote: team.remote, timeoutMs: team.timeout, ...(signal ? { signal } : {}) };
}
