/**
 * project/trusted-tree.ts with a real repository: the checkout holds the commit's files (not the
 * working tree's edits), runs no hooks, and leaves nothing behind, also when the commit is unknown.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkoutTrustedTree, withTrustedTree } from '../../mcp-server/src/project/trusted-tree.js';
import { FailedError } from '../../mcp-server/src/errors.js';

let root: string;
let privateTmp: string;
const savedTmp = process.env.TMPDIR;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();
// A temp folder of this test's own (os.tmpdir() reads TMPDIR), so other files' deploys do not show up in it.
const trees = () => readdirSync(privateTmp).filter((name) => name.startsWith('shipgate-tree-')).sort();

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shipgate-trusted-'));
  privateTmp = mkdtempSync(join(tmpdir(), 'shipgate-trusted-tmp-'));
  process.env.TMPDIR = privateTmp;
  git('init', '-q', '-b', 'main');
  writeFileSync(join(root, 'deploy.sh'), 'echo gated\n');
  git('add', '-A');
  git('commit', '-qm', 'one');
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  rmSync(root, { recursive: true, force: true });
  rmSync(privateTmp, { recursive: true, force: true });
});

describe('project/trusted-tree', () => {
  it('holds the commit\'s files, not the working tree\'s edit; names the project folder; runs no hooks; is removed after', async () => {
    const sha = git('rev-parse', 'HEAD');
    writeFileSync(join(root, 'deploy.sh'), 'echo EVIL\n');
    const hook = join(root, '.git', 'hooks', 'post-checkout');
    writeFileSync(hook, `#!/bin/sh\ntouch "${root}/hook-ran"\n`);
    chmodSync(hook, 0o755);
    let seen = '';
    const where = await withTrustedTree(root, sha, async (tree) => {
      expect(trees()).toHaveLength(1);
      seen = readFileSync(join(tree.root, 'deploy.sh'), 'utf8');
      expect(tree.env).toEqual({ SHIPGATE_PROJECT_ROOT: root });
      expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: tree.root, encoding: 'utf8' }).trim()).toBe(sha);
      return tree.root;
    });
    expect(seen).toBe('echo gated\n');
    expect(existsSync(join(root, 'hook-ran'))).toBe(false);
    expect(existsSync(where)).toBe(false);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(trees()).toEqual([]);
  });

  it('an unknown commit is a FailedError naming git\'s complaint, and leaves no folder behind', async () => {
    const error = await checkoutTrustedTree(root, '0123456789abcdef0123456789abcdef01234567').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).describe()).toMatch(/worktree/);
    expect(trees()).toEqual([]);
  });
});
