/**
 * Files git is told not to look at (assume-unchanged, skip-worktree) on real repositories: the index
 * reader answers "none" without a spawn for the indexes git really writes (versions 2, 3 and 4, names
 * of every padding length), "maybe" for anything flagged or not understood; the names come from git;
 * and the clean-tree check refuses an edit hidden that way, as an agent with Bash would hide it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, type FixtureRepo } from '../gates/fixture-repo.js';
import { hiddenEntries, scanIndex } from '../../mcp-server/src/project/git-hidden-entries.js';
import { HIDDEN_NOTE, requireCleanTree, uncommittedPaths } from '../../mcp-server/src/project/working-tree.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { readReceipt } from '../../mcp-server/src/gates/receipts.js';

const OUTPUT = { records: { dir: '.claude/processes' }, learnings: { dir: '.claude/shipgate/learnings' } };
const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

/** Names of every length 1..40 (each padding case several times), in nested folders too. */
async function repo(): Promise<FixtureRepo> {
  const files: Record<string, string> = { 'src/app.js': 'ok\n' };
  for (let n = 1; n <= 40; n += 1) files[`${'f'.repeat(n)}.txt`] = `${n}\n`;
  for (let n = 1; n <= 12; n += 1) files[`deep/${'d'.repeat(n)}/${'x'.repeat(n * 3)}`] = 'x\n';
  const made = await makeRepo(files);
  repos.push(made);
  return made;
}

const index = (r: FixtureRepo) => readFile(join(r.root, '.git', 'index'));

describe('index reader', () => {
  it('answers "none" for the indexes git writes, versions 2, 3 and 4', async () => {
    const r = await repo();
    expect((await index(r)).readUInt32BE(4)).toBe(2);
    expect(scanIndex(await index(r))).toBe('none');
    // Intent-to-add needs extended flags: git writes version 3.
    await writeFile(join(r.root, 'later.js'), 'x\n');
    r.git('add', '-N', 'later.js');
    expect((await index(r)).readUInt32BE(4)).toBe(3);
    expect(scanIndex(await index(r))).toBe('none');
    r.git('rm', '-q', '--cached', 'later.js');
    r.git('update-index', '--index-version', '4');
    expect((await index(r)).readUInt32BE(4)).toBe(4);
    expect(scanIndex(await index(r))).toBe('none');
  });

  for (const version of ['2', '4']) {
    it(`answers "maybe" for assume-unchanged and skip-worktree entries (index version ${version})`, async () => {
      const r = await repo();
      r.git('update-index', '--index-version', version);
      r.git('update-index', '--assume-unchanged', 'deep/dddddd/xxxxxxxxxxxxxxxxxx');
      expect(scanIndex(await index(r))).toBe('maybe');
      r.git('update-index', '--no-assume-unchanged', 'deep/dddddd/xxxxxxxxxxxxxxxxxx');
      expect(scanIndex(await index(r))).toBe('none');
      r.git('update-index', '--skip-worktree', 'fffffffffffffffffffffffffffffffffffffff.txt');
      expect(scanIndex(await index(r))).toBe('maybe');
    });
  }

  it('answers "maybe" for what it does not understand: a split index, a damaged or cut file', async () => {
    const r = await repo();
    const whole = await index(r);
    expect(scanIndex(whole.subarray(0, whole.length - 100))).toBe('maybe');
    const damaged = Buffer.from(whole);
    damaged.writeUInt16BE(damaged.readUInt16BE(12 + 60) + 1, 12 + 60);
    expect(scanIndex(damaged)).toBe('maybe');
    expect(scanIndex(Buffer.from('not an index at all'))).toBe('maybe');
    r.git('update-index', '--split-index');
    expect(scanIndex(await index(r))).toBe('maybe');
    // …and git is then asked: still the right (empty) answer, and a flagged entry is still named.
    expect(await hiddenEntries(r.root)).toEqual([]);
    r.git('update-index', '--assume-unchanged', 'src/app.js');
    expect(await hiddenEntries(r.root)).toEqual(['src/app.js']);
  });

  it('a SHA-256 repository (entries laid out differently) is read by git', async () => {
    const r = await repo();
    const sha256 = await makeRepo({});
    repos.push(sha256);
    sha256.git('init', '-q', '--object-format=sha256', sha256.root + '/inner');
    const inner = join(sha256.root, 'inner');
    await writeFile(join(inner, 'a.js'), 'a\n');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: inner, encoding: 'utf8' });
    git('add', 'a.js');
    git('update-index', '--assume-unchanged', 'a.js');
    expect(await hiddenEntries(inner)).toEqual(['a.js']);
    expect(await hiddenEntries(r.root)).toEqual([]);
  });
});

describe('hidden edits', () => {
  it('names assume-unchanged and skip-worktree files, from git', async () => {
    const r = await repo();
    expect(await hiddenEntries(r.root)).toEqual([]);
    r.git('update-index', '--assume-unchanged', 'src/app.js');
    r.git('update-index', '--skip-worktree', 'f.txt');
    expect((await hiddenEntries(r.root)).sort()).toEqual(['f.txt', 'src/app.js']);
  });

  it('an edit hidden with `git update-index --assume-unchanged` is refused, naming the file and the way out', async () => {
    const r = await repo();
    r.git('update-index', '--assume-unchanged', 'src/app.js');
    await writeFile(join(r.root, 'src/app.js'), 'edited behind git status\n');
    // This is what the agent relies on: plain git status says nothing.
    expect(r.git('status', '--porcelain')).toBe('');
    expect(await uncommittedPaths(r.root, OUTPUT)).toEqual([`src/app.js ${HIDDEN_NOTE}`]);
    const error = await requireCleanTree(r.root, OUTPUT, 'gate production').then(() => undefined, (e: unknown) => e as Error & { hint?: string });
    expect(error?.message).toMatch(/differs from the commit in 1 file: src\/app\.js \(git is told not to look at it/);
    expect(JSON.stringify(error)).toMatch(/--no-assume-unchanged --no-skip-worktree/);
  });

  it('the gate refuses a skip-worktree edit and issues no receipt', async () => {
    const r = await makeRepo({ 'shipgate.config.yaml': CONFIG(), '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="fast"><command>true</command></check>'), 'src/app.js': 'ok\n' });
    repos.push(r);
    r.git('update-index', '--skip-worktree', 'src/app.js');
    await writeFile(join(r.root, 'src/app.js'), 'edited behind git status\n');
    await expect(runGate({ projectRoot: r.root, environment: 'production', now: WEDNESDAY })).rejects.toThrow(/src\/app\.js \(git is told not to look at it/);
    expect(await readReceipt(r.root, 'production')).toBeUndefined();
  });
});
