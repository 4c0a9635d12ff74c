/**
 * Issue #15.8: bursts of writers. 20 real MCP server processes (the built server over stdio, as
 * Claude Code starts it) each receive 50 `learnings_record` calls at once: 1,000 appends racing on one
 * events.jsonl with no lock. Every lesson must be recorded exactly once, no line torn, and the
 * published summary must end up counting all of them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { readEvents } from '../../mcp-server/src/learnings/store.js';
import { readLearnings } from '../../mcp-server/src/learnings/read-learnings.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const PROCESSES = 20;
const CALLS = 50;
let work: string;
let cli: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'shipgate-burst-'));
  // The server as shipped, built into a folder of our own (the shared dist/ is not touched).
  const { buildOptions } = (await import(pathToFileURL(join(repoRoot, 'scripts/build.mjs')).href)) as { buildOptions: (outdir: string) => Record<string, unknown> };
  await build({ ...buildOptions(join(work, 'dist')), logLevel: 'error' } as Parameters<typeof build>[0]);
  cli = join(work, 'dist', 'cli.js');
}, 120_000);
afterAll(async () => rm(work, { recursive: true, force: true }));

describe('a burst of learnings_record calls from many processes', () => {
  it(`${PROCESSES} server processes × ${CALLS} calls at once: every lesson recorded once`, async () => {
    const project = join(work, 'project');
    const clients: Client[] = [];
    // The project exists before its servers start, as it does when Claude Code launches them.
    await (await import('node:fs/promises')).mkdir(project, { recursive: true });
    try {
      for (let p = 0; p < PROCESSES; p++) {
        const transport = new StdioClientTransport({
          command: process.execPath,
          args: [cli, 'mcp'],
          cwd: work,
          env: { ...getDefaultEnvironment(), CLAUDE_PROJECT_DIR: project, CLAUDE_PLUGIN_ROOT: repoRoot },
          stderr: 'ignore',
        });
        const client = new Client({ name: `burst-${p}`, version: '0.0.0' });
        clients.push(client);
        await client.connect(transport);
      }
      // Every call of every process in flight at the same time.
      const results = await Promise.all(
        clients.flatMap((client, p) =>
          Array.from({ length: CALLS }, (_, c) =>
            client.callTool({ name: 'learnings_record', arguments: { pitfallId: 'missing_git_tag', note: `burst p${p} c${c}`, about: 'deploy' } }, undefined, { timeout: 120_000 }),
          ),
        ),
      );
      const failed = results.filter((r) => r.isError);
      expect(failed.map((r) => JSON.stringify(r.content).slice(0, 200))).toEqual([]);
    } finally {
      await Promise.all(clients.map((client) => client.close().catch(() => undefined)));
    }

    const store = join(project, '.claude/shipgate/learnings');
    const text = await readFile(join(store, 'events.jsonl'), 'utf8');
    const { events, warnings } = await readEvents(store);
    expect(warnings).toEqual([]);
    expect(text.split('\n').filter(Boolean)).toHaveLength(PROCESSES * CALLS);
    const notes = events.map((e) => e.note).sort();
    const expected = Array.from({ length: PROCESSES }, (_, p) => Array.from({ length: CALLS }, (_, c) => `burst p${p} c${c}`)).flat().sort();
    expect(notes).toEqual(expected); // none lost, none duplicated
    // The summary the last writer published covers every line.
    const cache = JSON.parse(await readFile(join(store, 'summary-cache.json'), 'utf8')) as { coveredBytes: number; state: { lessons: number } };
    expect([cache.coveredBytes, cache.state.lessons]).toEqual([Buffer.byteLength(text), PROCESSES * CALLS]);
    expect(await readFile(join(store, 'learnings.md'), 'utf8')).toContain(`from ${PROCESSES * CALLS} recorded lessons`);
    const view = await readLearnings(project, { pluginRoot: repoRoot });
    expect(view.summary.pitfalls.find((p) => p.id === 'missing_git_tag')!.count).toBe(PROCESSES * CALLS);
  }, 300_000);
});
