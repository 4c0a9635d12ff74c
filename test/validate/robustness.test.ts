/**
 * Hostile input never crashes the engine: empty files, no frontmatter, binary junk, a 1 MB file and
 * unclosed everything all yield diagnostics with valid 1-based positions, and no rule throws.
 * Also: a throwing rule is turned into an `internal-rule-error` diagnostic, and the cache returns the
 * same result on a re-run.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { validatePaths } from '../../mcp-server/src/validate/engine.js';
import { processFile } from '../../mcp-server/src/validate/process-file.js';
import type { DocumentRule } from '../../mcp-server/src/validate/rule.js';

const dir = mkdtempSync(join(tmpdir(), 'shipgate-validate-robust-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function plugin(name: string, files: Record<string, string | Buffer>): string {
  const root = join(dir, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(join(root, rel, '..'), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  return root;
}

const unclosed = '---\nname: x\n<safety_gate type="blocking">\n<checks>\n- <check id="a">\n<command>npm test\n<logic_flow>\ndigraph D {\n A -> \n<rollback_procedure>\n<steps sequential="true">\n<step id="1">\n[link](references/\n```\nunclosed fence\n';
const big = `---\nname: big\ndescription: Deploys. Use when x. Not for y.\n---\n${'<check id="Bad-Id">\n'.repeat(2000)}${'lorem ipsum dolor sit amet '.repeat(38_000)}`;

const cases: Record<string, string | Buffer> = {
  empty: '',
  'no-frontmatter': '# Just a title\n\nSome prose with $ARGUMENTS and <safety_gate>.\n',
  binary: Buffer.from([0, 1, 2, 255, 254, 0, 10, 60, 99, 104, 0]),
  junk: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256).filter((b) => b !== 0)),
  unclosed,
  'one-megabyte': big,
  'only-fence': '---\n',
  'crlf': '---\r\nname: crlf\r\ndescription: Deploys. Use when x. Not for y.\r\n---\r\n<safety_gate type="blocking">\r\n</safety_gate>\r\n',
};

describe('robustness', () => {
  test.each(Object.keys(cases))('%s: diagnostics with valid positions, no crash', async (name) => {
    const content = cases[name]!;
    const root = plugin(name, { 'skills/s/SKILL.md': content, 'commands/c.md': content, 'agents/a.md': content, 'skills/s/references/r.md': content, '.claude-plugin/plugin.json': typeof content === 'string' ? content : content, 'hooks/hooks.json': content, '.mcp.json': content });
    const started = Date.now();
    const result = await validatePaths(['.'], { cwd: root, cache: false });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.filesChecked).toBe(7);
    expect(result.diagnostics.filter((d) => d.ruleId === 'internal-rule-error')).toEqual([]);
    expect(result.diagnostics.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.endLine!).toBeGreaterThanOrEqual(d.line);
      if (d.endLine === d.line) expect(d.endColumn!).toBeGreaterThanOrEqual(d.column);
      expect(d.message.length).toBeGreaterThan(0);
      expect(d.docsUrl).toContain(`rules.md#${d.ruleId}`);
    }
  }, 60_000);

  test('a throwing rule becomes an internal-rule-error diagnostic, other rules still run', () => {
    const throwing: DocumentRule = { meta: { id: 'boom', description: 'throws', severity: 'error', scope: 'document', docs: { why: 'x', bad: 'a', good: 'b' } }, check() { throw new Error('kaboom'); } };
    const reporting: DocumentRule = { meta: { id: 'far-away', description: 'reports out of range', severity: 'warning', scope: 'document', docs: { why: 'x', bad: 'a', good: 'b' } }, check({ report }) { report({ message: 'x', position: { line: 999, column: -5, endLine: 2, endColumn: 0 } }); } };
    const result = processFile('/tmp/x/SKILL.md', 'skill', Buffer.from('line one\nline two\n'), [throwing, reporting], (m) => m.severity);
    const crash = result.diagnostics.find((d) => d.ruleId === 'internal-rule-error');
    expect(crash?.message).toContain('boom');
    expect(crash?.message).toContain('kaboom');
    const clamped = result.diagnostics.find((d) => d.ruleId === 'far-away')!;
    expect(clamped).toMatchObject({ line: 3, column: 1, endLine: 3, severity: 'warning' });
  });

  test('the content-hash cache gives the same result on a re-run and notices edits', async () => {
    const root = plugin('cached', { 'skills/s/SKILL.md': '---\nname: Bad_Name\ndescription: Deploys. Use when x. Not for y.\n---\n' });
    const cwd = root;
    const first = await validatePaths(['.'], { cwd });
    const second = await validatePaths(['.'], { cwd });
    expect(second.stats.cacheHits).toBe(1);
    expect(second.diagnostics).toEqual(first.diagnostics);
    expect(first.diagnostics.some((d) => d.ruleId === 'name-format')).toBe(true);
    writeFileSync(join(root, 'skills/s/SKILL.md'), '---\nname: s\ndescription: Deploys. Use when x. Not for y.\n---\n');
    const third = await validatePaths(['.'], { cwd });
    expect(third.stats.cacheHits).toBe(0);
    expect(third.diagnostics.some((d) => d.ruleId === 'name-format')).toBe(false);
  });

  test('a path that does not exist is a usage error', async () => {
    await expect(validatePaths(['nope'], { cwd: dir })).rejects.toMatchObject({ code: 'usage', exitCode: 2 });
  });
});
