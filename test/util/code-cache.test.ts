/**
 * util/code-cache.ts: a CommonJS file loaded through a V8 code cache. The cache is bytecode, so the
 * tests check the one thing that matters, that it never runs code other than the file's own: a new
 * cache is written only by a process that compiled, a damaged or foreign cache is compiled over, and an
 * edit that keeps the file's length (which V8's own check does not see) still gets new code.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { codeCachePath, requireWithCodeCache } from '../../mcp-server/src/util/code-cache.js';

const nodeRequire = createRequire(import.meta.url);
let built: string;
let dir: string;
let file: string;
let cacheDir: string;

const moduleText = (answer: string) => `function helper(x) { return x + 1; }\nmodule.exports = { answer: () => ${JSON.stringify(answer)}, helper, dir: __dirname, file: __filename };\n`;

// V8 keeps compiled scripts per process and then ignores the cache it is given, so whatever depends on
// reading a cache runs in a fresh process, as the guard does: this file, bundled, loads the module there.
beforeAll(async () => {
  built = mkdtempSync(join(tmpdir(), 'shipgate-code-cache-lib-'));
  await build({ entryPoints: [join(process.cwd(), 'mcp-server/src/util/code-cache.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(built, 'code-cache.cjs'), logLevel: 'error' });
});
afterAll(() => rmSync(built, { recursive: true, force: true }));

/** In a new process: load `file` through the cache, report how, call answer(), and save the cache when told. */
function loadInProcess(buildId: string, save = true): { loadedFrom: string; answer: string } {
  const script = `const { requireWithCodeCache } = require(process.argv[1]);
    const m = requireWithCodeCache(process.argv[2], process.argv[3], process.argv[4], require);
    const answer = m.exports.answer();
    if (process.argv[5] === 'save') m.saveCache();
    process.stdout.write(JSON.stringify({ loadedFrom: m.loadedFrom, answer }));`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, join(built, 'code-cache.cjs'), file, cacheDir, buildId, save ? 'save' : 'no'], { encoding: 'utf8' })) as { loadedFrom: string; answer: string };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipgate-code-cache-'));
  file = join(dir, 'core.cjs');
  cacheDir = join(dir, 'state', 'guard-code');
  writeFileSync(file, moduleText('one'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

type Core = { answer(): string; helper(x: number): number; dir: string; file: string };

describe('requireWithCodeCache', () => {
  it('compiles and writes the cache once, then loads from it with the same behaviour and the usual CommonJS names', () => {
    const inHere = requireWithCodeCache<Core>(file, undefined, 'build1', nodeRequire);
    expect(inHere.loadedFrom).toBe('compiled');
    expect(inHere.exports.dir).toBe(dir);
    expect(inHere.exports.file).toBe(file);
    expect(inHere.exports.helper(41)).toBe(42);

    expect(loadInProcess('build1')).toEqual({ loadedFrom: 'compiled', answer: 'one' });
    const [name] = readdirSync(cacheDir);
    expect(name).toMatch(/^code-build1-[0-9a-f]{8}\.v8$/);
    const written = statSync(join(cacheDir, name!));
    expect(written.mode & 0o777).toBe(0o600);
    // A process that read the cache does not write it.
    expect(loadInProcess('build1')).toEqual({ loadedFrom: 'cache', answer: 'one' });
    expect(statSync(join(cacheDir, name!)).mtimeMs).toBe(written.mtimeMs);
  });

  it('runs `prepare` before taking the cache, and only in a process that compiled', () => {
    const compiled = requireWithCodeCache<Core>(file, cacheDir, 'b', nodeRequire);
    let prepared = 0;
    compiled.saveCache(() => { prepared += 1; });
    expect(prepared).toBe(1);
    expect(readdirSync(cacheDir)).toHaveLength(1);
  });

  it('compiles over a damaged cache (garbage, truncated, empty) and replaces it with a good one', () => {
    expect(loadInProcess('b').loadedFrom).toBe('compiled');
    const cache = join(cacheDir, readdirSync(cacheDir)[0]!);
    const valid = readFileSync(cache);
    for (const damaged of [Buffer.from('not a code cache at all'), valid.subarray(0, valid.length >> 1), Buffer.alloc(0), Buffer.alloc(valid.length, 0x41)]) {
      writeFileSync(cache, damaged);
      expect(loadInProcess('b')).toEqual({ loadedFrom: 'compiled', answer: 'one' });
      expect(readFileSync(cache).equals(damaged)).toBe(false);
      expect(loadInProcess('b')).toEqual({ loadedFrom: 'cache', answer: 'one' });
    }
  });

  it('an edit that keeps the file length gets new code, although V8 alone would run the old bytecode (control)', () => {
    expect(loadInProcess('b').loadedFrom).toBe('compiled'); // answer() ran, so its bytecode is in the cache
    const oldCache = readFileSync(join(cacheDir, readdirSync(cacheDir)[0]!));
    const before = statSync(file);
    writeFileSync(file, moduleText('two')); // same length as 'one'
    utimesSync(file, before.atime, new Date(before.mtimeMs + 2_000));
    expect(statSync(file).size).toBe(before.size);

    expect(loadInProcess('b', false)).toEqual({ loadedFrom: 'compiled', answer: 'two' });

    // Control, in a fresh process as the guard runs: V8's own check sees only the length, so the old
    // cache is accepted for the new text and the old code runs. The cache name carries the file's
    // stamp for exactly this reason.
    const probe = `const { Script } = require('node:vm'); const fs = require('node:fs');
      const s = new Script('(function (exports, require, module, __filename, __dirname) {' + fs.readFileSync(process.argv[1], 'utf8') + '\\n})', { filename: process.argv[1], cachedData: fs.readFileSync(process.argv[2]) });
      const m = { exports: {} }; s.runInThisContext()(m.exports, require, m, process.argv[1], '.');
      process.stdout.write(JSON.stringify({ rejected: s.cachedDataRejected, answer: m.exports.answer() }));`;
    const oldCacheFile = join(dir, 'old.v8');
    writeFileSync(oldCacheFile, oldCache);
    const control = JSON.parse(execFileSync(process.execPath, ['-e', probe, file, oldCacheFile], { encoding: 'utf8' })) as { rejected: boolean; answer: string };
    expect(control).toEqual({ rejected: false, answer: 'one' });
  });

  it('a new build id never reads the old cache; another build\'s cache goes once it is a week old, not before', () => {
    requireWithCodeCache<Core>(file, cacheDir, 'old', nodeRequire).saveCache();
    requireWithCodeCache<Core>(file, cacheDir, 'other', nodeRequire).saveCache();
    writeFileSync(join(cacheDir, 'unrelated.json'), '{}');
    const oldName = codeCachePath(cacheDir, file, 'old', 'code').split('/').pop()!;
    const otherName = codeCachePath(cacheDir, file, 'other', 'code').split('/').pop()!;
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    utimesSync(join(cacheDir, oldName), weekAgo, weekAgo);
    const next = requireWithCodeCache<Core>(file, cacheDir, 'new', nodeRequire);
    expect(next.loadedFrom).toBe('compiled');
    next.saveCache();
    // Two builds in use side by side keep their caches (else each call would delete the other's).
    expect(readdirSync(cacheDir).sort()).toEqual([codeCachePath(cacheDir, file, 'new', 'code').split('/').pop(), otherName, 'unrelated.json'].sort());
  });

  it('works without a cache folder, and when the folder cannot be written', () => {
    const none = requireWithCodeCache<Core>(file, undefined, 'b', nodeRequire);
    expect(none.exports.answer()).toBe('one');
    none.saveCache();
    writeFileSync(join(dir, 'state'), 'a file where the folder should be');
    const blocked = requireWithCodeCache<Core>(file, cacheDir, 'b', nodeRequire);
    expect(blocked.loadedFrom).toBe('compiled');
    // Where nothing can be written, the warm-up is not run for nothing on every call.
    let prepared = 0;
    expect(() => blocked.saveCache(() => { prepared += 1; })).not.toThrow();
    expect(prepared).toBe(0);
    expect(blocked.exports.answer()).toBe('one');
  });

  it('never writes through a link planted at the temporary name', () => {
    const first = requireWithCodeCache<Core>(file, cacheDir, 'b', nodeRequire);
    mkdirSync(cacheDir, { recursive: true });
    const cache = codeCachePath(cacheDir, file, 'b', 'code');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, `${cache}.${process.pid}.tmp`);
    first.saveCache();
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(existsSync(cache)).toBe(false);
  });

  it('a file that does not load is reported to the caller, not swallowed', () => {
    writeFileSync(file, 'module.exports = {;\n');
    expect(() => requireWithCodeCache<Core>(file, cacheDir, 'b', nodeRequire)).toThrow(SyntaxError);
    expect(() => requireWithCodeCache<Core>(join(dir, 'missing.cjs'), cacheDir, 'b', nodeRequire)).toThrow(/Cannot find module|ENOENT/);
  });
});
