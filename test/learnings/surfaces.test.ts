import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../mcp-server/src/cli/main.js';
import type { CliContext } from '../../mcp-server/src/cli/command.js';
import { tool as getTool } from '../../mcp-server/src/server/tools/learnings-get.js';
import { tool as recordTool } from '../../mcp-server/src/server/tools/learnings-record.js';
import type { ToolContext } from '../../mcp-server/src/server/tool.js';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { readLearningsResource, LEARNINGS_RESOURCE } from '../../mcp-server/src/learnings/resource.js';
import { bundleForNode, runNode, steppingClock, tempProject } from './helpers.js';

let work: { root: string; cleanup: () => Promise<void> };
let hook: string;
const noPlugin = { CLAUDE_PLUGIN_ROOT: '/nonexistent-plugin-root' };

beforeAll(async () => {
  work = await tempProject('shipgate-surfaces-');
  hook = await bundleForNode(join(__dirname, '../../mcp-server/src/cli/session-start-hook-main.ts'), join(work.root, 'session-start-hook.mjs'));
});
afterAll(async () => work.cleanup());

async function project(name: string): Promise<string> {
  const root = join(work.root, name);
  await mkdir(root, { recursive: true });
  return root;
}

function sink(): Writable & { text: string } {
  const stream = new Writable({ write(chunk, _enc, done) { (stream as unknown as { text: string }).text += String(chunk); done(); } }) as Writable & { text: string };
  stream.text = '';
  return stream;
}

async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = sink();
  const stderr = sink();
  const context: CliContext = { cwd, stdout, stderr, env: { ...process.env, ...noPlugin }, now: steppingClock('2026-04-01T09:00:00.000Z') };
  const code = await main(argv, context);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function toolContext(projectRoot: string): ToolContext {
  return { projectRoot, signal: new AbortController().signal, now: () => new Date('2026-04-02T12:00:00.000Z'), env: {}, progress: async () => {}, log: async () => {} };
}

async function seed(root: string): Promise<void> {
  const now = steppingClock('2026-03-01T08:00:00.000Z');
  const opts = { now, pluginRoot: '/nonexistent-plugin-root', onWarning: () => {} };
  await recordRun(root, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: false, durationMs: 240_000 }, opts);
  await recordRun(root, { phase: 'deploy', outcome: 'succeeded', environment: 'production', monitorPlannedMs: 600_000, monitorObservedMs: 90_000, deployedCommitTagged: false, durationMs: 400_000 }, opts);
  await recordRun(root, { phase: 'deploy', outcome: 'rolled_back', environment: 'production', rollbackTrigger: 'error_rate', healthChecksRun: 1, criticalEndpoints: 2, deployedCommitTagged: true, durationMs: 300_000 }, opts);
}

describe('SessionStart hook', () => {
  it('prints nothing when the repository has no store', async () => {
    const root = await project('hook-empty');
    const r = await runNode(hook, [], { cwd: root, env: { ...process.env, CLAUDE_PROJECT_DIR: root, ...noPlugin } });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, '', '']);
  });

  it('prints the top three pitfalls in a few lines', async () => {
    const root = await project('hook-store');
    await seed(root);
    const r = await runNode(hook, [], { cwd: '/', env: { ...process.env, CLAUDE_PROJECT_DIR: root, ...noPlugin } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('shipgate lessons from 3 recorded runs in this repository (top pitfalls):');
    expect(lines[1]).toMatch(/^- Missing Git Tag ★★☆☆☆ \(2\/5\), last seen 2026-03-01\. Prevent: /);
    expect(lines.filter((l) => l.startsWith('- '))).toHaveLength(3);
    expect(lines).toContain('Last production deploy: rolled back on 2026-03-01 (trigger: error_rate).');
    expect(lines.length).toBeLessThanOrEqual(6);
  });

  it('uses the cached text while events.jsonl is unchanged, and recomputes after a merge changed it', async () => {
    const root = await project('hook-cache');
    await seed(root);
    const env = { ...process.env, CLAUDE_PROJECT_DIR: root, ...noPlugin };
    const cached = JSON.parse(await readFile(join(root, '.claude/shipgate/learnings/session-summary.json'), 'utf8'));
    expect((await runNode(hook, [], { env })).stdout).toBe(cached.text);
    // Another branch's runs arrive through a merge: three more untagged deploys.
    const more = [1, 2, 3].map((i) => JSON.stringify({ v: 1, runId: `merged-${i}`, at: `2026-03-0${i + 2}T08:00:00.000Z`, phase: 'deploy', outcome: 'succeeded', environment: 'production', pitfalls: ['missing_git_tag'] }));
    await writeFile(join(root, '.claude/shipgate/learnings/events.jsonl'), `${await readFile(join(root, '.claude/shipgate/learnings/events.jsonl'), 'utf8')}${more.join('\n')}\nbroken line\n`);
    const after = (await runNode(hook, [], { env })).stdout;
    expect(after).toMatch(/from 6 recorded runs/);
    expect(after).toMatch(/- Missing Git Tag ★★★★☆ \(4\/5\), last seen 2026-03-05\./);
    expect(after).toMatch(/1 unreadable line in events\.jsonl skipped/);
  });

  it('never fails the session: a broken config is one stderr line and exit 0', async () => {
    const root = await project('hook-broken');
    await writeFile(join(root, 'shipgate.config.yaml'), 'learnings:\n  dir: ../../etc\n');
    const r = await runNode(hook, [], { env: { ...process.env, CLAUDE_PROJECT_DIR: root } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^shipgate lessons unavailable: .*outside the project/);
  });
});

describe('shipgate learnings', () => {
  it('record then show (markdown, text, json)', async () => {
    const root = await project('cli');
    await seed(root);
    const rec = await cli(root, 'learnings', 'record', '--pitfall', 'forgot_feature_flag', '--new', '--note', 'Flag was on in prod', '--by', 'ana', '--json');
    expect(rec.code).toBe(0);
    const doc = JSON.parse(rec.stdout);
    expect(doc).toMatchObject({ ok: true, event: { phase: 'retrospect', outcome: 'noted', pitfalls: ['forgot_feature_flag'], author: 'ana', about: 'deploy' } });

    const md = await cli(root, 'learnings', 'show');
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/### 🚫 Forgot Feature Flag\n\n\*\*Frequency\*\*: ★☆☆☆☆ \(1\/5\)/);
    expect(md.stdout).toContain('(ana): Flag was on in prod');
    const text = await cli(root, 'learnings', 'show', '--format', 'text');
    expect(text.stdout).toContain('Rollback frequency: 33.3% (1/3) (target <5%, trend -)');
    const json = JSON.parse((await cli(root, 'learnings', '--json')).stdout);
    expect(json).toMatchObject({ ok: true, exists: true, runs: 3 });
    expect(json.top[0]).toMatchObject({ id: 'missing_git_tag', count: 2, seen: 2 });
    expect(await readFile(join(root, '.claude/shipgate/learnings/learnings.md'), 'utf8')).toContain('Forgot Feature Flag');
  });

  it('refuses bad input with exit 2 and records nothing', async () => {
    const root = await project('cli-bad');
    expect((await cli(root, 'learnings', 'record')).code).toBe(2);
    expect((await cli(root, 'learnings', 'record', '--pitfall', 'Bad Id!')).stderr).toMatch(/snake_case/);
    expect((await cli(root, 'learnings', 'record', '--note', 'x'.repeat(2001))).code).toBe(2);
    expect((await cli(root, 'learnings', 'record', '--note', 'a\u0000b')).code).toBe(2);
    expect((await cli(root, 'learnings', 'record', '--note', 'ok', '--phase', 'lunch')).code).toBe(2);
    expect((await cli(root, 'learnings', 'show', '--format', 'html')).code).toBe(2);
    expect((await cli(root, 'learnings', 'forget')).code).toBe(2);
    await expect(readFile(join(root, '.claude/shipgate/learnings/events.jsonl'))).rejects.toThrow(/ENOENT/);
  });

  it('refuses a pitfall id nobody knows with "did you mean", records nothing; --new adds it, and then it is known', async () => {
    const root = await project('cli-unknown');
    await seed(root);
    const events = join(root, '.claude/shipgate/learnings/events.jsonl');
    const before = await readFile(events, 'utf8');
    const typo = await cli(root, 'learnings', 'record', '--pitfall', 'missing_gti_tag', '--note', 'typo');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown pitfall "missing_gti_tag"');
    expect(typo.stderr).toContain('Did you mean "missing_git_tag"?');
    expect(typo.stderr).toContain('--new');
    expect(await readFile(events, 'utf8')).toBe(before);
    expect((await cli(root, 'learnings', 'record', '--pitfall', 'friday_deploy')).code).toBe(2);
    expect((await cli(root, 'learnings', 'record', '--pitfall', 'friday_deploy', '--new', '--note', 'deployed at 17:00 on a Friday')).code).toBe(0);
    expect((await cli(root, 'learnings', 'record', '--pitfall', 'friday_deploy', '--note', 'again')).code).toBe(0);
    const json = JSON.parse((await cli(root, 'learnings', '--json')).stdout);
    expect(json.pitfalls.find((p: { id: string }) => p.id === 'friday_deploy')).toMatchObject({ count: 2, title: 'Friday Deploy' });
  });
});

describe('MCP tools and resource', () => {
  it('learnings_get returns structured pitfalls and metrics that match its output schema', async () => {
    const root = await project('tool-get');
    await seed(root);
    const result = await getTool.handler(z.object(getTool.inputSchema).parse({}), toolContext(root));
    z.object(getTool.outputSchema).strict().parse(result.structured);
    expect(result.structured.top).toHaveLength(3);
    expect(result.structured.pitfalls.length).toBeGreaterThanOrEqual(8);
    expect(result.structured.top[0]).toMatchObject({ id: 'missing_git_tag', frequency: '★★☆☆☆ (2/5)', count: 2 });
    expect(result.structured.metrics.find((m) => m.id === 'deploy_duration')!.current).toBe('5m 00s (median)');
    expect(result.text).toContain('Missing Git Tag');
    expect(getTool.annotations).toEqual({ readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false });
    const staging = await getTool.handler(z.object(getTool.inputSchema).parse({ environment: 'staging', includeMarkdown: false }), toolContext(root));
    expect([staging.structured.runs, staging.structured.markdown]).toEqual([0, '']);
    const empty = await getTool.handler(z.object(getTool.inputSchema).parse({}), toolContext(await project('tool-none')));
    expect([empty.structured.exists, empty.structured.top]).toEqual([false, []]);
  });

  it('learnings_record appends a retrospect event; bounded inputs are refused by the schema', async () => {
    const root = await project('tool-record');
    await seed(root);
    const input = z.object(recordTool.inputSchema);
    const result = await recordTool.handler(input.parse({ pitfallId: 'missing_rollback_plan', note: 'rollback doc was stale', author: 'bo' }), toolContext(root));
    z.object(recordTool.outputSchema).strict().parse(result.structured);
    expect(result.structured).toMatchObject({ recorded: true, pitfalls: ['missing_rollback_plan'], about: 'deploy', at: '2026-04-02T12:00:00.000Z' });
    expect(input.safeParse({ note: 'x'.repeat(2001) }).success).toBe(false);
    expect(input.safeParse({ pitfallId: 'Nope' }).success).toBe(false);
    expect(input.safeParse({ pitfalls: Array(11).fill('a_b') }).success).toBe(false);
    await expect(recordTool.handler(input.parse({}), toolContext(root))).rejects.toThrow(/pitfall id or a note/);
    await expect(recordTool.handler(input.parse({ pitfallId: 'missing_rollback_paln' }), toolContext(root))).rejects.toThrow(/Unknown pitfall "missing_rollback_paln"/);
    const added = await recordTool.handler(input.parse({ pitfallId: 'forgot_feature_flag', newPitfall: true }), toolContext(root));
    expect(added.structured.pitfalls).toEqual(['forgot_feature_flag']);
    const resource = await readLearningsResource(root);
    expect(resource.uri).toBe(LEARNINGS_RESOURCE.uri);
    expect(resource.text).toMatch(/### 🚫 Missing Rollback Plan\n\n\*\*Frequency\*\*: ★☆☆☆☆ \(1\/5\)/);
  });
});
