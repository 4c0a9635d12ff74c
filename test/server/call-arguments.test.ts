/**
 * A hostile or careless MCP client sends `tools/call` with `arguments` that is not an object (null, a
 * string, a number, a boolean, a list), a `name` that is not a string, no `params`, or `params: null`,
 * as raw JSON-RPC lines to the built server on stdio (as Claude Code starts it). Every such request gets
 * a clear answer: an isError result naming the tool and saying `arguments` must be a JSON object (or
 * JSON-RPC -32600 for a request the protocol schema refuses outright), never -32603 with a zod dump and
 * never silence. Nothing runs: the gate command that would leave a mark does not, and git refs, the work
 * tree and the gate state are the same afterwards. The server still answers a good call at the end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createFixtureRepo, FIXTURE_FILES, type FixtureRepo } from './helpers.js';
import { snapshot } from '../faults/cli-harness.js';

const cli = resolve(__dirname, '../../mcp-server/dist/cli.js');

type Message = Record<string, unknown> & { id?: number; result?: Record<string, unknown>; error?: { code: number; message: string } };

/** The built server as a child process speaking raw JSON-RPC lines. */
class RawSession {
  readonly received: Message[] = [];
  private readonly child: ChildProcess;
  private buffer = '';

  constructor(cwd: string) {
    this.child = spawn(process.execPath, [cli, 'mcp'], { cwd, env: { ...process.env, CLAUDE_PROJECT_DIR: cwd }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.buffer += String(chunk);
      let newline;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        this.received.push(JSON.parse(this.buffer.slice(0, newline)) as Message);
        this.buffer = this.buffer.slice(newline + 1);
      }
    });
  }

  send(...messages: unknown[]): void {
    this.child.stdin!.write(messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
  }

  /** The answers to these ids, polled (bounded) so a loaded machine only makes it slower. */
  async answers(ids: number[], timeoutMs = 45_000): Promise<Map<number, Message>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const byId = new Map(this.received.filter((m) => typeof m.id === 'number').map((m) => [m.id!, m]));
      if (ids.every((id) => byId.has(id))) return byId;
      if (Date.now() > deadline) throw new Error(`no answer for ${ids.filter((id) => !byId.has(id)).join(', ')}`);
      await new Promise((wake) => setTimeout(wake, 50));
    }
  }

  async close(): Promise<void> {
    const exited = new Promise((done) => this.child.once('exit', done));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}

let repo: FixtureRepo;
let canary: string;
let session: RawSession;

beforeAll(async () => {
  canary = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-arguments-canary-')));
  // Every gate of the fixture leaves a mark if it ever runs.
  const files = Object.fromEntries(Object.entries(FIXTURE_FILES).map(([path, text]) => [path, path.startsWith('gates/') ? text.replace(/<command>[^<]*<\/command>/g, `<command>touch ${canary}/ran</command>`) : text]));
  repo = createFixtureRepo(files);
  session = new RawSession(repo.root);
  session.send(
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw-arguments-test', version: '1.0.0' } } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  );
  await session.answers([1, 2]);
}, 60_000);
afterAll(async () => {
  await session?.close();
  repo?.cleanup();
  if (canary) rmSync(canary, { recursive: true, force: true });
});

describe('tools/call with arguments that are not an object', () => {
  it('every tool, with null, a string, a number, a boolean and a list: isError naming the tool; nothing ran or changed', async () => {
    const tools = ((await session.answers([2])).get(2)!.result!.tools as { name: string }[]).map((t) => t.name);
    expect(tools).toHaveLength(11);
    const before = snapshot(repo.root);
    const cases: [number, string, unknown][] = [];
    let id = 100;
    for (const name of tools) for (const value of [null, 'production', 42, true, ['production']]) cases.push([(id += 1), name, value]);
    session.send(...cases.map(([callId, name, value]) => ({ jsonrpc: '2.0', id: callId, method: 'tools/call', params: { name, arguments: value } })));
    const answers = await session.answers(cases.map(([callId]) => callId), 120_000);
    for (const [callId, name, value] of cases) {
      const answer = answers.get(callId)!;
      const label = `${name} arguments=${JSON.stringify(value)}`;
      expect(answer.error, label).toBeUndefined();
      expect(answer.result?.isError, label).toBe(true);
      const text = (answer.result!.content as { text: string }[])[0]!.text;
      expect(text, label).toContain(`The arguments of tool ${name} must be a JSON object`);
      expect(text, label).toContain('Nothing was run.');
      expect(text, label).toContain(`found: ${JSON.stringify(value)}`);
      expect(answer.result!._meta, label).toMatchObject({ 'shipgate/error': { code: 'input', where: `tools/call ${name}: params.arguments` } });
      expect(text, label).not.toMatch(/Internal error|invalid_type|expected record/);
    }
    expect(existsSync(join(canary, 'ran'))).toBe(false);
    expect(snapshot(repo.root)).toEqual(before);
  }, 180_000);

  it('no params, params null or a string, a name that is not a string: a clear answer each, nothing ran', async () => {
    const before = snapshot(repo.root);
    session.send(
      { jsonrpc: '2.0', id: 201, method: 'tools/call' },
      { jsonrpc: '2.0', id: 202, method: 'tools/call', params: null },
      { jsonrpc: '2.0', id: 203, method: 'tools/call', params: 'gate_check' },
      { jsonrpc: '2.0', id: 204, method: 'tools/call', params: { name: 42, arguments: { environment: 'staging' } } },
      { jsonrpc: '2.0', id: 205, method: 'tools/call', params: { name: null } },
    );
    const answers = await session.answers([201, 202, 203, 204, 205]);
    for (const callId of [201, 204, 205]) {
      const result = answers.get(callId)!.result!;
      expect(result.isError, String(callId)).toBe(true);
      expect((result.content as { text: string }[])[0]!.text, String(callId)).toContain('tools/call needs the name of a tool, a string; nothing was run.');
    }
    expect(answers.get(202)!.error).toEqual({ code: -32600, message: 'Invalid request "tools/call": "params" must be a JSON object when present, found null. Nothing was run.' });
    expect(answers.get(203)!.error).toEqual({ code: -32600, message: 'Invalid request "tools/call": "params" must be a JSON object when present, found a string. Nothing was run.' });
    expect(existsSync(join(canary, 'ran'))).toBe(false);
    expect(snapshot(repo.root)).toEqual(before);
  }, 60_000);

  it('the server is still serving: a well-formed call runs (and leaves its mark)', async () => {
    session.send({ jsonrpc: '2.0', id: 301, method: 'tools/call', params: { name: 'gate_check', arguments: { environment: 'staging' } } });
    const answer = (await session.answers([301], 90_000)).get(301)!;
    expect(answer.error).toBeUndefined();
    expect(answer.result!.structuredContent).toMatchObject({ environment: 'staging' });
    expect(existsSync(join(canary, 'ran'))).toBe(true);
  }, 120_000);
});
