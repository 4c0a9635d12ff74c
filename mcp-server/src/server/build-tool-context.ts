/**
 * Builds the ToolContext a tool handler receives from the MCP request it serves. The context is the
 * only way a tool talks back to the client, so the protocol rules live here, once:
 * - progress is a no-op unless the client sent a progress token (the spec forbids unsolicited progress);
 * - log becomes an MCP logging notification, filtered by the level the client set;
 * - elicit exists only when the client declared the elicitation capability, so a tool can tell
 *   "the human said no" apart from "there is no human to ask" (gate_attest depends on that).
 * A failure to deliver a notification never fails the tool: the work already happened.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { ToolContext } from './tool.js';
import type { ElicitResult } from '../gates/resolve-attestation.js';

/** How long a human may take to answer an elicitation before the request times out. */
const ELICITATION_TIMEOUT_MS = 10 * 60 * 1000;

export interface ToolContextOptions {
  projectRoot: string;
  now: () => Date;
  env: NodeJS.ProcessEnv;
}

export function buildToolContext(
  server: McpServer,
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  options: ToolContextOptions,
): ToolContext {
  const progressToken = extra._meta?.progressToken;
  const context: ToolContext = {
    projectRoot: options.projectRoot,
    signal: extra.signal,
    now: options.now,
    env: options.env,
    async progress(progress, total, message) {
      if (progressToken === undefined) return;
      try {
        await extra.sendNotification({
          method: 'notifications/progress',
          params: { progressToken, progress, ...(total !== undefined ? { total } : {}), ...(message !== undefined ? { message } : {}) },
        });
      } catch {
        // The client went away; the tool's result still matters more than its progress.
      }
    },
    async log(level, message) {
      try {
        await server.server.sendLoggingMessage({ level, logger: 'shipgate', data: message }, extra.sessionId);
      } catch {
        // Not connected any more: nothing to tell.
      }
    },
  };
  if (server.server.getClientCapabilities()?.elicitation) {
    context.elicit = async (message, requestedSchema): Promise<ElicitResult> => {
      const result = await server.server.elicitInput(
        { mode: 'form', message, requestedSchema: requestedSchema as never },
        { signal: extra.signal, relatedRequestId: extra.requestId, timeout: ELICITATION_TIMEOUT_MS },
      );
      return {
        action: result.action,
        ...(result.content ? { content: result.content as Record<string, unknown> } : {}),
      };
    };
  }
  return context;
}
