/**
 * `shipgate mcp` answers initialize, ping and tools/list (and the other parameterless lists) from a
 * build-time manifest while the SDK server loads, then hands the session over. These tests hold the
 * BUILT server to the SDK server's own behaviour: every early answer equals what createServer() says
 * over the SDK's in-memory transport; messages that arrive during the load are answered once each;
 * and the client's capabilities from the early initialize reach the SDK server (elicitation works
 * after the hand-over).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { ElicitRequestSchema, LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../../mcp-server/src/server/create-server.js';
import { asRequest, frontAnswer } from '../../mcp-server/src/server/stdio-front.js';
import { REPLAYED_INITIALIZE_ID } from '../../mcp-server/src/server/handover-transport.js';
import { computeToolsManifest, type ToolsManifest } from '../../mcp-server/src/server/tools-manifest.js';
import { SHIPGATE_VERSION } from '../../mcp-server/src/version.js';
import { createFixtureRepo, textOf, type FixtureRepo } from './helpers.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = resolve(repoRoot, 'mcp-server/dist/cli.js');
const BUILD_LOCK = '/tmp/build.lock';

type Message = Record<string, unknown>;
const initialize = (id: number, protocolVersion: string, capabilities: Message = {}) => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion, capabilities, clientInfo: { name: 'front-test', version: '1.0.0' } },
});

/** The built server as a child process speaking raw JSON-RPC lines. */
class RawSession {
  readonly received: Message[] = [];
  private readonly child: ChildProcess;
  private buffer = '';
  private waiters: (() => void)[] = [];

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [cli, 'mcp'], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => {
      this.buffer += String(chunk);
      let newline;
      while ((newline = this.buffer.indexOf('\n')) >= 0) {
        this.received.push(JSON.parse(this.buffer.slice(0, newline)) as Message);
        this.buffer = this.buffer.slice(newline + 1);
      }
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  send(...messages: (Message | string)[]): void {
    this.child.stdin!.write(messages.map((m) => `${typeof m === 'string' ? m : JSON.stringify(m)}\n`).join(''));
  }

  /** Wait until answers for all these ids have arrived (bounded). */
  async answers(ids: (string | number)[], timeoutMs = 30_000): Promise<Map<string | number, Message>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const byId = new Map(this.received.filter((m) => 'id' in m).map((m) => [m.id as string | number, m]));
      if (ids.every((id) => byId.has(id))) return byId;
      if (Date.now() > deadline) throw new Error(`no answer for ${ids.filter((id) => !byId.has(id)).join(', ')}; got ${JSON.stringify(this.received).slice(0, 500)}`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 200);
      });
    }
  }

  async close(): Promise<number | null> {
    const exited = new Promise<number | null>((done) => this.child.once('exit', (code) => done(code)));
    this.child.stdin!.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }
}

/** What createServer() answers over the SDK's in-memory transport: the reference the front must match. */
async function sdkAnswers(readOnly: boolean, requests: Message[]): Promise<Map<string | number, Message>> {
  const server = createServer({ projectRoot: tmpdir(), readOnly, env: {} });
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const replies = new Map<string | number, Message>();
  const done = new Promise<void>((resolveDone) => {
    client.onmessage = (message: JSONRPCMessage) => {
      if ('id' in message && message.id !== undefined) replies.set(message.id, message as unknown as Message);
      if (replies.size === requests.length) resolveDone();
    };
  });
  await server.connect(serverSide);
  await client.start();
  for (const request of requests) await client.send(request as JSONRPCMessage);
  await done;
  await server.close();
  return replies;
}

const OLDER_SUPPORTED = SUPPORTED_PROTOCOL_VERSIONS.find((v) => v !== LATEST_PROTOCOL_VERSION)!;
const EARLY_REQUESTS = (first: number) => [
  { jsonrpc: '2.0', id: first, method: 'tools/list' },
  { jsonrpc: '2.0', id: first + 1, method: 'resources/list', params: {} },
  { jsonrpc: '2.0', id: first + 2, method: 'resources/templates/list' },
  { jsonrpc: '2.0', id: first + 3, method: 'prompts/list' },
  { jsonrpc: '2.0', id: first + 4, method: 'ping' },
];

describe('the stdio front of the built server', () => {
  let repo: FixtureRepo;
  let lock: ChildProcess | undefined;
  let manifest: ToolsManifest;

  beforeAll(async () => {
    // The bundle is built once before every test file (test/global-build.ts).
    lock = spawn('flock', ['-s', BUILD_LOCK, process.execPath, '-e', "process.stdout.write('locked\\n'); process.stdin.resume();"], { stdio: ['pipe', 'pipe', 'inherit'] });
    await new Promise<void>((done) => lock!.stdout!.once('data', () => done()));
    repo = createFixtureRepo();
    manifest = await computeToolsManifest();
  }, 180_000);
  afterAll(() => {
    lock?.stdin?.end();
    lock?.kill();
    repo?.cleanup();
  });

  it.each([
    ['the latest protocol version', LATEST_PROTOCOL_VERSION],
    ['an older supported version', OLDER_SUPPORTED],
    ['a version the SDK does not know (answered with the latest)', '1999-01-01'],
  ])('answers initialize with %s exactly as the SDK server does', async (_label, version) => {
    const session = new RawSession({ SHIPGATE_PROJECT_ROOT: repo.root });
    session.send(initialize(1, version));
    const built = (await session.answers([1])).get(1);
    await session.close();
    const reference = (await sdkAnswers(false, [initialize(1, version)])).get(1);
    expect(built).toEqual(reference);
    expect((built as { result: { serverInfo: { version: string } } }).result.serverInfo.version).toBe(SHIPGATE_VERSION);
  });

  it.each([
    ['full', false],
    ['read-only', true],
  ])('answers the parameterless lists and ping exactly as the SDK server does (%s mode)', async (_label, readOnly) => {
    const requests = [initialize(1, LATEST_PROTOCOL_VERSION), ...EARLY_REQUESTS(2)];
    const session = new RawSession({ SHIPGATE_PROJECT_ROOT: repo.root, SHIPGATE_READ_ONLY: readOnly ? '1' : '' });
    session.send(...requests);
    const built = await session.answers(requests.map((r) => r.id));
    expect(await session.close()).toBe(0);
    const reference = await sdkAnswers(readOnly, requests);
    for (const request of requests) expect(built.get(request.id), request.method).toEqual(reference.get(request.id));
    const tools = (built.get(2) as { result: { tools: { name: string }[] } }).result.tools.map((t) => t.name);
    expect(tools.includes('deploy')).toBe(!readOnly);
  });

  it('answers everything sent while the server loads, once each, and never echoes the replayed initialize', async () => {
    const session = new RawSession({ SHIPGATE_PROJECT_ROOT: repo.root });
    session.send(
      initialize(1, LATEST_PROTOCOL_VERSION),
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 2, method: 'tools/list' },
      { jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'gate_check', arguments: { environment: 'staging' } } },
      { jsonrpc: '2.0', id: 4, method: 'tools/list', params: { cursor: 'not-a-cursor-the-manifest-knows' } },
      'this line is not JSON',
      { jsonrpc: '2.0', id: 5, method: 'initialize', params: { protocolVersion: LATEST_PROTOCOL_VERSION } }, // malformed: the SDK's to refuse
      { jsonrpc: '2.0', id: 6, method: 'ping' },
    );
    const answers = await session.answers([1, 2, 3, 4, 5, 6]);
    await new Promise((done) => setTimeout(done, 300)); // anything sent twice would arrive by now
    expect(await session.close()).toBe(0);
    const ids = session.received.filter((m) => 'id' in m).map((m) => m.id);
    // Handed over in arrival order; the SDK answers each when its handler finishes (gate_check is slower).
    expect([...ids].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ids.slice(0, 2)).toEqual([1, 2]);
    expect(ids).not.toContain(REPLAYED_INITIALIZE_ID);
    expect(answers.get(3)).toMatchObject({ result: { structuredContent: { ok: true, commit: repo.head } } });
    expect(answers.get(4)).toMatchObject({ result: { tools: expect.any(Array) } });
    expect(answers.get(5)).toMatchObject({ error: { code: expect.any(Number) } }); // the SDK's own refusal
    expect(answers.get(6)).toMatchObject({ result: {} });
  });

  it('the client capabilities from the early initialize reach the SDK server: elicitation works after the hand-over', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], env: { ...getDefaultEnvironment(), SHIPGATE_PROJECT_ROOT: repo.root }, stderr: 'pipe' });
    const client = new Client({ name: 'front-elicitation', version: '1.0.0' }, { capabilities: { elicitation: {} } });
    const asked: string[] = [];
    client.setRequestHandler(ElicitRequestSchema, async (request) => {
      asked.push(request.params.message);
      return { action: 'decline' };
    });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools).toHaveLength(11);
      const result = await client.callTool({ name: 'gate_attest', arguments: { environment: 'review', checkId: 'code_review' } });
      expect(textOf(result)).toContain('declined'); // asked through elicitation, not refused as "no elicitation"
      expect(asked).toHaveLength(1);
      expect(asked[0]).toContain('code_review');
    } finally {
      await client.close();
    }
  });

  it('leaves to the SDK whatever the manifest cannot answer exactly', () => {
    const options = { manifest, readOnly: false, version: SHIPGATE_VERSION };
    const ask = (message: unknown) => {
      const request = asRequest(message);
      return request && frontAnswer(request, options);
    };
    expect(ask({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {} } })).toBeUndefined();
    expect(ask({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { cursor: 'x' } })).toBeUndefined();
    expect(ask({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'deploy' } })).toBeUndefined();
    expect(ask({ jsonrpc: '2.0', id: 1.5, method: 'tools/list' })).toBeUndefined();
    expect(ask({ jsonrpc: '1.0', id: 1, method: 'tools/list' })).toBeUndefined();
    expect(ask({ jsonrpc: '2.0', id: 1, method: 'toString' })).toBeUndefined(); // no prototype lookups
    expect(ask({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: { _meta: { progressToken: 1 } } })).toMatchObject({ id: 7, result: { tools: expect.any(Array) } });
  });
});
