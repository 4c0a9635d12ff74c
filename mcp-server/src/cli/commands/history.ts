/** `shipgate history [--env E]`: past deployments and rollbacks from the records (marks crashed ones aborted first). */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';

export const command: CliCommand = {
  name: 'history',
  summary: 'List past deployments and rollbacks from the records.',
  usage: '  shipgate history [--env production] [--json]',
  options: { env: { type: 'string' } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const { loadConfig } = await import('../../config/load-config.js');
    const { markAbortedRecords, readRecords } = await import('../../records/deployment-record.js');
    const { resolve, relative } = await import('node:path');
    const loaded = await loadConfig(projectRoot);
    const dir = resolve(projectRoot, loaded.config.records.dir);
    await markAbortedRecords(dir, context.now());
    const env = typeof input.values.env === 'string' ? input.values.env : undefined;
    const records = (await readRecords(dir)).filter((r) => !env || r.environment === env);
    const rows = records.map((r) => ({ kind: r.kind, environment: r.environment, version: r.version, tag: r.tag, commit: r.commit, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt ?? null, trigger: r.rollback?.trigger ?? r.reason ?? null, record: relative(projectRoot, r.files.markdown) }));
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, records: rows }, null, 2)}\n`);
    else if (!rows.length) context.stdout.write('No deployments recorded yet.\n');
    else for (const r of rows) context.stdout.write(`${r.startedAt}  ${r.kind.padEnd(8)} ${r.environment.padEnd(12)} ${r.tag.padEnd(10)} ${r.status.padEnd(12)} ${r.record}${r.trigger ? `\n    ${r.trigger}` : ''}\n`);
    return 0;
  },
};
