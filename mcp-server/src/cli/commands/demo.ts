/** `shipgate demo`: the whole story (gate, bump, canary, automatic rollback) on the bundled example, needing only Node and git. */
import type { CliCommand } from '../command.js';

export const command: CliCommand = {
  name: 'demo',
  summary: 'Run the whole story on the built-in example in a temp folder.',
  usage: '  shipgate demo [--json]',
  options: {},
  allowPositionals: false,
  async run(input, context) {
    const { runDemo } = await import('../../deploy/demo/run-demo.js');
    const result = await runDemo({ say: (line) => (input.json ? context.stderr : context.stdout).write(`${line}\n`), signal: context.signal });
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, ...result }, null, 2)}\n`);
    return result.canaryFailedRequests === 0 && result.badReleaseExitCode === 3 ? 0 : 1;
  },
};
