/**
 * `tools/call` routed so that a malformed `arguments` (null, a string, a number, a list), a `name` that
 * is not a string, or no `params` at all reach shipgate's own handler instead of failing inside the SDK.
 *
 * Why: the SDK's Server wraps every tools/call handler it is given and first checks the request against
 * its CallToolRequestSchema (`arguments` must be a record). A client that sends `arguments: null` got a
 * JSON-RPC -32603 "internal error" carrying a zod dump, and no word of which tool or what to send. So the
 * handler is installed with the SDK's base Protocol method (the wrapper's other duties are moot here: the
 * server declares no task support, and call-tool.ts always returns a well-formed CallToolResult) under
 * the SDK's own schema with only those two fields widened; call-tool.ts then answers the call as an
 * `isError` result naming the tool and what `arguments` must be, and runs nothing.
 *
 * Good: `{ "name": "deploy", "arguments": null }` → isError "The arguments of tool deploy must be a JSON object".
 * Bad:  `{ "name": "deploy", "arguments": null }` → -32603 `[{"expected":"record",...}]`.
 */
import * as z from 'zod/v4';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { Protocol } from '@modelcontextprotocol/sdk/shared/protocol.js';
import { CallToolRequestSchema, type CallToolResult, type ServerNotification, type ServerRequest, type ServerResult } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';

export const LenientCallToolRequestSchema = CallToolRequestSchema.extend({
  params: CallToolRequestSchema.shape.params.extend({ name: z.unknown(), arguments: z.unknown().optional() }).optional(),
});

export type LenientCallToolRequest = z.infer<typeof LenientCallToolRequestSchema>;

export function setCallToolHandler(
  server: Server,
  handler: (request: LenientCallToolRequest, extra: RequestHandlerExtra<ServerRequest, ServerNotification>) => Promise<CallToolResult>,
): void {
  Protocol.prototype.setRequestHandler.call(server as unknown as Protocol<ServerRequest, ServerNotification, ServerResult>, LenientCallToolRequestSchema, handler);
}
