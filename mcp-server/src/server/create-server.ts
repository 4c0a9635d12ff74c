/**
 * `createServer()`: the shipgate MCP server, transport-agnostic (stdio.ts connects it to stdio, tests
 * connect it to an in-memory client). It registers every tool of tools/index.ts and routes
 * `tools/call` through call-tool.ts, so every tool gets the same strict arguments, the same teaching
 * errors and structuredContent that matches its outputSchema.
 *
 * Read-only mode (`SHIPGATE_READ_ONLY=1` or `readOnly: true`) offers only tools whose readOnlyHint is
 * true. Hiding is not enough: a client may call a tool by a name it remembers, so a call to a hidden
 * tool is refused with an error that says read-only mode, not "tool not found".
 *
 * Cold start matters (the client waits for `tools/list` before the session is usable): this module
 * and the tool files only import zod and the SDK; each handler loads its core with `import()`.
 */
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { BlockedError, UsageError } from '../errors.js';
import { SHIPGATE_VERSION } from '../version.js';
import { buildToolContext } from './build-tool-context.js';
import { readOnlyFromEnv } from './read-only.js';
import { LazySchemaValidator } from './lazy-schema-validator.js';
import { callTool, errorResult } from './call-tool.js';
import { setCallToolHandler } from './lenient-call-request.js';
import { tools } from './tools/index.js';
import { LEARNINGS_RESOURCE } from '../learnings/resource-descriptor.js';

export { LEARNINGS_RESOURCE };
import type { ToolDefinition } from './tool.js';

export interface CreateServerOptions {
  /** The user's repository (where shipgate.config.yaml lives). */
  projectRoot: string;
  /** Offer only tools that change nothing. Defaults to `SHIPGATE_READ_ONLY=1` in env. */
  readOnly?: boolean;
  now?: () => Date;
  env?: NodeJS.ProcessEnv;
}

const INSTRUCTIONS = [
  'shipgate gates production deployment in code.',
  'Order: gate_check (runs the safety gate of the environment and issues a receipt) → version_bump → deploy (refuses without a fresh receipt for this exact commit) → health_check; rollback when health fails.',
  'A failed blocking check cannot be argued away: fix the cause and run gate_check again.',
  'Checks that need a human are confirmed by that human through gate_attest (elicitation) or `shipgate attest` in a terminal.',
  'learnings_get returns lessons from previous runs; read them before deploying.',
].join('\n');


function canonicalRoot(projectRoot: string): string {
  const absolute = resolve(projectRoot);
  try {
    return realpathSync(absolute);
  } catch {
    return absolute; // A missing folder is reported by the core that needs it, with its own error.
  }
}

/** The terminal command that does what a write tool does, for the read-only refusal. */
const CLI_EQUIVALENT: Record<string, string> = {
  gate_check: 'shipgate gate --env ENV',
  gate_attest: 'shipgate attest CHECK_ID --by NAME --evidence TEXT',
  version_bump: 'shipgate bump',
  deploy: 'shipgate deploy --env ENV',
  rollback: 'shipgate rollback --env ENV --reason TEXT',
  learnings_record: 'shipgate learnings record',
};

function readOnlyRefusal(definition: ToolDefinition): CallToolResult {
  const cli = CLI_EQUIVALENT[definition.name] ?? 'shipgate --help';
  return errorResult(
    new BlockedError(`The tool ${definition.name} is not available: this shipgate MCP server runs in read-only mode, which only offers tools that change nothing. Nothing was run.`, {
      where: 'SHIPGATE_READ_ONLY',
      expected: 'a tool whose readOnlyHint is true (see tools/list)',
      found: definition.name,
      hint: `Run \`${cli}\` in a terminal, or restart the MCP server without SHIPGATE_READ_ONLY=1.`,
    }),
  );
}

function unknownTool(name: string, offered: string[]): CallToolResult {
  return errorResult(
    new UsageError(`Unknown tool ${JSON.stringify(name.slice(0, 80))}; nothing was run.`, {
      expected: `one of: ${offered.join(', ')}`,
      hint: 'Call tools/list for the tools this server offers.',
    }),
  );
}

function invalidName(name: unknown): CallToolResult {
  return errorResult(
    new UsageError('tools/call needs the name of a tool, a string; nothing was run.', {
      where: 'params.name',
      expected: 'a tool name from tools/list, e.g. "gate_check"',
      found: name === undefined ? 'nothing' : JSON.stringify(name).slice(0, 80),
      hint: 'Call tools/list for the tools this server offers.',
    }),
  );
}

export function createServer(options: CreateServerOptions): McpServer {
  const env = options.env ?? process.env;
  const readOnly = options.readOnly ?? readOnlyFromEnv(env);
  const contextOptions = { projectRoot: canonicalRoot(options.projectRoot), now: options.now ?? (() => new Date()), env };

  const server = new McpServer(
    { name: 'shipgate', title: 'shipgate: production deployment, gated for real', version: SHIPGATE_VERSION },
    { capabilities: { tools: { listChanged: true }, logging: {}, resources: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: new LazySchemaValidator() },
  );

  const offered = new Map<string, ToolDefinition>();
  const hidden = new Map<string, ToolDefinition>();
  for (const definition of tools) {
    if (readOnly && !definition.annotations.readOnlyHint) {
      hidden.set(definition.name, definition);
      continue;
    }
    offered.set(definition.name, definition);
    // Registration gives tools/list (JSON Schemas from zod); calls are routed below.
    server.registerTool(
      definition.name,
      {
        title: definition.title,
        description: definition.description,
        inputSchema: definition.inputSchema,
        outputSchema: definition.outputSchema,
        annotations: { title: definition.title, ...definition.annotations },
      },
      (args, extra) => callTool(definition, args, buildToolContext(server, extra, contextOptions)),
    );
  }

  // The lessons as a resource a client can attach; the learnings core loads only when it is read.
  server.registerResource(
    LEARNINGS_RESOURCE.name,
    LEARNINGS_RESOURCE.uri,
    { title: LEARNINGS_RESOURCE.title, description: LEARNINGS_RESOURCE.description, mimeType: LEARNINGS_RESOURCE.mimeType },
    async () => {
      const { readLearningsResource } = await import('../learnings/resource.js');
      return { contents: [await readLearningsResource(contextOptions.projectRoot)] };
    },
  );

  // Replaces the SDK's tools/call routing (set up by the `tools` capability above) with ours, which also
  // gets the calls whose `arguments` or `name` the SDK's schema would reject (lenient-call-request.ts).
  setCallToolHandler(server.server, async (request, extra) => {
    const { name, arguments: args } = request.params ?? {};
    if (typeof name !== 'string') return invalidName(name);
    const definition = offered.get(name);
    if (definition) return callTool(definition, args, buildToolContext(server, extra, contextOptions));
    const hiddenTool = hidden.get(name);
    if (hiddenTool) return readOnlyRefusal(hiddenTool);
    return unknownTool(name, [...offered.keys()]);
  });

  return server;
}
