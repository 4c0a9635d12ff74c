/**
 * Runs one ToolDefinition for one `tools/call` and turns whatever happens into a CallToolResult.
 *
 * Why not leave this to the SDK: its messages do not teach, it silently strips unknown arguments
 * (a `confirmed: true` the model invents must be refused, not ignored), and a structuredContent that
 * does not match the outputSchema must surface as a shipgate bug, not as a protocol error.
 *
 * - arguments are parsed strictly (unknown keys refused) → InputError naming each argument;
 * - a thrown ShipgateError → `isError` result whose text is `error.describe()`, with NO
 *   structuredContent (clients validate structuredContent against the outputSchema even on errors)
 *   and the error code under `_meta["shipgate/error"]`;
 * - anything else → InternalError asking for a bug report.
 *
 * Good: `{ environment: "production" }` → the tool runs.
 * Bad:  `{ environment: "production; rm -rf /" }` → isError "Invalid arguments for tool gate_check".
 */
import { z, type ZodRawShape } from 'zod';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { InputError, InternalError, quote, toShipgateError, type ShipgateError } from '../errors.js';
import type { ToolContext, ToolDefinition } from './tool.js';
import { redactDeep, redactOutput } from '../util/redact-secrets.js';

const inputCache = new WeakMap<ZodRawShape, z.ZodTypeAny>();
const outputCache = new WeakMap<ZodRawShape, z.ZodTypeAny>();

/** Arguments: unknown keys are refused, so nothing a model invents is silently dropped. */
function inputObject(shape: ZodRawShape): z.ZodTypeAny {
  let schema = inputCache.get(shape);
  if (!schema) inputCache.set(shape, (schema = z.object(shape).strict()));
  return schema;
}

/** Output: extra keys a core adds are stripped, so structuredContent is exactly the published shape. */
function outputObject(shape: ZodRawShape): z.ZodTypeAny {
  let schema = outputCache.get(shape);
  if (!schema) outputCache.set(shape, (schema = z.object(shape)));
  return schema;
}

/** Build the teaching error for arguments that do not match a tool's input schema. */
function invalidArguments(definition: ToolDefinition, error: z.ZodError, args: unknown): InputError {
  const problems = error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length ? issue.path.join('.') : '(arguments)';
    if (issue.code === 'unrecognized_keys') {
      return `${issue.keys.map((key) => quote(key, 40)).join(', ')}: not an argument of ${definition.name}`;
    }
    const value = issue.path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), args);
    const found = typeof value === 'string' ? `, found ${quote(value, 60)}` : '';
    // zod echoes the received value in some messages (enums): bound it like any untrusted text.
    const message = issue.message.length > 160 ? `${issue.message.slice(0, 160)}…` : issue.message;
    return `${where}: ${message.replace(/[\u0000-\u001f\u007f]/g, ' ')}${found}`;
  });
  return new InputError(`Invalid arguments for tool ${definition.name}; nothing was run.`, {
    where: problems.join('; '),
    expected: `arguments matching the input schema of ${definition.name}: ${Object.keys(definition.inputSchema).join(', ') || 'none'}`,
    hint: `Fix the arguments listed above (tools/list shows the schema of ${definition.name}).`,
  });
}

/** The isError result for any failure. */
export function errorResult(error: ShipgateError): CallToolResult {
  const { where, expected, found, hint } = error.details;
  return {
    content: [{ type: 'text', text: redactOutput(error.describe()) }],
    isError: true,
    _meta: {
      'shipgate/error': {
        code: error.code,
        message: error.message,
        ...(where !== undefined ? { where } : {}),
        ...(expected !== undefined ? { expected } : {}),
        ...(found !== undefined ? { found } : {}),
        ...(hint !== undefined ? { hint } : {}),
      },
    },
  };
}

/** `arguments` must be a JSON object (or left out); null, a string, a number or a list are refused, never read as "no arguments". */
function argumentsNotAnObject(definition: ToolDefinition, rawArgs: unknown): InputError | undefined {
  if (rawArgs === undefined || (typeof rawArgs === 'object' && rawArgs !== null && !Array.isArray(rawArgs))) return undefined;
  const kind = rawArgs === null ? 'null' : Array.isArray(rawArgs) ? 'a list' : `a ${typeof rawArgs}`;
  return new InputError(`The arguments of tool ${definition.name} must be a JSON object; found ${kind}. Nothing was run.`, {
    where: `tools/call ${definition.name}: params.arguments`,
    expected: `a JSON object of named arguments (${Object.keys(definition.inputSchema).join(', ') || 'none'}), or no "arguments" at all`,
    found: JSON.stringify(rawArgs)?.slice(0, 80) ?? String(rawArgs),
    hint: `Send "arguments": {} or an object such as {"${Object.keys(definition.inputSchema)[0] ?? 'name'}": ...} (tools/list shows the schema of ${definition.name}).`,
  });
}

export async function callTool(definition: ToolDefinition, rawArgs: unknown, context: ToolContext): Promise<CallToolResult> {
  try {
    const notAnObject = argumentsNotAnObject(definition, rawArgs);
    if (notAnObject) throw notAnObject;
    const parsedArgs = inputObject(definition.inputSchema).safeParse(rawArgs ?? {});
    if (!parsedArgs.success) throw invalidArguments(definition, parsedArgs.error, rawArgs);
    const result = await definition.handler(parsedArgs.data, context);
    const checked = outputObject(definition.outputSchema).safeParse(result.structured);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      throw new InternalError(
        `tool ${definition.name} produced output that does not match its outputSchema (${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown'})`,
      );
    }
    return {
      content: [{ type: 'text', text: redactOutput(result.text) }],
      structuredContent: redactDeep(checked.data as Record<string, unknown>),
      ...(result.isError ? { isError: true } : {}),
    };
  } catch (thrown) {
    const error = toShipgateError(thrown);
    if (error.code === 'internal') {
      const cause = (error as { cause?: unknown }).cause;
      process.stderr.write(`shipgate: ${definition.name}: ${error.message}\n${cause instanceof Error && cause.stack ? `${cause.stack}\n` : ''}`);
      await context.log('error', `${definition.name}: ${error.message}`);
    }
    return errorResult(error);
  }
}
