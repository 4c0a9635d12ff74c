/**
 * The learnings store is a file a team merges by hand (`merge=union`), so it can hold anything: binary
 * garbage, a line someone typed, a pitfall id with an ANSI escape in it, a trigger copied from coloured
 * tool output. Bad lines are skipped with a warning that shows them escaped; nothing from the file
 * reaches a terminal, learnings.md or the MCP answer as a raw control character. A folder where
 * events.jsonl belongs is refused by name (the CLI and the tool), and the SessionStart hook still exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { connect, createFixtureRepo, errorCodeOf, textOf, type Connected, type FixtureRepo } from '../server/helpers.js';
import { expectCleanRefusal, runCli } from '../faults/cli-harness.js';
import { runNode } from './helpers.js';

const HOOK = resolve(__dirname, '../../mcp-server/dist/session-start-hook.cjs');
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Every string inside a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

let repo: FixtureRepo;
let session: Connected;
let store: string;
beforeAll(async () => {
  repo = createFixtureRepo();
  store = join(repo.root, '.claude', 'shipgate', 'learnings');
  session = await connect({ projectRoot: repo.root });
  expect(runCli(repo.root, ['learnings', 'record', '--pitfall', 'missing_git_tag', '--note', 'tag first']).code).toBe(0);
});
afterAll(async () => {
  await session?.close();
  repo?.cleanup();
});

describe('hostile lines in events.jsonl', () => {
  it('are skipped or shown escaped: never a raw control character in show, learnings.md, the tool or the hook', async () => {
    const events = join(store, 'events.jsonl');
    appendFileSync(events, '{"v":1,"runId":"evil","at":"2026-03-01T10:00:00.000Z","phase":"deploy","outcome":"failed","pitfalls":["x\\u001b[2J\\u001b]0;owned\\u0007"]}\n');
    appendFileSync(events, Buffer.concat([Buffer.from([0x1b, 0x5b, 0x32, 0x4a, 0x00, 0xff]), Buffer.from(' garbage\n')]));
    appendFileSync(events, '{"v":1,"runId":"coloured","at":"2026-03-01T10:00:01.000Z","phase":"deploy","outcome":"rolled_back","pitfalls":["missing_git_tag"],"rollbackTrigger":"npm \\u001b[31merror\\u001b[0m in checkout"}\n');

    const show = runCli(repo.root, ['learnings', 'show']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stderr).toMatch(/events\.jsonl:\d+: expected snake_case pitfall ids, found "x\\u001b\[2J/);
    expect(show.stderr).toMatch(/events\.jsonl:\d+: not a JSON event, skipped \(\\x1b\[2J\\x00/);
    expect(show.stdout + show.stderr).not.toMatch(CONTROL);
    expect(show.stdout).toMatch(/Missing Git Tag/);

    // Recording re-renders learnings.md from every event.
    expect(runCli(repo.root, ['learnings', 'record', '--note', 'after the merge']).code).toBe(0);
    expect(readFileSync(join(store, 'learnings.md'), 'utf8')).not.toMatch(CONTROL);

    const tool = await session.client.callTool({ name: 'learnings_get', arguments: {} });
    expect(tool.isError).toBeFalsy();
    expect(strings(tool.structuredContent).filter((text) => CONTROL.test(text))).toEqual([]);
    expect(textOf(tool)).not.toMatch(CONTROL);

    const hook = await runNode(HOOK, [], { cwd: repo.root, env: { ...process.env, CLAUDE_PROJECT_DIR: repo.root } });
    expect(hook.code).toBe(0);
    expect(hook.stdout + hook.stderr).not.toMatch(CONTROL);
  });
});

describe('a folder where events.jsonl belongs', () => {
  it('is named by `learnings show` (exit 1) and learnings_get; the hook says so on one line and exits 0', async () => {
    const events = join(store, 'events.jsonl');
    const saved = readFileSync(events);
    rmSync(events);
    mkdirSync(events);
    try {
      const show = runCli(repo.root, ['learnings', 'show']);
      expectCleanRefusal(show, 1, 'learnings show');
      expect(show.stderr).toContain(`Cannot read ${events}: a folder where a file is expected.`);
      const tool = await session.client.callTool({ name: 'learnings_get', arguments: {} });
      expect(errorCodeOf(tool)).toBe('failed');
      expect(textOf(tool)).toContain(events);
      const hook = await runNode(HOOK, [], { cwd: repo.root, env: { ...process.env, CLAUDE_PROJECT_DIR: repo.root } });
      expect(hook.code).toBe(0);
      expect(hook.stdout).toBe('');
      expect(hook.stderr.trim().split('\n')).toHaveLength(1);
    } finally {
      rmSync(events, { recursive: true });
      appendFileSync(events, saved);
    }
  });
});
