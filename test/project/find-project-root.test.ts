/**
 * findProjectRoot: Claude Code starts the server and hooks in the launch folder, often a subfolder.
 * Real folders and real git repositories (a plain clone and a linked worktree, whose `.git` is a file).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProjectRoot } from '../../mcp-server/src/project/find-project-root.js';

const made: string[] = [];
function tempDir(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-root-')));
  made.push(dir);
  return dir;
}
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, stdio: 'pipe', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.x' } });

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('findProjectRoot', () => {
  it('walks up from a subfolder to the nearest configuration', async () => {
    const repo = tempDir();
    git(repo, 'init', '-q');
    writeFileSync(join(repo, 'shipgate.config.yaml'), 'app: x\n');
    mkdirSync(join(repo, 'app', 'src'), { recursive: true });
    expect(await findProjectRoot(join(repo, 'app', 'src'))).toBe(repo);
  });

  it('finds .claude/shipgate.yaml too, and prefers the nearest config over the git top level (monorepo package)', async () => {
    const repo = tempDir();
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'packages', 'api', '.claude'), { recursive: true });
    writeFileSync(join(repo, 'packages', 'api', '.claude', 'shipgate.yaml'), 'app: api\n');
    mkdirSync(join(repo, 'packages', 'api', 'src'));
    expect(await findProjectRoot(join(repo, 'packages', 'api', 'src'))).toBe(join(repo, 'packages', 'api'));
  });

  it('without a configuration: the git top level, also in a linked worktree', async () => {
    const repo = tempDir();
    git(repo, 'init', '-q', '-b', 'main');
    writeFileSync(join(repo, 'a.txt'), 'a');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'a');
    mkdirSync(join(repo, 'web', 'pages'), { recursive: true });
    expect(await findProjectRoot(join(repo, 'web', 'pages'))).toBe(repo);
    const worktree = join(tempDir(), 'wt');
    git(repo, 'worktree', 'add', '-q', worktree);
    mkdirSync(join(worktree, 'deep'));
    expect(await findProjectRoot(join(worktree, 'deep'))).toBe(realpathSync(worktree));
  });

  it('outside any repository and config: the folder itself', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    expect(await findProjectRoot(join(dir, 'sub'))).toBe(join(dir, 'sub'));
  });
});
