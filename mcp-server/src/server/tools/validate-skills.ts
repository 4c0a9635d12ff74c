/**
 * MCP tool `validate_skills`: lint skills, commands and manifests of the project (or given paths inside
 * it) and return every diagnostic with file:line:col, rule id and fix hint. Read-only and idempotent.
 * Paths are project-relative and checked with resolveInsideProject (no escaping the project, no NUL).
 * The engine, remark and the rules are loaded lazily inside the handler so `tools/list` stays cheap.
 */
import { relative } from 'node:path';
import { z } from 'zod';
import type { ToolDefinition } from '../tool.js';
import { resolveInsideProject } from '../../util/paths.js';

const diagnosticSchema = z.object({
  file: z.string(),
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int().optional(),
  endColumn: z.number().int().optional(),
  fix: z.object({ description: z.string(), replacement: z.string().optional() }).optional(),
  docsUrl: z.string().optional(),
});

const inputSchema = {
  paths: z
    .array(z.string().min(1).max(1024))
    .max(100)
    .optional()
    .describe('Project-relative plugin roots, skills folders or files to check. Default: the whole project.'),
  strict: z.boolean().optional().describe('Treat warnings as failures (ok=false when any warning).'),
};

const outputSchema = {
  ok: z.boolean(),
  filesChecked: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  diagnostics: z.array(diagnosticSchema),
};

const MAX_TEXT_DIAGNOSTICS = 50;

export const tool: ToolDefinition<typeof inputSchema, typeof outputSchema> = {
  name: 'validate_skills',
  title: 'Validate skills',
  description:
    'Lint the plugin\'s skills, commands, agents, hooks and manifests: frontmatter, XML control blocks (safety gates, checks, rollback procedures, logic flows), links and cross-references. Returns diagnostics with file, line, column, rule id and a fix hint. Read-only. Use before committing skill changes or when a gate definition looks wrong.',
  inputSchema,
  outputSchema,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async handler(args, context) {
    const requested = args.paths && args.paths.length > 0 ? args.paths : ['.'];
    const paths: string[] = [];
    for (const [i, path] of requested.entries()) paths.push(await resolveInsideProject(context.projectRoot, path, `paths[${i}]`));
    const { validatePaths } = await import('../../validate/engine.js');
    await context.progress(0, 1, `validating ${paths.length} path(s)`);
    const result = await validatePaths(paths.map((p) => relative(context.projectRoot, p) || '.'), { cwd: context.projectRoot, strict: args.strict === true });
    await context.progress(1, 1, 'done');
    const ok = !result.failed;
    const lines = result.diagnostics.slice(0, MAX_TEXT_DIAGNOSTICS).map((d) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}${d.fix ? ` (fix: ${d.fix.description})` : ''}`);
    if (result.diagnostics.length > MAX_TEXT_DIAGNOSTICS) lines.push(`… and ${result.diagnostics.length - MAX_TEXT_DIAGNOSTICS} more (see structuredContent).`);
    const summary = `${result.filesChecked} file(s) checked: ${result.errorCount} error(s), ${result.warningCount} warning(s)${ok ? '' : ' — validation failed'}.`;
    return {
      structured: { ok, filesChecked: result.filesChecked, errorCount: result.errorCount, warningCount: result.warningCount, diagnostics: result.diagnostics },
      text: [summary, ...lines].join('\n'),
    };
  },
};
