/**
 * The SDK Transport the real server connects to once it has loaded (see stdio.ts). Reading stdin
 * stays with stdio.ts, which started before the SDK existed in the process; this transport receives
 * the lines it hands over, parses them as the SDK's StdioServerTransport does (JSON, then the
 * protocol schema, errors to onerror), and writes replies as newline-delimited JSON on stdout.
 *
 * The `initialize` the front already answered is replayed with a private id so the SDK server knows
 * the client's capabilities (elicitation, logging level); its second answer is dropped here, the only
 * message this transport ever withholds.
 */
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/** The id of the replayed initialize: a string no client sends (clients number their requests). */
export const REPLAYED_INITIALIZE_ID = 'shipgate-front:replayed-initialize';

export class HandoverTransport implements Transport {
  onmessage?: Transport['onmessage'];
  onerror?: Transport['onerror'];
  onclose?: Transport['onclose'];
  private closed = false;

  constructor(
    private readonly output: NodeJS.WritableStream,
    /** The SDK's JSONRPCMessageSchema.parse, passed in by the loader so this file imports no SDK value. */
    private readonly parseMessage: (value: unknown) => JSONRPCMessage,
  ) {}

  async start(): Promise<void> {}

  /** One line from stdin (without its newline), or an already-parsed message (the replayed ones). */
  deliver(line: string | unknown): void {
    if (this.closed) return;
    let message: JSONRPCMessage;
    let value: unknown;
    try {
      value = typeof line === 'string' ? JSON.parse(line.replace(/\r$/, '')) : line;
      message = this.parseMessage(value);
    } catch (error) {
      this.onerror?.(error as Error);
      this.answerInvalidRequest(value);
      return;
    }
    this.onmessage?.(message);
  }

  /**
   * A request the protocol schema refuses (`"params": null`, `"params": "x"`) still gets an answer when
   * it carries an id: JSON-RPC's -32600 saying what is wrong, so the client does not wait forever. The
   * SDK's own transport drops such a line after reporting it to onerror.
   */
  private answerInvalidRequest(value: unknown): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const { id, method, params } = value as { id?: unknown; method?: unknown; params?: unknown };
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const what = typeof method === 'string' ? JSON.stringify(method.slice(0, 60)) : 'without a method name';
    const problem = typeof method !== 'string' ? '"method" must be a string' : params !== undefined && (typeof params !== 'object' || params === null || Array.isArray(params)) ? `"params" must be a JSON object when present, found ${params === null ? 'null' : Array.isArray(params) ? 'a list' : `a ${typeof params}`}` : 'it does not match the MCP schema';
    void this.send({ jsonrpc: '2.0', id, error: { code: -32600, message: `Invalid request ${what}: ${problem}. Nothing was run.` } } as JSONRPCMessage);
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed || ('id' in message && message.id === REPLAYED_INITIALIZE_ID)) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.output.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.output.once('drain', resolve);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onclose?.();
  }
}
