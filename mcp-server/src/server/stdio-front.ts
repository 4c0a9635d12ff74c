/**
 * The answers `shipgate mcp` gives before the SDK server has loaded: `initialize`, `ping` and the
 * parameterless requests of the build-time manifest (tools-manifest.ts). Everything else, and any
 * request that does not look exactly like what the manifest answers, is left to the real server
 * (returns undefined), so a malformed or unusual message always gets the SDK's own reply.
 *
 * This module imports nothing at run time: it is what keeps the SDK and zod off the cold path.
 */
import type { StaticAnswer, ToolsManifest } from './tools-manifest.js';

type JsonObject = Record<string, unknown>;

export interface FrontRequest {
  jsonrpc: '2.0';
  id: string | number;
  method: string;
  params?: JsonObject;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON-RPC request (not a notification, not a response) with a well-formed id. */
export function asRequest(message: unknown): FrontRequest | undefined {
  if (!isObject(message) || message.jsonrpc !== '2.0' || typeof message.method !== 'string') return undefined;
  if (!(typeof message.id === 'string' || (typeof message.id === 'number' && Number.isInteger(message.id)))) return undefined;
  if (message.params !== undefined && !isObject(message.params)) return undefined;
  return message as unknown as FrontRequest;
}

/** A JSON-RPC notification (no id): nothing to answer, so it can wait for the real server. */
export function isNotification(message: unknown): boolean {
  return isObject(message) && message.jsonrpc === '2.0' && typeof message.method === 'string' && !('id' in message);
}

/** Only `_meta` (or nothing) in params: no cursor, no arguments the manifest could not have seen. */
function hasNoArguments(params: JsonObject | undefined): boolean {
  return params === undefined || Object.keys(params).every((key) => key === '_meta');
}

/** The fields InitializeRequestSchema requires; anything less is the SDK's to refuse. */
function isWellFormedInitialize(params: JsonObject | undefined): params is { protocolVersion: string; capabilities: JsonObject; clientInfo: { name: string; version: string } } {
  if (!params || typeof params.protocolVersion !== 'string' || !isObject(params.capabilities)) return false;
  const clientInfo = params.clientInfo;
  return isObject(clientInfo) && typeof clientInfo.name === 'string' && typeof clientInfo.version === 'string';
}

function reply(id: string | number, answer: StaticAnswer): JsonObject {
  return answer.error ? { jsonrpc: '2.0', id, error: answer.error } : { jsonrpc: '2.0', id, result: answer.result };
}

export interface FrontOptions {
  manifest: ToolsManifest;
  readOnly: boolean;
  /** shipgate's version, read at run time (the manifest is built without it). */
  version: string;
}

/** The reply the SDK server would send to this request, when the manifest knows it; else undefined. */
export function frontAnswer(request: FrontRequest, options: FrontOptions): JsonObject | undefined {
  const { manifest } = options;
  if (request.method === 'initialize') {
    if (!isWellFormedInitialize(request.params)) return undefined;
    const requested = request.params.protocolVersion;
    const protocolVersion = manifest.supportedProtocolVersions.includes(requested) ? requested : manifest.latestProtocolVersion;
    const { capabilities, serverInfo, instructions } = manifest.initialize;
    return reply(request.id, { result: { protocolVersion, capabilities, serverInfo: { ...serverInfo, version: options.version }, ...(instructions ? { instructions } : {}) } });
  }
  if (request.method === 'ping' && hasNoArguments(request.params)) return reply(request.id, { result: {} });
  const answers = options.readOnly ? manifest.answers.readOnly : manifest.answers.full;
  const answer = Object.hasOwn(answers, request.method) ? answers[request.method] : undefined;
  return answer && hasNoArguments(request.params) ? reply(request.id, answer) : undefined;
}
