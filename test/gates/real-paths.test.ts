/**
 * The guard's real-path resolver against the kernel: every answer for an existing path equals
 * realpath(3), dangling links are followed to where a write would land, loops and link trees end, and
 * a folder read by listing (after many names in it) answers exactly as one read by lstat.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { realPathResolver } from '../../mcp-server/src/gates/guard/real-paths.js';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-real-')));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const at = (path: string) => join(base, path);
mkdirSync(at('state/receipts'), { recursive: true });
writeFileSync(at('state/receipts/p.json'), '{}');
mkdirSync(at('repo/sub'), { recursive: true });
symlinkSync(at('state'), at('repo/abs-link'));
symlinkSync('../state', at('repo/rel-link'));
symlinkSync('../../state/receipts/new.json', at('repo/sub/dangling'));
symlinkSync('sub/../abs-link', at('repo/through-dotdot'));
symlinkSync('abs-link/receipts', at('repo/deep'));
symlinkSync('deep/../receipts', at('repo/physical-parent'));
symlinkSync('loop-b', at('repo/loop-a'));
symlinkSync('loop-a', at('repo/loop-b'));
for (let i = 0; i < 8; i += 1) symlinkSync(Array.from({ length: 8 }, () => `t${i + 1}`).join('/'), at(`repo/t${i}`));
for (let i = 0; i < 100; i += 1) writeFileSync(at(`repo/f${i}`), '');

describe('real paths as the kernel walks them', () => {
  it('equals realpath(3) for every existing path', () => {
    const real = realPathResolver();
    for (const path of ['repo/abs-link/receipts/p.json', 'repo/rel-link/receipts', 'repo/through-dotdot/receipts/p.json', 'repo/deep/p.json', 'repo/f7', 'repo/sub']) {
      expect(real(at(path))).toBe(realpathSync(at(path)));
    }
  });

  it('follows a dangling link to where a write would create the file', () => {
    expect(realPathResolver()(at('repo/sub/dangling'))).toBe(at('state/receipts/new.json'));
    expect(realPathResolver()(at('repo/abs-link/receipts/missing/deeper.json'))).toBe(at('state/receipts/missing/deeper.json'));
  });

  it('reads `..` inside a link target after the link before it, as the kernel does', () => {
    // deep -> state/receipts, so deep/.. is state, not repo: the lexical answer would be repo/receipts.
    expect(realPathResolver()(at('repo/physical-parent/p.json'))).toBe(at('state/receipts/p.json'));
  });

  it('ends on a link loop and on a tree of links, without exploring every branch', () => {
    const real = realPathResolver();
    expect(typeof real(at('repo/loop-a/x'))).toBe('string');
    const started = performance.now();
    expect(typeof real(at('repo/t0'))).toBe('string');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('answers the same by listing as by lstat', () => {
    const real = realPathResolver();
    const names = [...Array.from({ length: 100 }, (_, i) => `f${i}`), 'abs-link/receipts/p.json', 'sub/dangling', 'missing', 'rel-link', 'through-dotdot/receipts'];
    // The first answers come from lstat; past 32 names in repo/ the folder's listing answers.
    const answers = names.map((name) => real(at(`repo/${name}`)));
    const fresh = names.map((name) => realPathResolver()(at(`repo/${name}`)));
    expect(answers).toEqual(fresh);
    expect(answers.at(-5)).toBe(at('state/receipts/p.json'));
    expect(answers.at(-4)).toBe(at('state/receipts/new.json'));
    expect(answers.at(-3)).toBe(at('repo/missing'));
  });

  it('normalises a path that is not (`.`, `..`, `//`, trailing `/`)', () => {
    expect(realPathResolver()(`${at('repo')}//sub/../abs-link/./receipts/`)).toBe(at('state/receipts'));
  });
});
