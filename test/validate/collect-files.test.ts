/**
 * The walk tells the engine of each Markdown file as it finds it (so workers can start, and be handed
 * files, before the walk ends): once per file, at the position the file has among the Markdown files of
 * the finished collection, which is how the engine indexes its results.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { collectFiles, type CollectedFile } from '../../mcp-server/src/validate/collect-files.js';

const dir = mkdtempSync(join(tmpdir(), 'shipgate-collect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text = '# x\n'): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

describe('collectFiles onMarkdown', () => {
  test('each Markdown file once, in the order and at the index it has in the collection; manifests and config not', () => {
    write('plugin/.claude-plugin/plugin.json', '{"name":"p"}');
    write('plugin/shipgate.config.yaml', 'app: demo\n');
    for (const name of ['b', 'a', 'c']) write(`plugin/skills/${name}/SKILL.md`);
    write('plugin/skills/a/references/more.md');
    write('plugin/commands/go.md');
    const seen: [CollectedFile, number][] = [];
    // The plugin root, then one of its skills again, as a file: still one file, with the kind first found.
    const collection = collectFiles(['plugin', 'plugin/skills/a/SKILL.md'], dir, (file, index) => seen.push([{ ...file }, index]));
    const markdown = collection.files.filter((f) => f.type === 'markdown');
    expect(markdown.map((f) => f.path.slice(dir.length + 1))).toEqual(['plugin/skills/a/SKILL.md', 'plugin/skills/a/references/more.md', 'plugin/skills/b/SKILL.md', 'plugin/skills/c/SKILL.md', 'plugin/commands/go.md']);
    expect(seen.map(([file, index]) => [file.path, index])).toEqual(markdown.map((file, index) => [file.path, index]));
    expect(seen.map(([file]) => file)).toEqual(markdown);
    expect(markdown.map((f) => f.kind)).toEqual(['skill', 'reference', 'skill', 'skill', 'command']);
    expect(collection.files.filter((f) => f.type !== 'markdown').map((f) => f.type).sort()).toEqual(['config', 'json']);
  });
});
