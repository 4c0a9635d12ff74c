/**
 * Seed 003's `production-ship-report.md`, written into the active spec folder (`specs/<NNN-slug>/`, the
 * most recently modified one) when the project has one. Summarises the record: what shipped, the gate,
 * health, the monitor window, and the rollback if there was one.
 */
import { printable } from '../errors.js';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { DeploymentRecord } from './record-schema.js';
import { redactOutput } from '../util/redact-secrets.js';

export async function activeSpecFolder(projectRoot: string): Promise<string | undefined> {
  const specs = join(projectRoot, 'specs');
  let names: string[];
  try {
    names = await readdir(specs);
  } catch {
    return undefined;
  }
  let best: { path: string; mtime: number } | undefined;
  for (const name of names.filter((n) => /^\d{3}-[a-z0-9-]+$/i.test(n))) {
    const info = await stat(join(specs, name));
    if (info.isDirectory() && (!best || info.mtimeMs > best.mtime)) best = { path: join(specs, name), mtime: info.mtimeMs };
  }
  return best?.path;
}

export async function writeShipReport(projectRoot: string, record: DeploymentRecord): Promise<string | undefined> {
  const folder = await activeSpecFolder(projectRoot);
  if (!folder) return undefined;
  const file = join(folder, 'production-ship-report.md');
  const verdict = record.status === 'succeeded' ? 'SHIPPED' : record.status === 'rolled_back' ? 'ROLLED BACK' : record.status.toUpperCase();
  const failed = record.measurements.filter((m) => !m.ok);
  const lines = [
    `# Production ship report: ${record.tag}`,
    '',
    `**Status:** ${verdict}  `,
    `**Environment:** ${record.environment}  `,
    `**Version:** ${record.version} (commit ${record.commit.slice(0, 12)})  `,
    `**Strategy:** ${record.strategy} via ${record.provider}  `,
    `**Started / finished:** ${record.startedAt} / ${record.finishedAt ?? '—'}  `,
    `**Deployment ID:** ${record.id}  `,
    `**Production URL:** ${record.facts?.productionUrl ?? 'not configured (environments.<env>.url)'}  `,
    `**Release URL:** ${record.facts?.releaseUrl ?? `tag ${record.tag} (the origin remote is not a GitHub/GitLab-style URL)`}`,
    '',
    '## Monitoring plan',
    `- ${record.facts?.monitoringPlan ?? 'not recorded'}`,
    '',
    '## Gate',
    record.receipt ? record.receipt.checks.map((c) => `- ${c.status === 'passed' ? '[x]' : '[ ]'} ${c.id}: ${c.status}`).join('\n') || '- (no checks listed)' : '- no receipt',
    '',
    '## Deployment steps',
    ...record.steps.map((s) => `- ${s.status === 'passed' ? '[x]' : '[ ]'} ${s.description} (${s.status})`),
    '',
    '## Health and monitoring',
    `- ${record.measurements.length} measurements, ${failed.length} outside their thresholds`,
    ...failed.slice(0, 10).map((m) => `  - ${m.at} ${m.name}: ${m.value} (${m.threshold ?? 'no threshold'})`),
    '',
    '## Rollback',
    record.rollback ? `- Triggered: ${record.rollback.trigger}\n- Verified afterwards: ${record.rollback.verified ? 'yes' : 'no'}` : '- Not needed',
    `- To roll back by hand: \`${record.facts?.rollbackCommand ?? `shipgate rollback --env ${record.environment} --to <previous version> --reason "<why>"`}\``,
    '',
    `Full record: \`${relative(projectRoot, record.files.markdown)}\``,
    '',
  ];
  await writeFileAtomic(file, redactOutput(printable(lines.join('\n'))));
  return file;
}
