/**
 * A local stand-in for the Anthropic Messages API, on 127.0.0.1, for driving the real `claude` binary.
 *
 * It answers `POST /v1/messages` the way the client expects a streaming answer (server-sent events:
 * message_start, content_block_start / content_block_delta / content_block_stop per block, with
 * `text_delta` for text and `input_json_delta` for a tool_use block's input, then message_delta with
 * the stop reason and message_stop), and non-streaming requests with one JSON message. What the model
 * "says" is a script: one turn per main-loop request, in order; a turn may be a function of the request,
 * so a scenario can react to the tool results the client sent. Requests that are not the main loop
 * (no `tools`, e.g. a short side query) get a plain text answer and do not consume the script.
 * Everything else the client calls at start-up (the `HEAD /` reachability probe, count_tokens, model
 * listing) is answered too, and every request is recorded for assertions.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ToolUse {
  name: string;
  input: Record<string, unknown>;
}

/** One assistant message: some text and/or tool calls (tool calls make the client run them and come back). */
export interface AssistantTurn {
  text?: string;
  toolUses?: ToolUse[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body (undefined for bodiless requests). */
  body: MessagesBody | undefined;
}

export interface ContentBlock {
  type: string;
  text?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: string | ContentBlock[];
  is_error?: boolean;
}

export interface MessagesBody {
  model?: string;
  stream?: boolean;
  system?: string | ContentBlock[];
  tools?: { name: string; description?: string; input_schema?: unknown; defer_loading?: boolean }[];
  messages?: { role: string; content: string | ContentBlock[] }[];
  [key: string]: unknown;
}

export type Turn = AssistantTurn | ((request: MessagesBody, index: number) => AssistantTurn);

export interface StandIn {
  url: string;
  requests: RecordedRequest[];
  /** Main-loop requests (those carrying `tools`), in order. */
  mainRequests(): MessagesBody[];
  close(): Promise<void>;
}

export async function startMessagesStandIn(script: Turn[], options: { finalText?: string } = {}): Promise<StandIn> {
  const requests: RecordedRequest[] = [];
  let next = 0;
  let ids = 0;
  const server: Server = createServer((req, res) => {
    readBody(req).then(
      (raw) => {
        const body = raw ? (JSON.parse(raw) as MessagesBody) : undefined;
        requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
        route(req, res, body);
      },
      () => res.destroy(),
    );
  });

  function route(req: IncomingMessage, res: ServerResponse, body: MessagesBody | undefined): void {
    const path = (req.url ?? '').split('?')[0]!;
    if (req.method === 'HEAD' || (req.method === 'GET' && path === '/')) return void res.writeHead(200).end();
    if (req.method === 'POST' && path === '/v1/messages/count_tokens') return json(res, 200, { input_tokens: Math.ceil(JSON.stringify(body ?? {}).length / 4) });
    if (req.method === 'GET' && path.startsWith('/v1/models')) {
      return json(res, 200, { data: [{ type: 'model', id: 'claude-stand-in', display_name: 'Stand-in', created_at: '2026-01-01T00:00:00Z' }], has_more: false, first_id: 'claude-stand-in', last_id: 'claude-stand-in' });
    }
    if (req.method === 'POST' && path === '/v1/messages' && body) {
      const isMain = Array.isArray(body.tools) && body.tools.length > 0;
      let turn: AssistantTurn;
      if (!isMain) turn = { text: 'ok' };
      else if (next < script.length) {
        const step = script[next]!;
        turn = typeof step === 'function' ? step(body, next) : step;
        next += 1;
      } else turn = { text: options.finalText ?? 'Done.' };
      return answer(res, body, turn);
    }
    json(res, 404, { type: 'error', error: { type: 'not_found_error', message: `stand-in: no route for ${req.method} ${path}` } });
  }

  function answer(res: ServerResponse, body: MessagesBody, turn: AssistantTurn): void {
    const blocks: ContentBlock[] = [];
    if (turn.text) blocks.push({ type: 'text', text: turn.text });
    for (const use of turn.toolUses ?? []) blocks.push({ type: 'tool_use', id: `toolu_standin_${(ids += 1)}`, name: use.name, input: use.input });
    const stopReason = turn.toolUses?.length ? 'tool_use' : 'end_turn';
    const usage = { input_tokens: 10, output_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
    const message = { id: `msg_standin_${(ids += 1)}`, type: 'message', role: 'assistant', model: body.model ?? 'claude-stand-in' };
    if (!body.stream) return json(res, 200, { ...message, content: blocks, stop_reason: stopReason, stop_sequence: null, usage });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
    send('message_start', { message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } });
    blocks.forEach((block, index) => {
      if (block.type === 'text') {
        send('content_block_start', { index, content_block: { type: 'text', text: '' } });
        send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } });
      } else {
        send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } });
        const json = JSON.stringify(block.input);
        // Split the JSON the way the API does: several partial_json fragments that only parse together.
        const cut = Math.max(1, Math.floor(json.length / 2));
        send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(0, cut) } });
        send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: json.slice(cut) } });
      }
      send('content_block_stop', { index });
    });
    send('message_delta', { delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 10 } });
    send('message_stop', {});
    res.end();
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    mainRequests: () => requests.filter((r) => r.path.startsWith('/v1/messages') && !r.path.includes('count_tokens') && Array.isArray(r.body?.tools) && r.body!.tools!.length > 0).map((r) => r.body!),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, data: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Plain text of a message content (string or blocks, tool_result contents flattened). */
export function contentText(content: string | ContentBlock[] | undefined): string {
  if (content === undefined) return '';
  if (typeof content === 'string') return content;
  return content.map((block) => (block.type === 'text' ? (block.text ?? '') : block.type === 'tool_result' ? contentText(block.content) : '')).join('\n');
}

/** Every tool_result the client sent in a request, with the tool_use it answers. */
export function toolResults(request: MessagesBody): { name: string; input: unknown; text: string; isError: boolean }[] {
  const uses = new Map<string, ContentBlock>();
  const out: { name: string; input: unknown; text: string; isError: boolean }[] = [];
  for (const message of request.messages ?? []) {
    if (typeof message.content === 'string') continue;
    for (const block of message.content) {
      if (block.type === 'tool_use' && block.id) uses.set(block.id, block);
      if (block.type === 'tool_result') {
        const use = uses.get(block.tool_use_id ?? '');
        out.push({ name: use?.name ?? '?', input: use?.input, text: contentText(block.content), isError: block.is_error === true });
      }
    }
  }
  return out;
}

/** All user-side text of a request (prompts, expanded commands, hook context, system reminders). */
export function userText(request: MessagesBody): string {
  return (request.messages ?? [])
    .filter((m) => m.role === 'user' || m.role === 'system')
    .map((m) => contentText(m.content))
    .join('\n');
}
