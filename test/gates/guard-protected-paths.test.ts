/**
 * The one function that says what gate state is: in-repo `.claude/shipgate/` (not `learnings/`) and the
 * per-user state roots, compared after normalisation, through symlinks, and without regard to case
 * only where the filesystem folds case (asked of the FileLookup, so both kinds are tested here).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isProtectedPath, protectedStatePaths } from '../../mcp-server/src/gates/guard/protected-paths.js';
import { fsLookup } from '../../mcp-server/src/gates/guard/fs-lookup.js';
import type { FileLookup } from '../../mcp-server/src/gates/guard/guard-context.js';

const base = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-paths-')));
const home = join(base, 'home');
const repo = join(base, 'repo');
mkdirSync(join(home, '.local/state/shipgate/receipts'), { recursive: true });
mkdirSync(join(repo, '.claude/shipgate/receipts'), { recursive: true });
symlinkSync(join(home, '.local/state/shipgate'), join(repo, 'innocent'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const env = { HOME: home };
const folding = (fold: boolean): FileLookup => ({ ...fsLookup(), caseInsensitive: () => fold });

describe('protected gate-state paths', () => {
  it('lists the in-repo folder and the per-user roots, overridable by SHIPGATE_STATE_DIR and SHIPGATE_KEY_DIR', () => {
    expect(protectedStatePaths(env).roots).toEqual([join(home, '.local/state/shipgate')]);
    expect(protectedStatePaths({ HOME: home, XDG_STATE_HOME: '/x/state', SHIPGATE_STATE_DIR: '/s', SHIPGATE_KEY_DIR: '/k' }).roots).toEqual(['/s', '/x/state/shipgate', '/k']);
    expect(protectedStatePaths(env).repoStateDir).toBe('.claude/shipgate');
  });

  it.each([
    '.claude/shipgate/receipts/p.json',
    '.claude//shipgate/./receipts/p.json',
    'sub/../.claude/shipgate/attestations.jsonl',
    '.claude/shipgate',
    'innocent/receipts/p.json',
    'innocent/new/deeper/file',
    `${home}/.local/state/shipgate/key`,
    `${home}/.local/state/../state/shipgate/receipts`,
  ])('protects %s', (path) => {
    expect(isProtectedPath(path, repo, env, fsLookup())).toBe(true);
  });

  it.each(['.claude/shipgate/learnings/notes.md', '.claude/settings.json', 'src/shipgate/receipts.ts', `${home}/.local/state/other`, '.claude/shipgate-notes.md'])('leaves %s alone', (path) => {
    expect(isProtectedPath(path, repo, env, fsLookup())).toBe(false);
  });

  it('compares without case only where the filesystem folds case', () => {
    for (const path of ['.CLAUDE/Shipgate/receipts/p.json', `${home}/.local/STATE/shipgate/receipts/p.json`]) {
      expect(isProtectedPath(path, repo, env, folding(true))).toBe(true);
      expect(isProtectedPath(path, repo, env, folding(false))).toBe(false);
    }
    expect(isProtectedPath('.claude/shipgate/LEARNINGS/notes.md', repo, env, folding(true))).toBe(false);
  });
});
