/**
 * Each rule's documented examples run as tests (the remark-lint way): `docs.bad` written to disk where
 * the rule's own bad fixture lives is reported by that rule, and `docs.good` is not. So docs/rules.md
 * (rendered from the same examples) can never show an example the rule does not judge as it says.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { RULES } from '../../mcp-server/src/validate/rules/index.js';
import { validatePaths } from '../../mcp-server/src/validate/engine.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'validate');
const work = mkdtempSync(join(tmpdir(), 'shipgate-rule-docs-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Where the rule looks: the path of its bad (good) fixture's file of the examples' language. */
function examplePath(ruleId: string, variant: 'bad' | 'good', language: 'markdown' | 'json' | 'yaml'): string {
  const dir = join(FIXTURES, ruleId, variant);
  const files = filesUnder(dir).map((file) => relative(dir, file).split('\\').join('/')).filter((file) => file !== 'expect.txt');
  const extension = language === 'json' ? '.json' : language === 'yaml' ? '.yaml' : '.md';
  const wanted = files.find((file) => file.endsWith(extension));
  return wanted ?? (language === 'yaml' ? 'shipgate.config.yaml' : 'skills/example/SKILL.md');
}

async function diagnosticsOf(ruleId: string, variant: 'bad' | 'good', text: string, path: string): Promise<string[]> {
  const root = join(work, ruleId, variant);
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
  const result = await validatePaths(['.'], { cwd: root, cache: false });
  return result.diagnostics.map((d) => d.ruleId);
}

describe.each(RULES.map((rule) => [rule.meta.id, rule] as const))('%s docs', (ruleId, rule) => {
  const language = rule.meta.docs.language ?? 'markdown';
  test('the bad example is reported by the rule', async () => {
    expect(await diagnosticsOf(ruleId, 'bad', rule.meta.docs.bad, examplePath(ruleId, 'bad', language))).toContain(ruleId);
  });
  test('the good example is not', async () => {
    const ids = await diagnosticsOf(ruleId, 'good', rule.meta.docs.good, examplePath(ruleId, 'good', language));
    expect(ids).not.toContain(ruleId);
    expect(ids).not.toContain('internal-rule-error');
  });
});
