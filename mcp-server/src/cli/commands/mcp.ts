/**
 * `shipgate mcp`: start the shipgate MCP server on stdio (what `.mcp.json` runs). The server module
 * is loaded only here, so other commands never pay for the SDK.
 *
 * Good: `node mcp-server/dist/cli.js mcp` from the project folder (or with CLAUDE_PROJECT_DIR set).
 * Bad:  `shipgate mcp --json`: the protocol owns stdout; there is no JSON summary to print.
 */
import type { CliCommand } from '../command.js';
import { UsageError } from '../../errors.js';

export const command: CliCommand = {
  name: 'mcp',
  summary: 'Start the shipgate MCP server on stdio.',
  usage: [
    '  shipgate mcp [--read-only]',
    '',
    '  --read-only   offer only tools that change nothing (same as SHIPGATE_READ_ONLY=1)',
    '',
    '  The project is found from SHIPGATE_PROJECT_ROOT, else CLAUDE_PROJECT_DIR, else the current folder,',
    '  walking up to the nearest shipgate.config.yaml (or .claude/shipgate.yaml), else the git top level.',
  ].join('\n'),
  options: { 'read-only': { type: 'boolean' } },
  allowPositionals: false,
  async run(input, context) {
    if (input.json) {
      throw new UsageError('`shipgate mcp` speaks JSON-RPC on stdout; --json does not apply.', { where: '--json', hint: 'Run `shipgate mcp` without --json.' });
    }
    const { runStdioServer } = await import('../../server/stdio.js');
    await runStdioServer({
      env: context.env,
      cwd: context.cwd,
      now: context.now,
      ...(input.values['read-only'] === true ? { readOnly: true } : {}),
      ...(context.signal ? { signal: context.signal } : {}),
    });
    return 0;
  },
};
