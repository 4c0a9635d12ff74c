/**
 * The maintained summary: a bounded state that each event updates, equal to a fold of the whole
 * history in any order; loaded from the newest valid snapshot (memory, local cache, committed
 * checkpoint) plus only the lines after it; surviving a fresh `git clone` and a `git merge` of two
 * branches that both recorded runs (issue #15.2, #16).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeState } from '../../mcp-server/src/learnings/analysis.js';
import { detectionRules } from '../../mcp-server/src/learnings/detect/index.js';
import { loadState } from '../../mcp-server/src/learnings/load-state.js';
import { mergeCatalog } from '../../mcp-server/src/learnings/merge-catalog.js';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { renderAnalysis } from '../../mcp-server/src/learnings/render.js';
import { CHECKPOINT_EVERY_BYTES } from '../../mcp-server/src/learnings/snapshot.js';
import { foldEvents, type LearningsState } from '../../mcp-server/src/learnings/state.js';
import { readEvents } from '../../mcp-server/src/learnings/store.js';
import { summarizeAnalysis } from '../../mcp-server/src/learnings/summary.js';
import { jsonLines, random, syntheticEvents } from './synthetic.js';
import { bundleForNode, runNode, steppingClock, tempProject } from './helpers.js';

const STORE = '.claude/shipgate/learnings';
const catalog = mergeCatalog([], detectionRules);
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** Everything a reader sees from a state: the summary and the rendered Markdown. */
function view(state: LearningsState): { summary: unknown; markdown: string } {
  const analysis = analyzeState(state, catalog);
  return { summary: summarizeAnalysis(analysis), markdown: renderAnalysis(analysis) };
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, encoding: 'utf8' });
}

async function project(name: string): Promise<string> {
  const { root, cleanup } = await tempProject(`shipgate-incr-${name}-`);
  cleanups.push(cleanup);
  return root;
}

const quiet = (root: string, start?: string) => ({ pluginRoot: join(root, 'no-plugin'), now: steppingClock(start), onWarning: () => {} });

describe('the learnings state', () => {
  it('is the same whatever order the events arrive in (a union merge puts branches one after the other)', () => {
    const events = syntheticEvents(600, { seed: 7 });
    const sorted = view(foldEvents(events));
    const shuffle = random(99);
    for (let round = 0; round < 5; round++) {
      const copy = [...events];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(shuffle() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      expect(view(foldEvents(copy))).toEqual(sorted);
    }
    // Two branches appended after a common base: ours then theirs, as merge=union writes them.
    const base = events.slice(0, 200);
    const ours = events.filter((_, i) => i >= 200 && i % 2 === 0);
    const theirs = events.filter((_, i) => i >= 200 && i % 2 === 1);
    expect(view(foldEvents([...base, ...ours, ...theirs]))).toEqual(sorted);
  });

  it('stays bounded: 20,000 events keep a state no bigger than 2,000 do (give or take a few entries)', () => {
    const small = foldEvents(syntheticEvents(2_000, { seed: 3 }));
    const large = foldEvents(syntheticEvents(20_000, { seed: 3 }));
    expect(large.events).toBe(20_000);
    expect(JSON.stringify(large).length).toBeLessThan(JSON.stringify(small).length * 1.2);
    expect(JSON.stringify(large).length).toBeLessThan(40_000);
  });
});

describe('loading the state', () => {
  it('parses only the lines appended since the newest snapshot, and agrees with a fold of every line', async () => {
    const root = await project('tail');
    const store = join(root, STORE);
    await mkdir(store, { recursive: true });
    const history = syntheticEvents(3000, { seed: 11 });
    await writeFile(join(store, 'events.jsonl'), jsonLines(history));
    const first = await loadState(store);
    expect([first.source, first.snapshot.state.events]).toEqual(['events', 3000]);

    await recordRun(root, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: false }, quiet(root, '2026-01-01T00:00:00.000Z'));
    const line = (await readFile(join(store, 'events.jsonl'), 'utf8')).split('\n').at(-2)!;
    await appendFile(join(store, 'events.jsonl'), `${line.replace(/"runId":"[^"]+"/, '"runId":"by-hand"')}\n`);
    const next = await loadState(store);
    expect(next.source).toBe('memory');
    expect(next.parsedBytes).toBe(Buffer.byteLength(line.replace(/"runId":"[^"]+"/, '"runId":"by-hand"')) + 1);
    const all = (await readEvents(store)).events;
    expect(all).toHaveLength(3002);
    expect(view(next.snapshot.state)).toEqual(view(foldEvents(all)));
  });

  it('a rewritten history (the covered bytes changed) is read again, never trusted', async () => {
    const root = await project('rewrite');
    const store = join(root, STORE);
    await recordRun(root, { phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: false }, quiet(root));
    await recordRun(root, { phase: 'deploy', outcome: 'succeeded', deployedCommitTagged: false }, quiet(root, '2026-03-03T00:00:00.000Z'));
    const events = (await readFile(join(store, 'events.jsonl'), 'utf8')).split('\n');
    // Same size, different content: the fingerprint notices (the new id is still a valid snake_case id).
    await writeFile(join(store, 'events.jsonl'), `${events[0]!.replace('"missing_git_tag"', '"missing_gitxtag"')}\n${events[1]}\n`);
    const loaded = await loadState(store);
    expect(loaded.source).toBe('events');
    expect(loaded.snapshot.state.pitfalls).toMatchObject({ missing_gitxtag: { count: 1 }, missing_git_tag: { count: 1 } });
  });
});

describe('a fresh clone and a merge', () => {
  /** A repository whose store has `count` events and checkpoints, committed with everything git does not ignore. */
  async function repoWithHistory(root: string, count: number): Promise<string> {
    const repo = join(root, 'repo');
    await mkdir(join(repo, STORE), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    await writeFile(join(repo, STORE, 'events.jsonl'), jsonLines(syntheticEvents(count, { seed: 5, prefix: 'base' })));
    await recordRun(repo, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: true }, quiet(root, '2026-01-01T00:00:00.000Z'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base history');
    return repo;
  }

  it('a fresh clone starts from the committed checkpoint and parses at most one checkpoint interval', async () => {
    const root = await project('clone');
    const repo = await repoWithHistory(root, 4000);
    // What git keeps: the events, the checkpoints and the attributes; never the rendered or cached files.
    expect(git(repo, 'ls-files', STORE).trim().split('\n').sort()).toEqual([`${STORE}/.gitattributes`, `${STORE}/.gitignore`, `${STORE}/checkpoints.jsonl`, `${STORE}/events.jsonl`]);
    // More runs after the checkpoint, committed too.
    for (let i = 0; i < 3; i++) await recordRun(repo, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: false }, quiet(root, `2026-02-0${i + 1}T00:00:00.000Z`));
    git(repo, 'commit', '-q', '-am', 'three more');
    const clone = join(root, 'clone');
    git(root, 'clone', '-q', repo, clone);
    const loaded = await loadState(join(clone, STORE));
    expect(loaded.source).toBe('checkpoint');
    expect(loaded.parsedBytes).toBeGreaterThan(0);
    expect(loaded.parsedBytes).toBeLessThan(CHECKPOINT_EVERY_BYTES);
    const all = (await readEvents(join(clone, STORE))).events;
    expect(all).toHaveLength(4004);
    expect(view(loaded.snapshot.state)).toEqual(view(foldEvents(all)));

    // The SessionStart hook on a second fresh clone: prints the lessons, and leaves its (gitignored)
    // caches so the next session start reads only them.
    const second = join(root, 'second-clone');
    git(root, 'clone', '-q', repo, second);
    const hook = await bundleForNode(join(__dirname, '../../mcp-server/src/cli/session-start-hook-main.ts'), join(root, 'hook.mjs'));
    const env = { ...process.env, CLAUDE_PROJECT_DIR: second, CLAUDE_PLUGIN_ROOT: join(root, 'no-plugin') };
    const first = await runNode(hook, [], { env });
    expect([first.code, first.stderr]).toEqual([0, '']);
    const runs = all.filter((e) => e.phase !== 'retrospect').length;
    expect(first.stdout.split('\n')[0]).toBe(`shipgate lessons from ${runs} recorded runs and ${all.length - runs} lessons in this repository (top pitfalls):`);
    const cached = JSON.parse(await readFile(join(second, STORE, 'session-summary.json'), 'utf8')) as { text: string };
    expect(cached.text).toBe(first.stdout);
    expect(git(second, 'status', '--porcelain')).toBe('');
    expect((await runNode(hook, [], { env })).stdout).toBe(first.stdout);
  });

  it('checkpoints committed by an earlier version (sha256 fingerprints) stay valid; a forged fingerprint does not', async () => {
    const root = await project('legacy');
    const repo = await repoWithHistory(root, 4000);
    const checkpoints = join(repo, STORE, 'checkpoints.jsonl');
    const events = await readFile(join(repo, STORE, 'events.jsonl'));
    const lines = (await readFile(checkpoints, 'utf8')).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    const legacy = (line: string, forge: boolean) => {
      const checkpoint = JSON.parse(line) as { coveredBytes: number; fingerprint: string };
      expect(checkpoint.fingerprint).toMatch(/^f2:[0-9a-f]{16}$/);
      const covered = events.subarray(Math.max(0, checkpoint.coveredBytes - 4096), checkpoint.coveredBytes);
      const sha = createHash('sha256').update(covered).digest('hex').slice(0, 32);
      return JSON.stringify({ ...checkpoint, fingerprint: forge ? sha.replace(/^./, (c) => (c === '0' ? '1' : '0')) : sha });
    };
    await writeFile(checkpoints, `${lines.map((line) => legacy(line, false)).join('\n')}\n`);
    git(repo, 'commit', '-q', '-am', 'checkpoints as 0.3 wrote them');
    const clone = join(root, 'clone');
    git(root, 'clone', '-q', repo, clone);
    const loaded = await loadState(join(clone, STORE));
    expect(loaded.source).toBe('checkpoint');
    expect(view(loaded.snapshot.state)).toEqual(view(foldEvents((await readEvents(join(clone, STORE))).events)));

    await writeFile(checkpoints, `${lines.map((line) => legacy(line, true)).join('\n')}\n`);
    git(repo, 'commit', '-q', '-am', 'forged');
    const forged = join(root, 'forged');
    git(root, 'clone', '-q', repo, forged);
    expect((await loadState(join(forged, STORE))).source).toBe('events');
  });

  it('git merge of two branches that both recorded runs exits 0, keeps every event, and the summary counts both', async () => {
    const root = await project('merge');
    const repo = await repoWithHistory(root, 1500);
    git(repo, 'checkout', '-q', '-b', 'alice');
    // Each branch records enough to append checkpoints of its own, and a few real runs.
    await appendFile(join(repo, STORE, 'events.jsonl'), jsonLines(syntheticEvents(1600, { seed: 21, prefix: 'alice', startIso: '2026-01-02T00:00:00.000Z' })));
    for (let i = 0; i < 3; i++) await recordRun(repo, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: false }, quiet(root, `2026-06-0${i + 1}T00:00:00.000Z`));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'alice runs');
    git(repo, 'checkout', '-q', 'main');
    await appendFile(join(repo, STORE, 'events.jsonl'), jsonLines(syntheticEvents(1600, { seed: 22, prefix: 'bob', startIso: '2026-01-03T00:00:00.000Z' })));
    for (let i = 0; i < 2; i++) await recordRun(repo, { phase: 'bump', outcome: 'succeeded', bumpImplied: 'major', bumpChosen: 'patch' }, quiet(root, `2026-05-0${i + 1}T00:00:00.000Z`));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'bob runs');
    const checkpointsBefore = (await readFile(join(repo, STORE, 'checkpoints.jsonl'), 'utf8')).split('\n').filter(Boolean).length;

    git(repo, 'merge', '-q', '--no-edit', 'alice'); // throws on a conflict (exit 1)
    expect(git(repo, 'status', '--porcelain')).toBe('');
    const all = (await readEvents(join(repo, STORE))).events;
    expect(all).toHaveLength(1501 + 1603 + 1602);
    expect(new Set(all.map((e) => `${e.runId} ${e.at}`)).size).toBe(all.length);
    expect((await readFile(join(repo, STORE, 'checkpoints.jsonl'), 'utf8')).split('\n').filter(Boolean).length).toBeGreaterThan(checkpointsBefore);

    const expected = view(foldEvents(all));
    const merged = await loadState(join(repo, STORE));
    expect(view(merged.snapshot.state)).toEqual(expected);
    // A fresh clone of the merge: from a checkpoint of one side plus the other side's lines.
    await rm(join(repo, STORE, 'summary-cache.json'));
    const clone = join(root, 'clone');
    git(root, 'clone', '-q', repo, clone);
    const cloned = await loadState(join(clone, STORE));
    expect(cloned.source).toBe('checkpoint');
    expect(view(cloned.snapshot.state)).toEqual(expected);
    const tag = (expected.summary as { pitfalls: { id: string; count: number }[] }).pitfalls.find((p) => p.id === 'missing_git_tag')!;
    expect(tag.count).toBe(all.filter((e) => e.pitfalls.includes('missing_git_tag')).length);
  });
});
