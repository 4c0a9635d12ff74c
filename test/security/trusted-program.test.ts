/**
 * shipgate's own programs (git, ssh-keygen, bwrap) run outside the agent's sandbox with the key in
 * reach, and are started by name. A PATH with an empty entry (the working folder: the project), a
 * relative one, or a folder in the project or the temp folder (both writable from the sandbox) would let
 * the agent plant a `git` that runs as shipgate. These tests plant one in each such place and show that
 * shipgate's git never runs it, while plain `git` by name (the control) does.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gitOk } from '../../mcp-server/src/project/git.js';
import { workingTreeChanges } from '../../mcp-server/src/project/working-tree.js';
import { isTrustedPathEntry, trustedProgram } from '../../mcp-server/src/exec/trusted-program.js';

let root: string;
let marker: string;
let savedPath: string | undefined;
const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

function plantGit(folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'git'), `#!/bin/sh\necho planted >> "${marker}"\necho 0000000000000000000000000000000000000000\n`);
  chmodSync(join(folder, 'git'), 0o755);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'shipgate-path-'));
  marker = join(root, '..', `${root.split('/').pop()}-planted`);
  execFileSync(realGit, ['init', '-q', '-b', 'main'], { cwd: root });
  execFileSync(realGit, ['-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'one'], { cwd: root });
  savedPath = process.env.PATH;
});
afterEach(() => {
  process.env.PATH = savedPath;
  rmSync(root, { recursive: true, force: true });
  rmSync(marker, { force: true });
});

describe('exec/trusted-program', () => {
  it.each([
    ['an empty PATH entry (the project folder)', () => { plantGit(root); return `:${savedPath}`; }],
    ['a relative entry', () => { plantGit(join(root, 'node_modules', '.bin')); return `node_modules/.bin:${savedPath}`; }],
    ['the project\'s node_modules/.bin, absolute', () => { plantGit(join(root, 'node_modules', '.bin')); return `${join(root, 'node_modules', '.bin')}:${savedPath}`; }],
    ['a folder in the temp folder', () => { const dir = mkdtempSync(join(tmpdir(), 'shipgate-bin-')); plantGit(dir); return `${dir}:${savedPath}`; }],
  ])('%s: shipgate\'s git runs the real git; plain `git` by name runs the planted one (control)', async (_name, path) => {
    process.env.PATH = path();
    const head = (await gitOk(root, ['rev-parse', 'HEAD'])).trim();
    expect(head).toMatch(/^[0-9a-f]{40}$/);
    expect(head).not.toBe('0'.repeat(40));
    // git status through shipgate works (it lists the planted file as untracked: the real git answered).
    expect((await workingTreeChanges(root)).every((path) => path.endsWith('git'))).toBe(true);
    expect(existsSync(marker)).toBe(false);
    expect(trustedProgram('git', root)).toBe(realGit);
    // Control: spawning `git` by name from the project folder with the same PATH runs the planted one.
    execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, env: { ...process.env } });
    expect(existsSync(marker)).toBe(true);
  });

  it('names the safe entries: absolute, outside the working folder and the temp folder', () => {
    expect(isTrustedPathEntry('/usr/bin', root)).toBe(true);
    expect(isTrustedPathEntry('', root)).toBe(false);
    expect(isTrustedPathEntry('bin', root)).toBe(false);
    expect(isTrustedPathEntry(join(root, 'bin'), root)).toBe(false);
    expect(isTrustedPathEntry(join(tmpdir(), 'x'), '/srv/app')).toBe(false);
    expect(trustedProgram('no-such-program-here', root)).toBe('no-such-program-here');
  });
});
