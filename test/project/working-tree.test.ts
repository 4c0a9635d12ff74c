/**
 * The clean-tree check on real temp git repositories: every kind of difference from HEAD that would
 * change what is deployed is refused, by both doors (requireCleanTree, and beginCleanTreeCheck that the
 * gate runs beside its checks); ignored files and shipgate's own output are not; and a repository
 * configured to lie to git (an fsmonitor hook that reports "nothing changed") does not hide an edit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeRepo, type FixtureRepo } from '../gates/fixture-repo.js';
import { beginCleanTreeCheck, requireCleanTree, uncommittedPaths } from '../../mcp-server/src/project/working-tree.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

const OUTPUT = { records: { dir: '.claude/processes' }, learnings: { dir: '.claude/shipgate/learnings' } };
const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

async function repo(): Promise<FixtureRepo> {
  const made = await makeRepo({ 'src/app.js': 'ok\n', 'src/old.js': 'old\n', '.gitignore': 'build/\n*.log\n' });
  repos.push(made);
  return made;
}

/** Both doors give the same verdict: resolved (clean) or the BlockedError message. */
async function verdicts(root: string): Promise<[string, string]> {
  const message = (p: Promise<void>) => p.then(() => 'clean', (error: unknown) => {
    expect(error).toBeInstanceOf(BlockedError);
    return (error as Error).message;
  });
  return [await message(requireCleanTree(root, OUTPUT, 'gate production')), await message(beginCleanTreeCheck(root, 'gate production')(OUTPUT))];
}

describe('clean-tree check', () => {
  it('a committed tree is clean', async () => {
    const r = await repo();
    expect(await verdicts(r.root)).toEqual(['clean', 'clean']);
  });

  const dirt: [string, (r: FixtureRepo) => Promise<void>, string][] = [
    ['a modified tracked file', async (r) => writeFile(join(r.root, 'src/app.js'), 'changed\n'), 'src/app.js'],
    ['a staged change', async (r) => {
      await writeFile(join(r.root, 'src/app.js'), 'staged\n');
      r.git('add', 'src/app.js');
    }, 'src/app.js'],
    ['a staged change undone in the working tree (index differs from HEAD)', async (r) => {
      await writeFile(join(r.root, 'src/app.js'), 'staged\n');
      r.git('add', 'src/app.js');
      await writeFile(join(r.root, 'src/app.js'), 'ok\n');
    }, 'src/app.js'],
    ['an untracked file', async (r) => writeFile(join(r.root, 'hotfix.js'), 'x\n'), 'hotfix.js'],
    ['an untracked file in a new folder', async (r) => r.write({ 'lib/deep/patch.js': 'x\n' }), 'lib/deep/patch.js'],
    ['a deleted tracked file', async (r) => rm(join(r.root, 'src/old.js')), 'src/old.js'],
    ['a staged rename', async (r) => {
      r.git('mv', 'src/old.js', 'src/new.js');
    }, 'src/new.js, src/old.js'],
  ];
  for (const [name, make, named] of dirt) {
    it(`refuses ${name}, naming it`, async () => {
      const r = await repo();
      await make(r);
      const expected = `Cannot gate production: the working tree differs from the commit in ${named.split(', ').length} file${named.includes(',') ? 's' : ''}: ${named}.`;
      expect(await verdicts(r.root)).toEqual([expected, expected]);
    });
  }

  it('ignored files and shipgate output are not dirt', async () => {
    const r = await repo();
    await r.write({ 'build/app.min.js': 'x', 'debug.log': 'x', '.claude/processes/deployment-v1.0.0.md': '# record', '.claude/shipgate/learnings/events.jsonl': '{}\n', 'specs/001/production-ship-report.md': '# report' });
    expect(await verdicts(r.root)).toEqual(['clean', 'clean']);
    // …but an ignored-looking name outside the ignore rules is not.
    await r.write({ 'build.js': 'x' });
    expect((await verdicts(r.root))[1]).toMatch(/in 1 file: build\.js\./);
  });

  it('a lying fsmonitor hook in the repository config does not hide an edit', async () => {
    const r = await repo();
    const hook = join(r.root, '.git', 'nothing-changed');
    // fsmonitor protocol v2: a token, then the paths changed since the last token: none.
    await writeFile(hook, "#!/bin/sh\nprintf 'token-1\\0'\n");
    await chmod(hook, 0o755);
    r.git('config', 'core.fsmonitor', hook);
    r.git('config', 'core.fsmonitorHookVersion', '2');
    r.git('status', '--porcelain');
    await writeFile(join(r.root, 'src/app.js'), 'changed behind the hook\n');
    // The attack works on plain git status (this is what the hook was for)…
    expect(r.git('status', '--porcelain')).toBe('');
    // …and not on the gate's.
    expect(await uncommittedPaths(r.root, OUTPUT)).toEqual(['src/app.js']);
    expect((await verdicts(r.root))[1]).toMatch(/in 1 file: src\/app\.js\./);
  });

  it('not a git repository: a clear error, and an unread early verdict leaves no unhandled rejection', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipgate-not-a-repo-'));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      execFileSync('git', ['init', '-q', '--bare', dir]);
      await expect(requireCleanTree(dir, OUTPUT, 'gate production')).rejects.toThrow(/git status failed: the working tree cannot be checked/);
      // A gate whose config fails to load never asks for the verdict it started.
      beginCleanTreeCheck(dir, 'gate production');
      const asked = beginCleanTreeCheck(dir, 'gate production');
      await expect(asked(OUTPUT)).rejects.toThrow(/git status failed/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await rm(dir, { recursive: true, force: true });
    }
  });
});
