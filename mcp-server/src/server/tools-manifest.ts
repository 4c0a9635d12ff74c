/**
 * The server's start-up answers, computed once at build time: what the SDK server says to
 * `initialize` and to the requests whose answer never depends on the project or the call
 * (`tools/list`, `resources/list`, `resources/templates/list`, `prompts/list`), in both modes.
 *
 * Why: a client waits for `tools/list` before the session is usable, and building the SDK's
 * protocol schemas (zod, ~100 ms of module evaluation) is most of a cold start. scripts/build.mjs
 * runs computeToolsManifest() and embeds the result in the bundle; stdio-front.ts answers those
 * requests from it while the real server loads, then hands the connection over (see stdio.ts).
 * Nothing here is written by hand: every answer is the SDK server's own reply, captured over its
 * in-memory transport, and test/server/stdio-front.test.ts holds the bundled copy equal to a fresh one.
 */
import { tmpdir } from 'node:os';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { LATEST_PROTOCOL_VERSION, SUPPORTED_PROTOCOL_VERSIONS, type JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from './create-server.js';

/** A JSON-RPC answer without its id: the result or the error the SDK server gave. */
export interface StaticAnswer {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export interface ToolsManifest {
  /** The initialize result minus `protocolVersion` (negotiated per client) and `serverInfo.version` (read at run time). */
  initialize: { capabilities: unknown; serverInfo: { name: string; title?: string }; instructions?: string };
  supportedProtocolVersions: string[];
  latestProtocolVersion: string;
  /** Answers to parameterless requests, by method, for the full server and for read-only mode. */
  answers: { full: Record<string, StaticAnswer>; readOnly: Record<string, StaticAnswer> };
}

/** Requests whose answer is fixed by the build: no project, no arguments, no client state. */
export const STATIC_METHODS = ['tools/list', 'resources/list', 'resources/templates/list', 'prompts/list'] as const;

/** Send raw JSON-RPC to a fresh SDK server and collect the raw replies, exactly as a client would see them. */
async function askServer(readOnly: boolean, requests: { method: string; params?: Record<string, unknown> }[]): Promise<Map<number, JSONRPCMessage>> {
  const server = createServer({ projectRoot: tmpdir(), readOnly, env: {} });
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const replies = new Map<number, JSONRPCMessage>();
  const done = new Promise<void>((resolve) => {
    client.onmessage = (message) => {
      if ('id' in message && typeof message.id === 'number') replies.set(message.id, message);
      if (replies.size === requests.length) resolve();
    };
  });
  await server.connect(serverSide);
  await client.start();
  for (const [index, request] of requests.entries()) await client.send({ jsonrpc: '2.0', id: index, method: request.method, ...(request.params ? { params: request.params } : {}) });
  await done;
  await server.close();
  return replies;
}

function answerOf(message: JSONRPCMessage | undefined): StaticAnswer {
  if (message && 'result' in message) return { result: message.result };
  if (message && 'error' in message) return { error: message.error };
  throw new Error('tools-manifest: the SDK server sent no answer');
}

export async function computeToolsManifest(): Promise<ToolsManifest> {
  const initialize = { method: 'initialize', params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'shipgate-build', version: '0' } } };
  const answers: ToolsManifest['answers'] = { full: {}, readOnly: {} };
  let initializeResult: { capabilities: unknown; serverInfo: { name: string; title?: string; version?: string }; instructions?: string } | undefined;
  for (const readOnly of [false, true]) {
    const replies = await askServer(readOnly, [initialize, ...STATIC_METHODS.map((method) => ({ method }))]);
    const init = answerOf(replies.get(0)).result as typeof initializeResult & { protocolVersion?: string };
    if (!readOnly) {
      const { name, title } = init!.serverInfo;
      initializeResult = { capabilities: init!.capabilities, serverInfo: { name, ...(title ? { title } : {}) }, ...(init!.instructions ? { instructions: init!.instructions } : {}) };
    }
    STATIC_METHODS.forEach((method, index) => {
      answers[readOnly ? 'readOnly' : 'full'][method] = answerOf(replies.get(index + 1));
    });
  }
  return { initialize: initializeResult!, supportedProtocolVersions: [...SUPPORTED_PROTOCOL_VERSIONS], latestProtocolVersion: LATEST_PROTOCOL_VERSION, answers };
}
