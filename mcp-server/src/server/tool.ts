/**
 * The shape of one MCP tool. Each tool lives in server/tools/<tool-name>.ts and is listed once in
 * server/tools/index.ts. Tools are thin: validate input (zod) → call the core → shape output.
 * Every tool sets all four annotations explicitly and returns structuredContent matching
 * outputSchema plus a text block (server/create-server.ts does the wrapping).
 */
import type { ZodRawShape, z } from 'zod';
import type { Elicit } from '../gates/resolve-attestation.js';

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: boolean;
}

export interface ToolContext {
  /** The project the server works on (realpath), where shipgate.config.yaml lives. */
  projectRoot: string;
  signal: AbortSignal;
  now: () => Date;
  env: NodeJS.ProcessEnv;
  /** Report progress; no-op when the client sent no progress token. */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** MCP logging notification (respects the client's log level). */
  log(level: 'debug' | 'info' | 'notice' | 'warning' | 'error', message: string): Promise<void>;
  /** Ask the human through MCP elicitation; undefined when the client does not support it. */
  elicit?: Elicit;
}

export interface ToolResult<O> {
  structured: O;
  text: string;
  /** Set for a result that is a refusal/failure the model must see as an error (isError). */
  isError?: boolean;
}

export interface ToolDefinition<I extends ZodRawShape = ZodRawShape, O extends ZodRawShape = ZodRawShape> {
  name: string;
  title: string;
  description: string;
  inputSchema: I;
  outputSchema: O;
  annotations: ToolAnnotations;
  handler(args: z.objectOutputType<I, z.ZodTypeAny>, context: ToolContext): Promise<ToolResult<z.objectOutputType<O, z.ZodTypeAny>>>;
}
