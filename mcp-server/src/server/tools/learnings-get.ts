/**
 * `learnings_get`: this repository's lessons learned as structured data: every catalog pitfall with
 * its frequency over the last 5 runs of its phase, last seen and total count; the metrics table; and
 * the rendered Markdown (the same text as the `shipgate://learnings` resource). Read-only,
 * idempotent, closed world: it only reads the store in the project.
 *
 * Good: `{}` → `{ top: [{ id: 'missing_git_tag', frequency: '★★☆☆☆ (2/5)', ... }], metrics: [...] }`.
 * Bad:  `{ environment: '../x' }` → refused by the input schema.
 */
import { z } from 'zod';
import { environmentNameSchema } from '../../config/names.js';
import type { ToolDefinition } from '../tool.js';

const inputSchema = {
  environment: environmentNameSchema.optional().describe('Limit to runs in one environment (lessons recorded by humans are always kept).'),
  includeMarkdown: z.boolean().default(true).describe('Also return the rendered learnings.md text.'),
};

const pitfall = z.object({
  id: z.string(),
  title: z.string(),
  phase: z.string(),
  frequency: z.string(),
  seen: z.number(),
  window: z.number(),
  count: z.number(),
  lastSeen: z.string().optional(),
  impact: z.string().optional(),
  prevention: z.string().optional(),
  detectable: z.boolean(),
});
const outputSchema = {
  exists: z.boolean(),
  runs: z.number(),
  pitfalls: z.array(pitfall),
  top: z.array(pitfall),
  metrics: z.array(z.object({ id: z.string(), name: z.string(), target: z.string(), current: z.string(), value: z.number().nullable(), meetsTarget: z.boolean().nullable(), trend: z.string() })),
  sparkline: z.string(),
  updated: z.string().optional(),
  markdown: z.string(),
  warnings: z.array(z.string()),
};

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'learnings_get',
  title: 'Get lessons learned',
  description:
    'Return the lessons learned from previous runs in this repository: known pitfalls with how often they were seen in the last 5 runs of their phase, when last seen and how to prevent them, plus deploy success, rollback frequency and duration metrics. Call before gating or deploying.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, context) {
    const { readLearnings } = await import('../../learnings/read-learnings.js');
    const { summarizeLearnings, formatTopPitfalls } = await import('../../learnings/summary.js');
    const { renderLearnings } = await import('../../learnings/render.js');
    const { readCatalogSnapshot } = await import('../../learnings/catalog-snapshot.js');
    const view = await readLearnings(context.projectRoot);
    let { summary, markdown } = view;
    if (args.environment) {
      // One environment's view is the rare case: it folds the events of that environment afresh.
      const { readEvents } = await import('../../learnings/store.js');
      const events = (await readEvents(view.storeDir)).events.filter((e) => e.phase === 'retrospect' || e.environment === undefined || e.environment === args.environment);
      const catalog = await readCatalogSnapshot(view.storeDir);
      summary = summarizeLearnings(events, catalog);
      markdown = renderLearnings(events, catalog, { productionEnvironment: args.environment });
    }
    const shape = (p: (typeof summary.pitfalls)[number]) => ({
      id: p.id, title: p.title, phase: p.phase, frequency: p.frequency, seen: p.seen, window: p.window, count: p.count,
      lastSeen: p.lastSeen, impact: p.impact, prevention: p.prevention, detectable: p.detectable,
    });
    const text = view.exists ? formatTopPitfalls(summary) : 'No learnings recorded in this repository yet: every gate, bump, deploy and rollback will add one.\n';
    return {
      structured: {
        exists: view.exists,
        runs: summary.runs,
        pitfalls: summary.pitfalls.map(shape),
        top: summary.top.map(shape),
        metrics: summary.metrics.map((m) => ({ id: m.id, name: m.name, target: m.target, current: m.current, value: m.value, meetsTarget: m.meetsTarget, trend: m.trend })),
        sparkline: summary.sparkline,
        updated: summary.updated,
        markdown: args.includeMarkdown ? markdown : '',
        warnings: view.warnings,
      },
      text,
    };
  },
};
