import { mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { readEvents } from '../../mcp-server/src/learnings/store.js';
import { readLearnings } from '../../mcp-server/src/learnings/read-learnings.js';
import { steppingClock, tempProject } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

describe('merge=union', () => {
  it('two branches recording runs merge without conflict and keep every line and count', async () => {
    const { root, cleanup } = await tempProject('shipgate-merge-');
    cleanups.push(cleanup);
    const repo = join(root, 'repo');
    await mkdir(repo);
    git(repo, 'init', '-q', '-b', 'main');
    const now = steppingClock();
    const opts = { pluginRoot: join(root, 'no-plugin'), now, onWarning: () => {} };
    const tagged = (ok: boolean) => ({ phase: 'deploy' as const, outcome: 'succeeded' as const, environment: 'production', deployedCommitTagged: ok });
    await recordRun(repo, tagged(true), opts);
    git(repo, 'add', '.claude/shipgate/learnings/events.jsonl', '.claude/shipgate/learnings/.gitattributes');
    git(repo, 'commit', '-q', '-m', 'base');
    git(repo, 'checkout', '-q', '-b', 'alice');
    await recordRun(repo, tagged(false), opts);
    await recordRun(repo, tagged(false), opts);
    git(repo, 'commit', '-q', '-am', 'alice runs');
    git(repo, 'checkout', '-q', 'main');
    await recordRun(repo, tagged(false), opts);
    await recordRun(repo, { phase: 'bump', outcome: 'succeeded', bumpImplied: 'major', bumpChosen: 'patch' }, opts);
    git(repo, 'commit', '-q', '-am', 'bob runs');
    git(repo, 'merge', '-q', '--no-edit', 'alice'); // throws on conflict
    expect(git(repo, 'status', '--porcelain', '--untracked-files=no')).toBe('');
    const { events, warnings } = await readEvents(join(repo, '.claude/shipgate/learnings'));
    expect(warnings).toEqual([]);
    expect(events).toHaveLength(5);
    const view = await readLearnings(repo, { pluginRoot: opts.pluginRoot });
    const tag = view.summary.pitfalls.find((p) => p.id === 'missing_git_tag')!;
    expect([tag.count, tag.seen]).toEqual([3, 3]);
    expect(view.summary.pitfalls.find((p) => p.id === 'wrong_version_bump')!.count).toBe(1);
  });
});
