/**
 * `runStdioServer()`: the shipgate MCP server on stdin/stdout, as `.mcp.json` starts it
 * (`node mcp-server/dist/cli.js mcp`). stdout carries only JSON-RPC: console output of any core is
 * routed to stderr while the server runs, so a stray console.log cannot corrupt the protocol.
 * The promise settles when the client closes stdin or the signal aborts, so the CLI exits cleanly.
 *
 * The project is found from `SHIPGATE_PROJECT_ROOT`, else `CLAUDE_PROJECT_DIR` (set by Claude Code to
 * the folder the session was launched from), else cwd, walking up to the nearest configuration, else
 * the git top level (see project/find-project-root.ts): a session started in `<repo>/app` works on `<repo>`.
 *
 * Cold start: this module and what it imports statically load no SDK and no zod. The first answers
 * come from the build-time manifest (stdio-front.ts, tools-manifest.ts); the SDK server (create-server.ts)
 * is imported once tools/list is answered and takes over the connection (handover-transport.ts).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { findProjectRoot } from '../project/find-project-root.js';
import { SHIPGATE_VERSION } from '../version.js';
import { readOnlyFromEnv } from './read-only.js';
import { asRequest, frontAnswer, isNotification } from './stdio-front.js';
import { HandoverTransport, REPLAYED_INITIALIZE_ID } from './handover-transport.js';
import type { ToolsManifest } from './tools-manifest.js';
import { BUNDLED_MANIFEST } from './bundled-manifest.js';


/** stdin lines larger than this are refused, as the SDK's ReadBuffer does (10 MiB). */
const MAX_BUFFER_BYTES = 10 * 1024 * 1024;
/**
 * Quiet time after the last answer from the manifest before the real server loads in the background.
 * Loading blocks the event loop for a while, so it waits for tools/list (what the client is waiting
 * for) unless the client stays quiet much longer; anything the front cannot answer loads it at once.
 */
const LOAD_WHEN_IDLE_MS = { afterToolsList: 15, before: 250 };

export interface StdioServerOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  readOnly?: boolean;
  now?: () => Date;
  signal?: AbortSignal;
  /** The start-up answers; defaults to the one embedded in the bundle (none when run from source: the server loads at once). */
  manifest?: ToolsManifest;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Where the search for the project starts: the explicit override, else Claude Code's launch folder, else cwd. */
export function serverProjectStart(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.SHIPGATE_PROJECT_ROOT || env.CLAUDE_PROJECT_DIR || cwd;
}

export async function serverProjectRoot(env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  return findProjectRoot(serverProjectStart(env, cwd));
}

/** Route console output to stderr while the server owns stdout; returns the undo. */
function keepStdoutForProtocol(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug, warn: console.warn };
  const toStderr = (...args: unknown[]) => console.error(...args);
  console.log = console.info = console.debug = console.warn = toStderr;
  return () => Object.assign(console, saved);
}

/**
 * Serve MCP on stdin/stdout. Cold start is what the client waits for, so the SDK and zod are not
 * loaded up front: initialize, ping and the manifest's parameterless requests (tools/list, …) are
 * answered from the build-time manifest (stdio-front.ts), and the real server loads as soon as the
 * client goes quiet or sends anything else. Messages that arrive meanwhile are queued and handed over
 * in order, after a replay of the client's initialize, so the SDK server sees the whole session.
 */
export async function runStdioServer(options: StdioServerOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const projectRoot = await serverProjectRoot(env, options.cwd ?? process.cwd());
  const readOnly = options.readOnly ?? readOnlyFromEnv(env);
  const manifest = options.manifest ?? BUNDLED_MANIFEST;
  const restoreConsole = keepStdoutForProtocol();

  let server: McpServer | undefined;
  let transport: HandoverTransport | undefined;
  let loading: Promise<void> | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let replayInitialize: unknown;
  let toolsListed = false;
  const queue: string[] = [];
  let buffer: Buffer = Buffer.alloc(0);

  await new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(idleTimer);
      input.off('data', onData);
      input.off('end', finish);
      input.off('close', finish);
      options.signal?.removeEventListener('abort', finish);
      input.pause();
      restoreConsole();
      if (server) server.close().then(() => resolve(), () => resolve());
      else resolve();
    };

    const load = (): Promise<void> => {
      clearTimeout(idleTimer);
      loading ??= (async () => {
        const [{ createServer }, { JSONRPCMessageSchema }] = await Promise.all([import('./create-server.js'), import('@modelcontextprotocol/sdk/types.js')]);
        if (finished) return;
        server = createServer({ projectRoot, env, readOnly, ...(options.now ? { now: options.now } : {}) });
        transport = new HandoverTransport(output, (value) => JSONRPCMessageSchema.parse(value));
        server.server.onclose = finish;
        await server.connect(transport);
        if (replayInitialize !== undefined) transport.deliver(replayInitialize);
        for (const line of queue.splice(0)) transport.deliver(line);
      })().catch(reject);
      return loading;
    };

    const onLine = (line: string) => {
      if (transport) return transport.deliver(line);
      if (!line.trim()) return; // Blank lines carry no message (the SDK would only log a parse error).
      if (manifest && !loading) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          parsed = undefined; // Not JSON: the SDK reports it, once loaded.
        }
        const request = asRequest(parsed);
        if (!request && isNotification(parsed)) return void queue.push(line); // e.g. notifications/initialized: the SDK server gets it at hand-over.
        const answer = request && frontAnswer(request, { manifest, readOnly, version: SHIPGATE_VERSION });
        if (request && answer) {
          if (request.method === 'initialize') {
            if (replayInitialize !== undefined) return void queueAndLoad(line); // A second initialize is the SDK's to judge.
            replayInitialize = { ...request, id: REPLAYED_INITIALIZE_ID };
          }
          output.write(`${JSON.stringify(answer)}\n`);
          if (request.method === 'tools/list') toolsListed = true;
          clearTimeout(idleTimer);
          idleTimer = setTimeout(() => void load(), toolsListed ? LOAD_WHEN_IDLE_MS.afterToolsList : LOAD_WHEN_IDLE_MS.before);
          return;
        }
      }
      queueAndLoad(line);
    };
    const queueAndLoad = (line: string) => {
      queue.push(line);
      void load();
    };

    const onData = (chunk: Buffer) => {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      if (buffer.length > MAX_BUFFER_BYTES) {
        buffer = Buffer.alloc(0);
        console.error(`shipgate mcp: a message on stdin exceeded ${MAX_BUFFER_BYTES} bytes without a newline; it was dropped.`);
        return;
      }
      let newline;
      while ((newline = buffer.indexOf(0x0a)) >= 0) {
        const line = buffer.toString('utf8', 0, newline);
        buffer = buffer.subarray(newline + 1);
        onLine(line);
      }
    };

    input.on('data', onData);
    input.once('end', finish);
    input.once('close', finish);
    if (options.signal?.aborted) return finish();
    options.signal?.addEventListener('abort', finish, { once: true });
    if (!manifest) void load();
  });
}
