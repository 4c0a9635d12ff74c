/**
 * "Versions that served" for a rollback target, across the team: the union of this machine's served
 * history (passed in, whatever keeps it) and the trusted entries of the team history whose deploy or
 * rollback succeeded, ordered by when they started serving. The newest is what serves now.
 */
import { loadTeamConfig } from './team-settings.js';
import { readTeamHistory } from './shared-history.js';

export interface ServedRelease {
  version: string;
  tag: string;
  sha: string;
  at: string;
}

/** The team's served releases, oldest first; empty without a `team:` section. Unreachable remote throws. */
export async function teamServedReleases(projectRoot: string, environment: string): Promise<ServedRelease[]> {
  const team = await loadTeamConfig(projectRoot);
  if (!team) return [];
  const history = await readTeamHistory(projectRoot, team, environment);
  return history.filter((e) => e.trusted && e.result === 'succeeded').map((e) => ({ version: e.version, tag: e.tag, sha: e.commit, at: e.at }));
}

/** Local and team served releases in one list, oldest first (a release listed twice does no harm: targets skip what serves now). */
export function unionServed(local: readonly ServedRelease[], team: readonly ServedRelease[]): ServedRelease[] {
  return [...local, ...team].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}
