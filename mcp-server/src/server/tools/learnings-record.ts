/**
 * `learnings_record`: add what a human learned (the /retrospect command) as a 'retrospect' event: one
 * or more known pitfall ids and/or a short note, for a phase. It counts in the frequencies like a
 * detected pitfall and re-renders learnings.md. Annotations: writes (not read-only), only appends and
 * never removes anything (not destructive), each call adds another event (not idempotent), stays in
 * the project (closed world).
 *
 * Good: `{ pitfallId: 'missing_git_tag', note: 'Tag before deploying', about: 'deploy', author: 'ana' }`.
 * Bad:  `{ note: 'x'.repeat(100000) }` → refused by the input schema, nothing written;
 *       `{ pitfallId: 'missing_gti_tag' }` → refused with "did you mean missing_git_tag" unless `newPitfall: true`.
 */
import { z } from 'zod';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  pitfallId: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/).optional().describe('One pitfall id seen, e.g. missing_git_tag (see learnings_get).'),
  pitfalls: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,63}$/)).max(10).default([]).describe('Several pitfall ids seen (alternative to pitfallId).'),
  note: z.string().max(2000).optional().describe('What was learned, in a sentence or two.'),
  about: z.enum(['gate', 'bump', 'deploy', 'rollback']).default('deploy').describe('The phase the lesson is about; its pitfalls count in that phase’s frequency window.'),
  author: z.string().min(1).max(100).optional().describe('Who learned it.'),
  runId: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/).optional().describe('The run the lesson is about, when known (from deployment_status).'),
  newPitfall: z.boolean().default(false).describe('Set true to add a pitfall id that is not in the catalog yet; otherwise unknown ids are refused with the closest known id.'),
};
const outputSchema = {
  recorded: z.boolean(),
  runId: z.string(),
  at: z.string(),
  pitfallId: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/).optional().describe('One pitfall id seen, e.g. missing_git_tag (see learnings_get).'),
  pitfalls: z.array(z.string()),
  about: z.string(),
  warnings: z.array(z.string()),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'learnings_record',
  title: 'Record a lesson learned',
  description:
    'Record what was learned from a run (a retrospective): known pitfall ids and/or a short note. Appends one event to the repository’s learnings store; frequencies and learnings.md update from it. Never edit learnings.md by hand.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  async handler(args, context) {
    const { recordLesson } = await import('../../learnings/record-lesson.js');
    const warnings: string[] = [];
    const event = await recordLesson(
      context.projectRoot,
      { pitfalls: [...new Set([...(args.pitfallId ? [args.pitfallId] : []), ...args.pitfalls])], note: args.note, about: args.about, author: args.author, runId: args.runId, allowNew: args.newPitfall },
      { now: context.now, onWarning: (message) => warnings.push(message) },
    );
    const what = [event.pitfalls.length ? event.pitfalls.join(', ') : '', event.note ? 'a note' : ''].filter(Boolean).join(' and ');
    return {
      structured: { recorded: true, runId: event.runId, at: event.at, pitfalls: event.pitfalls, about: event.about ?? args.about, warnings },
      text: `Recorded ${what} for the ${event.about ?? args.about} phase (${event.runId}); learnings.md is updated.`,
    };
  },
};
