/** `shipgate history [--env E]`: past deployments and rollbacks from the records (marks crashed ones aborted first). */
import { environmentOption } from '../environment-option.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import type { TeamConfig } from '../../config/team-schema.js';

async function readTeamRows(projectRoot: string, team: TeamConfig, environments: string[]) {
  const { readTeamHistory } = await import('../../team/shared-history.js');
  const rows = [];
  for (const environment of environments) rows.push(...(await readTeamHistory(projectRoot, team, environment)));
  return rows.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

export const command: CliCommand = {
  name: 'history',
  summary: 'List past deployments and rollbacks: the local records, and the team history on the remote when configured.',
  usage: '  shipgate history [--env production] [--json]',
  options: { env: { type: 'string' } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const { getEnvironment, loadConfig } = await import('../../config/load-config.js');
    const { markAbortedRecords, readRecords } = await import('../../records/deployment-record.js');
    const { relative } = await import('node:path');
    const { resolveConfiguredPath } = await import('../../util/paths.js');
    const loaded = await loadConfig(projectRoot);
    const dir = await resolveConfiguredPath(projectRoot, loaded.config.records.dir, 'records.dir', loaded.path);
    await markAbortedRecords(dir, context.now());
    const env = environmentOption(input);
    const records = (await readRecords(dir)).filter((r) => !env || r.environment === env);
    // A name with records is history even if the environment left the configuration; any other must exist.
    if (env && records.length === 0) getEnvironment(loaded, env);
    const rows = records.map((r) => ({ kind: r.kind, environment: r.environment, version: r.version, tag: r.tag, commit: r.commit, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt ?? null, trigger: r.rollback?.trigger ?? r.reason ?? null, record: relative(projectRoot, r.files.markdown) }));
    // With a team: what every machine published to the remote, each entry's signature checked.
    const team = loaded.config.team ? await readTeamRows(projectRoot, loaded.config.team, env ? [env] : Object.keys(loaded.config.environments)) : undefined;
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: true, records: rows, ...(team ? { team: { remote: loaded.config.team!.remote, entries: team } } : {}) }, null, 2)}\n`);
      return 0;
    }
    if (!rows.length) context.stdout.write('No deployments recorded yet.\n');
    else for (const r of rows) context.stdout.write(`${r.startedAt}  ${r.kind.padEnd(8)} ${r.environment.padEnd(12)} ${r.tag.padEnd(10)} ${r.status.padEnd(12)} ${r.record}${r.trigger ? `\n    ${r.trigger}` : ''}\n`);
    if (team) {
      context.stdout.write(`\nTeam history on ${loaded.config.team!.remote}:\n`);
      if (!team.length) context.stdout.write('  (nothing published yet)\n');
      for (const e of team) context.stdout.write(`${e.at}  ${e.kind.padEnd(8)} ${e.environment.padEnd(12)} ${e.tag.padEnd(10)} ${e.result.padEnd(12)} ${e.by.name} <${e.by.email}> on ${e.by.host}  ${e.trusted ? `signed by ${e.signer}` : `UNTRUSTED: ${e.problem}`}\n`);
    }
    return 0;
  },
};
