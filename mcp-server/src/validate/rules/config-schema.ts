/**
 * config-schema: the project's `shipgate.config.yaml` (or `.claude/shipgate.yaml`) is valid YAML and
 * matches the configuration schema that `gate`, `bump` and `deploy` load: every wrong type, unknown key
 * and malformed line is reported at its file:line:col, with the same "key path: expected X, found Y"
 * text the loader uses, so `shipgate validate` in CI finds what a deploy would trip over.
 *
 * Bad: `environments: { production: { provider: { type: ssh } } }`. Good: `type: git-push`.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { ProjectRule } from '../rule.js';
import type { Position } from '../../skill/model.js';

export const rule: ProjectRule = {
  meta: {
    id: 'config-schema',
    description: '`shipgate.config.yaml` is valid YAML with known keys and values of the right type (the schema `deploy` loads).',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'A configuration error otherwise surfaces only when a gate or deploy runs; validating it with the skills puts it in CI, at the line that is wrong.',
      bad: 'environments:\n  production:\n    provider: { type: ssh }\n    strategy: { type: rolling }\n    monitor: { duration: soon }\n    colour: blue\n',
      good: 'environments:\n  production:\n    provider: { type: git-push, remote: origin, branch: production }\n    strategy: { type: rolling }\n    monitor: { duration: 30m }\n',
      language: 'yaml',
    },
  },
  async check(context) {
    const configs = context.files.filter((file) => file.type === 'config');
    if (configs.length === 0) return;
    // The schema (zod, semver) loads only when there is a configuration to check: most validations
    // have none, and compiling it was ~10 ms of every cold run.
    const [{ configSchema }, { formatIssue }, { issueRange }] = await Promise.all([import('../../config/schema.js'), import('../../config/load-config.js'), import('../../config/issue-range.js')]);
    for (const file of configs) {
      const text = context.readText(file.path);
      if (text === undefined) {
        context.report(file.path, { message: 'Unexpected unreadable configuration file, expected a readable YAML file (check its permissions).' });
        continue;
      }
      const lineCounter = new LineCounter();
      const document = parseDocument(text, { lineCounter, prettyErrors: false });
      const at = (offsets: readonly [number, number] | readonly number[] | undefined): Partial<Position> => {
        if (!offsets) return { line: 1, column: 1 };
        const start = lineCounter.linePos(offsets[0] ?? 0);
        const end = lineCounter.linePos(offsets[1] ?? offsets[0] ?? 0);
        return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
      };
      if (document.errors.length) {
        for (const error of document.errors) {
          context.report(file.path, { message: `Unexpected YAML syntax: ${error.message.split('\n')[0]}; expected a YAML mapping like the one \`shipgate init\` writes.`, position: at(error.pos) });
        }
        continue;
      }
      const data: unknown = document.toJS() ?? {};
      const result = configSchema.safeParse(data);
      if (result.success) continue;
      for (const issue of result.error.issues) {
        context.report(file.path, { message: `${formatIssue(issue, data)}.`, position: at(issueRange(document, issue)) });
      }
    }
  },
};
