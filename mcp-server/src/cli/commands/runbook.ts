/** `shipgate runbook [--env E] [--strategy S] [--output FILE]`: seed 002's runbook from the real configuration. */
import { environmentOption } from '../environment-option.js';
import type { CliCommand } from '../command.js';
import { findProjectRoot } from '../../project/find-project-root.js';

export const command: CliCommand = {
  name: 'runbook',
  summary: 'Write a deployment runbook for a strategy from the real configuration.',
  usage: '  shipgate runbook [--env production] [--strategy rolling|recreate|blue-green|canary] [--output FILE] [--json]',
  options: { env: { type: 'string', default: 'production' }, strategy: { type: 'string' }, output: { type: 'string' } },
  allowPositionals: false,
  async run(input, context) {
    const projectRoot = await findProjectRoot(context.cwd);
    const { loadDeployContext } = await import('../../deploy/run-deploy.js');
    const { loadConfig } = await import('../../config/load-config.js');
    const { renderRunbook } = await import('../../deploy/runbook.js');
    const environmentName = environmentOption(input, 'production');
    const deployContext = await loadDeployContext(projectRoot, environmentName, typeof input.values.strategy === 'string' ? input.values.strategy : undefined);
    const loaded = await loadConfig(projectRoot);
    const markdown = renderRunbook({ app: loaded.config.app, environmentName, environment: deployContext.environment });
    let written: string | undefined;
    if (typeof input.values.output === 'string') {
      const { resolveOutputFile } = await import('../output-file.js');
      const { writeFileAtomic } = await import('../../util/atomic-write.js');
      written = await resolveOutputFile(projectRoot, input.values.output, '--output', (existing) => existing.startsWith('# Runbook: '));
      await writeFileAtomic(written, markdown);
    }
    if (input.json) context.stdout.write(`${JSON.stringify({ ok: true, environment: environmentName, strategy: deployContext.environment.strategy.type, output: written ?? null, markdown }, null, 2)}\n`);
    else context.stdout.write(written ? `Runbook written to ${written}\n` : markdown);
    return 0;
  },
};
