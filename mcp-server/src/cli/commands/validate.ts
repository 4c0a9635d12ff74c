/**
 * `shipgate validate [paths..] [--format stylish|json|sarif|github] [--strict] [--json]`: lint the
 * skills, commands, agents, hooks and manifests of a plugin. Default path: the current folder.
 * Exit 0 clean, 1 errors (or warnings with --strict), 2 usage (unknown format, missing path).
 * The engine and formatters are loaded lazily so other commands stay fast.
 */
import type { CliCommand } from '../command.js';
import { UsageError, quote } from '../../errors.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github'];

export const command: CliCommand = {
  name: 'validate',
  summary: 'Lint skills, commands, hooks and manifests of a plugin (file:line:col, rule id, fix hint).',
  usage: [
    '  shipgate validate [paths..] [--format stylish|json|sarif|github] [--strict] [--json]',
    '',
    '  paths     plugin roots, skills folders or single files (default: the current folder)',
    '  --format  output format (default stylish; json = --json; sarif for GitHub code scanning;',
    '            github for workflow annotations)',
    '  --strict  exit 1 on warnings too',
    '  --no-cache  do not read or write the content-hash cache',
    '',
    '  Exit: 0 no problems, 1 errors (or warnings with --strict), 2 usage error.',
  ].join('\n'),
  options: {
    format: { type: 'string', short: 'f' },
    strict: { type: 'boolean' },
    'no-cache': { type: 'boolean' },
  },
  allowPositionals: true,
  async run(input, context) {
    const format = input.json ? 'json' : typeof input.values.format === 'string' ? input.values.format : 'stylish';
    if (!FORMATS.includes(format)) {
      throw new UsageError(`Unknown format ${quote(format, 40)}.`, { where: '--format', expected: FORMATS.join(', '), found: format, hint: 'Use e.g. `shipgate validate --format sarif > shipgate.sarif`.' });
    }
    const { validatePaths } = await import('../../validate/engine.js');
    const { FORMATTERS } = await import('../../validate/format/index.js');
    const result = await validatePaths(input.positionals, { cwd: context.cwd, strict: input.values.strict === true, cache: input.values['no-cache'] !== true });
    const color = format === 'stylish' && context.stdout.isTTY === true && !('NO_COLOR' in context.env);
    context.stdout.write(FORMATTERS[format]!(result, { color }));
    if (context.env.SHIPGATE_VALIDATE_STATS === '1') context.stderr.write(`${JSON.stringify(result.stats)}\n`);
    return result.failed ? 1 : 0;
  },
};
