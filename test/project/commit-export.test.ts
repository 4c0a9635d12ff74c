/**
 * project/commit-export.ts with real repositories: it writes exactly the commit's bytes (binary files,
 * executables, links inside the commit, nested folders), runs no filter the repository configures, and
 * refuses objects that do not hash to their id and names git never checks out. The controls show that
 * `git worktree add` itself runs the filter and writes what the rewritten object says.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportCommit } from '../../mcp-server/src/project/commit-export.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

let base: string;
let root: string;
let dest: string;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();
const gitInput = (input: string, ...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', input }).trim();

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shipgate-export-'));
  root = join(base, 'repo');
  dest = join(base, 'out');
  mkdirSync(root);
  git('init', '-q', '-b', 'main');
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('project/commit-export', () => {
  it('writes the commit byte for byte: binary, executable, nested, links inside the commit, CRLF untouched', async () => {
    const binary = Buffer.from([0, 1, 2, 255, 10, 13, 0, 128]);
    mkdirSync(join(root, 'scripts', 'deep'), { recursive: true });
    writeFileSync(join(root, 'scripts', 'deploy.sh'), '#!/bin/sh\necho ok\n', { mode: 0o755 });
    writeFileSync(join(root, 'scripts', 'deep', 'data.bin'), binary);
    writeFileSync(join(root, 'crlf.txt'), 'a\r\nb\r\n');
    writeFileSync(join(root, '.gitattributes'), '*.txt text eol=lf\n');
    symlinkSync('scripts/deploy.sh', join(root, 'run'));
    git('add', '-A');
    git('commit', '-qm', 'one');
    await exportCommit(root, git('rev-parse', 'HEAD'), dest);
    expect(readFileSync(join(dest, 'scripts', 'deploy.sh'), 'utf8')).toBe('#!/bin/sh\necho ok\n');
    expect(statSync(join(dest, 'scripts', 'deploy.sh')).mode & 0o777).toBe(0o755);
    expect(statSync(join(dest, 'crlf.txt')).mode & 0o777).toBe(0o644);
    expect(readFileSync(join(dest, 'scripts', 'deep', 'data.bin')).equals(binary)).toBe(true);
    expect(lstatSync(join(dest, 'run')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dest, 'run'))).toBe('scripts/deploy.sh');
    // The blob as committed (git normalised it to LF when it was added), with no conversion on the way out.
    expect(readFileSync(join(dest, 'crlf.txt'), 'utf8')).toBe(git('cat-file', 'blob', 'HEAD:crlf.txt') + '\n');
  });

  it('runs no smudge filter the repository configures (control: git worktree add runs it)', async () => {
    writeFileSync(join(root, 'app.js'), 'good\n');
    git('add', '-A');
    git('commit', '-qm', 'one');
    const marker = join(base, 'filter-ran');
    git('config', 'filter.evil.smudge', `sh -c 'touch ${marker}; echo EVIL'`);
    git('config', 'filter.evil.clean', 'cat');
    writeFileSync(join(root, '.git', 'info', 'attributes'), '* filter=evil\n');
    await exportCommit(root, git('rev-parse', 'HEAD'), dest);
    expect(readFileSync(join(dest, 'app.js'), 'utf8')).toBe('good\n');
    expect(existsSync(marker)).toBe(false);
    git('worktree', 'add', '-q', '--detach', join(base, 'control'), 'HEAD');
    expect(existsSync(marker)).toBe(true);
    expect(readFileSync(join(base, 'control', 'app.js'), 'utf8')).toBe('EVIL\n');
  });

  it('refuses a tree that names `.git` (a crafted object), naming the tree', async () => {
    writeFileSync(join(root, 'config'), '[core]\n\tfsmonitor = touch /tmp/pwned\n');
    const blob = git('hash-object', '-w', 'config');
    const inner = gitInput(`100644 blob ${blob}\tconfig\n`, 'mktree');
    // mktree checks names; an agent writes the object directly, as hash-object --literally does.
    const raw = Buffer.concat([Buffer.from('40000 .git\0'), Buffer.from(inner, 'hex')]);
    writeFileSync(join(base, 'tree'), raw);
    const tree = git('hash-object', '-t', 'tree', '-w', '--literally', join(base, 'tree'));
    const commit = git('commit-tree', tree, '-m', 'crafted');
    const error = await exportCommit(root, commit, dest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as BlockedError).describe()).toMatch(new RegExp(`object ${tree.slice(0, 12)} in the repository is an entry named "\\.git", which git never checks out`));
    expect(existsSync(join(dest, '.git'))).toBe(false);
  });
});
