/**
 * writeFileAtomic: readers see the old or the new file, never half; temp files never stay behind; and
 * no node:crypto is needed for unique temp names (the hooks and `learnings show` rely on that).
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../mcp-server/src/util/atomic-write.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-atomic-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temp file, durable or not', async () => {
    const file = join(dir, 'nested/state.json');
    await writeFileAtomic(file, 'old');
    await writeFileAtomic(file, 'new', { durable: false });
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readdir(join(dir, 'nested'))).toEqual(['state.json']);
  });

  it('200 concurrent writes of one file: each temp name is unique, the last rename wins whole', async () => {
    const file = join(dir, 'summary.json');
    const bodies = Array.from({ length: 200 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat(2000) }));
    await Promise.all(bodies.map((body, i) => writeFileAtomic(file, body, { durable: i % 2 === 0 })));
    expect(bodies).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir)).toEqual(['summary.json']);
  });

  it('a rename that fails (the target is a folder) throws and cleans its temp file up', async () => {
    const target = join(dir, 'taken');
    await mkdir(target);
    await writeFile(join(target, 'inside'), 'x');
    await expect(writeFileAtomic(target, 'data')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(await readdir(dir)).toEqual(['taken']);
  });
});
