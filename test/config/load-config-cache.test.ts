/**
 * loadConfig keeps parsed configs by the sha256 of the file's bytes: an edit (even one keeping the size
 * and the modification time) parses again, a broken file is reported every time, and no caller can
 * change the copy another caller gets.
 */
import { mkdtemp, rm, utimes, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../mcp-server/src/config/load-config.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'shipgate-config-cache-'));
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const file = () => join(root, 'shipgate.config.yaml');

describe('loadConfig, parsed once per content', () => {
  it('an edit of the same size and time is seen at once', async () => {
    await writeFile(file(), 'app: one\n');
    const before = await stat(file());
    expect((await loadConfig(root)).config.app).toBe('one');
    await writeFile(file(), 'app: two\n');
    await utimes(file(), before.atime, before.mtime);
    expect((await loadConfig(root)).config.app).toBe('two');
  });

  it('a broken file fails every time, and a fixed one loads', async () => {
    await writeFile(file(), 'app: [unclosed\n');
    await expect(loadConfig(root)).rejects.toThrow(/not valid YAML/);
    await expect(loadConfig(root)).rejects.toThrow(/not valid YAML/);
    await writeFile(file(), 'app: fixed\n');
    expect((await loadConfig(root)).config.app).toBe('fixed');
  });

  it('each caller gets its own copy', async () => {
    await writeFile(file(), 'app: shared\nenvironments:\n  production:\n    provider: { type: git-push }\n');
    const first = await loadConfig(root);
    first.config.app = 'changed by a caller';
    (first.config.environments as Record<string, unknown>)['production'] = undefined;
    const second = await loadConfig(root);
    expect(second.config.app).toBe('shared');
    expect(second.config.environments['production']).toBeDefined();
    expect(second.hash).toBe(first.hash);
  });
});
