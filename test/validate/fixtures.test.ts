/**
 * The data-driven rule test: every folder test/fixtures/validate/<rule-id>/{bad,good}/ is validated
 * for real (files on disk, no cache). Expected diagnostics are marked inline on the offending line
 * (`<!-- expect: rule-id -->`, `# expect: rule-id`, `// expect: ...`), or listed as `path:line rule-id`
 * in an `expect.txt` for JSON files that cannot hold comments.
 * bad/: every marker has a diagnostic of that rule on that line, and the rule reports nothing unmarked.
 * good/: the rule reports nothing, and no rule crashes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validatePaths } from '../../mcp-server/src/validate/engine.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'validate');
const MARKER = /expect: ([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** `file:line rule` strings expected in a fixture folder. */
function expectedIn(dir: string): string[] {
  const expected: string[] = [];
  for (const file of filesUnder(dir)) {
    const rel = relative(dir, file).split('\\').join('/');
    const lines = readFileSync(file, 'utf8').split('\n');
    if (rel === 'expect.txt') {
      for (const line of lines) if (line.trim()) expected.push(line.trim());
      continue;
    }
    lines.forEach((line, i) => {
      const match = MARKER.exec(line);
      if (match) for (const rule of match[1]!.split(',')) expected.push(`${rel}:${i + 1} ${rule.trim()}`);
    });
  }
  return expected.sort();
}

const ruleDirs = readdirSync(FIXTURES).filter((name) => statSync(join(FIXTURES, name)).isDirectory()).sort();

describe.each(ruleDirs)('%s', (ruleId) => {
  test('bad: reports exactly the marked lines', async () => {
    const dir = join(FIXTURES, ruleId, 'bad');
    const expected = expectedIn(dir);
    expect(expected.filter((e) => e.endsWith(` ${ruleId}`)).length, 'a bad fixture marks at least one line for its rule').toBeGreaterThan(0);
    const result = await validatePaths(['.'], { cwd: dir, cache: false });
    const actual = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId}`);
    for (const e of expected) expect(actual, `expected ${e} in ${JSON.stringify(actual)}`).toContain(e);
    const own = [...new Set(actual.filter((a) => a.endsWith(` ${ruleId}`)))].sort();
    expect(own).toEqual([...new Set(expected.filter((e) => e.endsWith(` ${ruleId}`)))].sort());
    expect(result.diagnostics.filter((d) => d.ruleId === 'internal-rule-error')).toEqual([]);
  });

  test('good: the rule reports nothing', async () => {
    const dir = join(FIXTURES, ruleId, 'good');
    const result = await validatePaths(['.'], { cwd: dir, cache: false });
    expect(result.diagnostics.filter((d) => d.ruleId === ruleId || d.ruleId === 'internal-rule-error')).toEqual([]);
    expect(result.filesChecked).toBeGreaterThan(0);
  });
});
