/**
 * The `validate_skills` MCP tool on a real project folder: structured output matches its outputSchema,
 * annotations are the read-only set, paths are project-relative and cannot escape the project.
 */
import { mkdtempSync, rmSync, symlinkSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { tool } from '../../mcp-server/src/server/tools/validate-skills.js';
import type { ToolContext } from '../../mcp-server/src/server/tool.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'validate');
const project = mkdtempSync(join(tmpdir(), 'shipgate-validate-tool-'));
cpSync(join(FIXTURES, 'check-id-format', 'bad'), join(project, 'plugin'), { recursive: true });
cpSync(join(FIXTURES, 'check-id-format', 'good'), join(project, 'clean'), { recursive: true });
symlinkSync(tmpdir(), join(project, 'escape'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const progress: number[] = [];
const context: ToolContext = {
  projectRoot: project,
  signal: new AbortController().signal,
  now: () => new Date(),
  env: { SHIPGATE_NO_CACHE: '1' },
  progress: async (p) => { progress.push(p); },
  log: async () => {},
};

describe('validate_skills tool', () => {
  test('contract: name and the four annotations', () => {
    expect(tool.name).toBe('validate_skills');
    expect(tool.annotations).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
  });

  test('reports diagnostics for a path inside the project, matching the output schema', async () => {
    const result = await tool.handler({ paths: ['plugin'] }, context);
    const structured = z.object(tool.outputSchema).strict().parse(result.structured);
    expect(structured.ok).toBe(false);
    expect(structured.errorCount).toBeGreaterThan(0);
    expect(structured.diagnostics.some((d) => d.ruleId === 'check-id-format' && d.file === 'plugin/skills/deploy-app/SKILL.md')).toBe(true);
    expect(result.text).toMatch(/plugin\/skills\/deploy-app\/SKILL\.md:\d+:\d+ error check-id-format/);
    expect(progress).toContain(1);
  });

  test('a clean folder is ok', async () => {
    const result = await tool.handler({ paths: ['clean'], strict: false }, context);
    expect(result.structured.errorCount).toBe(0);
    expect(result.structured.ok).toBe(true);
  });

  test('paths outside the project (.., absolute, symlink, NUL) are refused', async () => {
    for (const path of ['../', '/etc', 'escape', 'plugin\0x']) {
      await expect(tool.handler({ paths: [path] }, context)).rejects.toMatchObject({ code: 'input' });
    }
  });

  test('input schema bounds the paths list', () => {
    const schema = z.object(tool.inputSchema);
    expect(schema.safeParse({ paths: Array.from({ length: 101 }, () => 'a') }).success).toBe(false);
    expect(schema.safeParse({ paths: [''] }).success).toBe(false);
    expect(schema.safeParse({ paths: ['skills'], strict: true }).success).toBe(true);
  });
});
