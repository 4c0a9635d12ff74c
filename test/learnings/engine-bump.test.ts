/** A real run through the release engine (runBump in a temp git repo) records its event and pitfalls. */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runBump } from '../../mcp-server/src/release/run-bump.js';
import { readEvents } from '../../mcp-server/src/learnings/store.js';
import { tempProject } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const gitEnv = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_NOSYSTEM: '1' };
const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', ...args], { cwd, env: gitEnv, encoding: 'utf8' });

describe('release engine → learnings', () => {
  it('a bump smaller than the commits imply is recorded as wrong_version_bump, refused or forced', async () => {
    const { root, cleanup } = await tempProject('shipgate-engine-bump-');
    cleanups.push(cleanup);
    const repo = join(root, 'app');
    await mkdir(repo);
    git(repo, 'init', '-q', '-b', 'main');
    await writeFile(join(repo, 'package.json'), `${JSON.stringify({ name: 'app', version: '1.0.0' }, null, 2)}\n`);
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'chore: init');
    git(repo, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
    await writeFile(join(repo, 'api.js'), 'export const v = 2;\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'feat!: drop the v1 API');

    const now = new Date('2026-03-02T10:00:00.000Z');
    await expect(runBump(repo, { bump: 'patch', dryRun: false, now, env: gitEnv })).rejects.toThrow(/refused/i);
    const forced = await runBump(repo, { bump: 'patch', dryRun: false, force: true, now, env: gitEnv });
    expect(forced.applied?.version).toBe('1.0.1');

    const { events } = await readEvents(join(repo, '.claude/shipgate/learnings'));
    expect(events.map((e) => [e.phase, e.outcome, e.pitfalls])).toEqual([
      ['bump', 'blocked', ['wrong_version_bump']],
      ['bump', 'succeeded', ['wrong_version_bump']],
    ]);
    expect(events[1]!.signals).toMatchObject({ bumpImplied: 'major', bumpChosen: 'patch' });
    const md = await readFile(join(repo, '.claude/shipgate/learnings/learnings.md'), 'utf8');
    expect(md).toMatch(/Wrong Version Bump\n\n\*\*Frequency\*\*: ★★☆☆☆ \(2\/5\)  \n\*\*Last seen\*\*: 2026-03-02/);
  });
});
