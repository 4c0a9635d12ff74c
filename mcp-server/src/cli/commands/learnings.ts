/**
 * `shipgate learnings show [--format markdown|text] [--json]`
 * `shipgate learnings record --pitfall ID | --note TEXT [--new] [--phase P] [--by NAME]`
 * Show this repository's lessons (rendered from the store, never from a hand-edited file), or record
 * what a human learned as a 'retrospect' event that counts in the frequencies like a detected one.
 *
 * Good: `shipgate learnings record --pitfall missing_git_tag --note "tag before deploying" --by ana`.
 * Bad:  `shipgate learnings record` (nothing to record: exit 2 with an example).
 * Exit: 0 shown / recorded; 2 usage or input error.
 */
import type { CliCommand, CliContext } from '../command.js';
import { UsageError, quote } from '../../errors.js';
import { findProjectRoot } from '../../project/find-project-root.js';
import type { RunPhase } from '../../learnings/event.js';

const USAGE = [
  '  shipgate learnings [show] [--format markdown|text] [--json]',
  '  shipgate learnings record (--pitfall ID ... | --note TEXT) [--new] [--phase gate|bump|deploy|rollback] [--by NAME] [--run-id ID]',
  '',
  '  show            print the lessons learned: pitfalls with frequency and last seen, patterns, metrics',
  '  --format        markdown (default, the learnings.md layout) or text (top pitfalls and metrics)',
  '  record          add what you learned; --pitfall may be repeated; the lesson counts for --phase (default deploy)',
  '  --new           accept a pitfall id that is not in the catalog yet (else unknown ids are refused: did you mean …)',
].join('\n');

export const command: CliCommand = {
  name: 'learnings',
  summary: 'Show the lessons learned, or record one.',
  usage: USAGE,
  options: {
    format: { type: 'string' },
    pitfall: { type: 'string', multiple: true },
    note: { type: 'string' },
    phase: { type: 'string' },
    by: { type: 'string' },
    'run-id': { type: 'string' },
    new: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(input, context) {
    const [action = 'show', ...extra] = input.positionals;
    if (extra.length > 0) throw new UsageError('shipgate learnings takes one action.', { found: input.positionals.join(' '), expected: 'show | record', hint: `Usage:\n${USAGE}` });
    if (action === 'show') return show(input.values, input.json, context);
    if (action === 'record') return record(input.values, input.json, context);
    throw new UsageError(`Unknown learnings action ${quote(action, 40)}.`, { where: 'shipgate learnings <action>', expected: 'show | record', hint: `Usage:\n${USAGE}` });
  },
};

async function show(values: Record<string, unknown>, json: boolean, context: CliContext): Promise<number> {
  const format = values.format ?? 'markdown';
  if (format !== 'markdown' && format !== 'text') {
    throw new UsageError('--format must be markdown or text.', { where: '--format', expected: 'markdown | text', found: String(format).slice(0, 40) });
  }
  const root = await findProjectRoot(context.cwd);
  const { readLearnings } = await import('../../learnings/read-learnings.js');
  const view = await readLearnings(root);
  if (json) {
    const { summary } = view;
    context.stdout.write(`${JSON.stringify({ ok: true, storeDir: view.storeDir, exists: view.exists, ...summary, warnings: view.warnings }, null, 2)}\n`);
    return 0;
  }
  for (const warning of view.warnings) context.stderr.write(`shipgate learnings: ${warning}\n`);
  if (format === 'markdown') {
    context.stdout.write(view.markdown);
    return 0;
  }
  const { formatTopPitfalls } = await import('../../learnings/summary.js');
  const lines = [view.exists ? formatTopPitfalls(view.summary).trimEnd() : 'shipgate lessons: no runs recorded in this repository yet.'];
  for (const metric of view.summary.metrics) lines.push(`${metric.name}: ${metric.current} (target ${metric.target}, trend ${metric.trend})`);
  if (view.summary.sparkline) lines.push(`Recent production deploys: ${view.summary.sparkline}`);
  context.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function record(values: Record<string, unknown>, json: boolean, context: CliContext): Promise<number> {
  const pitfalls = (values.pitfall as string[] | undefined) ?? [];
  const note = values.note as string | undefined;
  const phase = values.phase as string | undefined;
  const { recordLesson } = await import('../../learnings/record-lesson.js');
  const root = await findProjectRoot(context.cwd);
  const warnings: string[] = [];
  const event = await recordLesson(
    root,
    { pitfalls, note, about: phase as RunPhase | undefined, author: values.by as string | undefined, runId: values['run-id'] as string | undefined, allowNew: values.new === true },
    { now: context.now, onWarning: (message) => warnings.push(message) },
  );
  if (json) {
    context.stdout.write(`${JSON.stringify({ ok: true, event, warnings }, null, 2)}\n`);
  } else {
    for (const warning of warnings) context.stderr.write(`shipgate learnings: ${warning}\n`);
    const what = [event.pitfalls.length ? `pitfall${event.pitfalls.length === 1 ? '' : 's'} ${event.pitfalls.join(', ')}` : '', event.note ? 'a note' : ''].filter(Boolean).join(' and ');
    context.stdout.write(`Recorded ${what} (${event.runId}) for the ${event.about ?? 'deploy'} phase; learnings.md is updated.\n`);
  }
  return 0;
}
