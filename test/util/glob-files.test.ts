/**
 * util/glob-files.ts on a real folder: tinyglobby's syntax ({a,b}, [ab], **), dotfiles only when
 * named, .git and node_modules never searched, and nothing outside the project, not even through a
 * symlink or a `..` pattern.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { globFiles } from '../../mcp-server/src/util/glob-files.js';

let base: string;
let root: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'shipgate-glob-'));
  root = join(base, 'project');
  const files = ['dist/index.js', 'build/index.js', 'out/index.js', 'logs/a.txt', 'logs/b.txt', 'logs/c.txt', 'specs/001-x/state.yaml', 'specs/002-y/deep/state.yaml', '.hidden/state.yaml', 'node_modules/pkg/state.yaml', '.git/state.yaml'];
  for (const file of files) {
    await mkdir(dirname(join(root, file)), { recursive: true });
    await writeFile(join(root, file), file);
  }
  await mkdir(join(base, 'outside'), { recursive: true });
  await writeFile(join(base, 'outside', 'secret.txt'), 'secret');
  await symlink(join(base, 'outside'), join(root, 'link'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const names = async (pattern: string) => (await globFiles(root, pattern)).map((m) => m.relativePath);

describe('globFiles', () => {
  it('braces, classes and ** work', async () => {
    expect(await names('{dist,build}/index.js')).toEqual(['build/index.js', 'dist/index.js']);
    expect(await names('logs/[ab].txt')).toEqual(['logs/a.txt', 'logs/b.txt']);
    expect(await names('specs/**/state.yaml')).toEqual(['specs/001-x/state.yaml', 'specs/002-y/deep/state.yaml']);
    expect(await names('specs/*/state.yaml')).toEqual(['specs/001-x/state.yaml']);
  });

  it('dotfiles only when named; .git and node_modules never', async () => {
    expect(await names('**/state.yaml')).toEqual(['specs/001-x/state.yaml', 'specs/002-y/deep/state.yaml']);
    expect(await names('.hidden/state.yaml')).toEqual(['.hidden/state.yaml']);
    expect(await names('node_modules/**/state.yaml')).toEqual([]);
  });

  it('nothing outside the project: not through a symlink, not with .. or an absolute path', async () => {
    expect(await names('link/*.txt')).toEqual([]);
    expect(await names('**/*.txt')).toEqual(['logs/a.txt', 'logs/b.txt', 'logs/c.txt']);
    expect(await names('../outside/*.txt')).toEqual([]);
    expect(await names(join(base, 'outside', '*.txt'))).toEqual([]);
  });

  it('reports size and mtime for age and size checks', async () => {
    const [match] = await globFiles(root, 'logs/a.txt');
    expect(match).toMatchObject({ relativePath: 'logs/a.txt', size: 'logs/a.txt'.length, path: join(root, 'logs/a.txt') });
    expect(match!.mtimeMs).toBeGreaterThan(0);
  });
});
