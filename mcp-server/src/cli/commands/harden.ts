/**
 * `shipgate harden [--dry-run] [--json]`: turn on hardened mode for this project. Merges (never
 * clobbers) Claude Code's sandbox and permission settings into `.claude/settings.json` so the agent's
 * Bash cannot write gate state, read the signing key or production credentials, change the gate files,
 * or reach production; the MCP server Claude Code starts (outside the sandbox) still can. Core:
 * protection/harden.ts. Run `shipgate doctor` afterwards to see the level in force.
 */
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import { harden } from '../../protection/harden.js';

export const command: CliCommand = {
  name: 'harden',
  summary: "Turn on hardened mode: merge Claude Code's OS sandbox and permission rules into .claude/settings.json.",
  usage: '  shipgate harden [--dry-run] [--json]\n  Writes .claude/settings.json (merging). Then run `shipgate doctor`, and restart Claude Code.',
  options: { 'dry-run': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const result = await harden(projectRoot, { dryRun: input.values['dry-run'] === true, env: context.env });
    if (input.json) {
      context.stdout.write(`${JSON.stringify({ ok: true, file: result.file, written: result.written, changes: result.changes, targets: result.targets, settings: result.settings }, null, 2)}\n`);
      return 0;
    }
    const lines = [result.changes.length ? `${result.written ? 'Updated' : 'Would update'} ${result.file}:` : `${result.file} is already hardened.`];
    for (const change of result.changes) lines.push(`  ${change.path}: ${change.change}`);
    if (result.written) lines.push('', 'Restart Claude Code so the sandbox settings apply, then run `shipgate doctor`.', 'Commit .claude/settings.json so your team gets the same protection.');
    context.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};
