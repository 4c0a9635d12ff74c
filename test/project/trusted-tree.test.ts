/**
 * project/trusted-tree.ts with a real repository: the checkout holds the commit's files (not the
 * working tree's edits), lives under the state root (which hardened mode denies to the agent, unlike
 * the temp folder), runs no hooks, and leaves nothing behind, also when the commit is unknown; a
 * checkout whose process died is removed by the next one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkoutTrustedTree, treesFolder, withTrustedTree } from '../../mcp-server/src/project/trusted-tree.js';
import { FailedError } from '../../mcp-server/src/errors.js';

let root: string;
let state: string;
let env: NodeJS.ProcessEnv;
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' } }).trim();
// A state root of this test's own, so other files' deploys do not show up in it.
const trees = () => (existsSync(treesFolder(env)) ? readdirSync(treesFolder(env)).sort() : []);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shipgate-trusted-'));
  state = mkdtempSync(join(tmpdir(), 'shipgate-trusted-state-'));
  env = { ...process.env, SHIPGATE_STATE_DIR: state };
  git('init', '-q', '-b', 'main');
  writeFileSync(join(root, 'deploy.sh'), 'echo gated\n');
  git('add', '-A');
  git('commit', '-qm', 'one');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(state, { recursive: true, force: true });
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
      expect(tree.root.startsWith(join(state, 'trees') + '/')).toBe(true);
      expect(tree.root.startsWith(tmpdir() + '/shipgate-tree-')).toBe(false);
      seen = readFileSync(join(tree.root, 'deploy.sh'), 'utf8');
      expect(tree.env).toEqual({ SHIPGATE_PROJECT_ROOT: root });
      expect(execFileSync('git', ['rev-parse', 'HEAD'], { cwd: tree.root, encoding: 'utf8' }).trim()).toBe(sha);
      return tree.root;
    }, env);
    expect(seen).toBe('echo gated\n');
    expect(existsSync(join(root, 'hook-ran'))).toBe(false);
    expect(existsSync(where)).toBe(false);
    expect(git('worktree', 'list').split('\n')).toHaveLength(1);
    expect(trees()).toEqual([]);
  });

  it('an unknown commit is a FailedError naming git\'s complaint, and leaves no folder behind', async () => {
    const error = await checkoutTrustedTree(root, '0123456789abcdef0123456789abcdef01234567', env).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).describe()).toMatch(/worktree/);
    expect(trees()).toEqual([]);
  });

  it('a checkout left by a process that is gone is removed by the next one; a live process\'s is kept', async () => {
    const sha = git('rev-parse', 'HEAD');
    // A pid that is surely not running: a child that has exited.
    const dead = Number(execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }));
    mkdirSync(join(treesFolder(env), `${dead}-abc123`, 'tree'), { recursive: true });
    writeFileSync(join(treesFolder(env), `${dead}-abc123`, 'tree', 'deploy.sh'), 'echo stale\n');
    mkdirSync(join(treesFolder(env), `1-keep00`), { recursive: true });
    await withTrustedTree(root, sha, async () => {
      expect(trees()).not.toContain(`${dead}-abc123`);
      expect(trees()).toContain('1-keep00');
    }, env);
    expect(trees()).toEqual(['1-keep00']);
  });
});
