import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parseDocument } from 'yaml';
import { parseSimpleFrontmatter } from '../../mcp-server/src/skill/simple-frontmatter.js';

/** What the `yaml` package says: data and [start, end) ranges of each key and value. */
function reference(raw: string) {
  const doc = parseDocument(raw, { uniqueKeys: true });
  expect(doc.errors).toEqual([]);
  const contents = doc.contents;
  if (!isMap(contents)) throw new Error('sample is not a mapping');
  return contents.items.map((pair) => {
    const key = pair.key as { value: unknown; range: [number, number, number] };
    const value = pair.value as { range: [number, number, number] };
    return { key: String(key.value), value: isScalar(pair.value) ? pair.value.toJS(doc) : undefined, keyStart: key.range[0], keyEnd: key.range[1], valueStart: value.range[0], valueEnd: value.range[1] };
  });
}

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const seedFrontmatters = readdirSync(fixtures)
  .map((f) => readFileSync(`${fixtures}${f}`, 'utf8'))
  .filter((t) => t.startsWith('---\n'))
  .map((t) => t.slice(4, t.indexOf('\n---', 4) + 1));

describe('the frontmatter fast path agrees with yaml', () => {
  const fast = [
    'name: deploy\n',
    'name: deploy-production\ndescription: "Deploy to production. Use when \\"shipping\\"."\nuser-invocable: true\ndisable-model-invocation: False\n',
    "description: 'it''s quoted'\ncontext: fork\n",
    'allowed-tools: Read, Bash(docker:*), Bash(kubectl:*)\nagent: Plan\n',
    'model: claude-sonnet-4-5\nargument-hint: strategy [--dry-run]\n',
    'name: x\r\ndescription: windows line\r\n',
    '\nname: blank lines\n\n',
  ];
  for (const raw of [...fast, ...seedFrontmatters.filter((r) => parseSimpleFrontmatter(r) !== null)]) {
    it(`fast: ${JSON.stringify(raw.slice(0, 60))}`, () => {
      const entries = parseSimpleFrontmatter(raw);
      expect(entries).not.toBeNull();
      expect(entries).toEqual(reference(raw));
    });
  }

  it('the seeds 001, 003 and 004 take the fast path, 002 (a number and a list) does not', () => {
    expect(seedFrontmatters.map((r) => parseSimpleFrontmatter(r) !== null)).toEqual([true, false, true, true]);
  });

  const slow = [
    'version: 1.0.0\n',
    'argument-hint: [strategy] [--dry-run]\n',
    'phase: 6\n',
    'commands:\n  - /deploy\n',
    'description: >\n  folded text\n',
    'name: x # comment\n',
    'key: value: nested\n',
    'a: null\n',
    'a: ~\n',
    'a: "\\x41"\n',
    'a: "unterminated\n',
    'a: *alias\n',
    'a: !tag x\n',
    'a: [1, 2]\n',
    'a: x\na: y\n',
    '  indented: x\n',
    '__proto__: x\n',
    'a: 1e3\n',
    'a: .inf\n',
    'a:\n',
    'a: \'bad\'quote\'\n',
  ];
  for (const raw of slow) {
    it(`falls back: ${JSON.stringify(raw)}`, () => {
      expect(parseSimpleFrontmatter(raw)).toBeNull();
    });
  }
});
