/**
 * `shipgate doctor [--json]`: the protection level in force (guarded, signed, sandboxed), each setting
 * verified, and what is missing. Exit 0 when the level is `sandboxed`, 1 otherwise (so CI can require
 * it). Core: protection/doctor.ts.
 */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { runDoctor } from '../../protection/doctor.js';

export const command: CliCommand = {
  name: 'doctor',
  summary: 'Report the protection level in force (guarded, signed, sandboxed), each setting verified, and what is missing.',
  usage: '  shipgate doctor [--json]\n  Exit 0 when hardened mode (sandboxed) is fully in force, 1 otherwise.',
  options: {},
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const report = await runDoctor(projectRoot, { env: context.env });
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: report.level === 'sandboxed', ...report }, null, 2)}\n`);
    } else {
      const lines = [`Protection level: ${report.level}`, ''];
      for (const check of report.checks) lines.push(`  ${check.ok ? '✓' : '✗'} [${check.level}] ${check.id}: ${check.detail}${check.ok || !check.fix ? '' : `\n      fix: ${check.fix}`}`);
      for (const notice of report.notices) lines.push('', `  ! ${notice}`);
      if (report.level !== 'sandboxed') lines.push('', 'Run `shipgate harden` for hardened mode (docs/security.md explains the levels).');
      context.stdout.write(`${lines.join('\n')}\n`);
    }
    return report.level === 'sandboxed' ? 0 : 1;
  },
};
