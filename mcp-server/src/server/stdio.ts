/**
 * `runStdioServer()`: the shipgate MCP server on stdin/stdout, as `.mcp.json` starts it
 * (`node mcp-server/dist/cli.js mcp`). stdout carries only JSON-RPC: console output of any core is
 * routed to stderr while the server runs, so a stray console.log cannot corrupt the protocol.
 * The promise settles when the client closes stdin or the signal aborts, so the CLI exits cleanly.
 *
 * The project is found from `SHIPGATE_PROJECT_ROOT`, else `CLAUDE_PROJECT_DIR` (set by Claude Code to
 * the folder the session was launched from), else cwd, walking up to the nearest configuration, else
 * the git top level (see project/find-project-root.ts): a session started in `<repo>/app` works on `<repo>`.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { createServer } from './create-server.js';
import { findProjectRoot } from '../project/find-project-root.js';

export interface StdioServerOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  readOnly?: boolean;
  now?: () => Date;
  signal?: AbortSignal;
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

export async function runStdioServer(options: StdioServerOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const projectRoot = await serverProjectRoot(env, options.cwd ?? process.cwd());
  const restoreConsole = keepStdoutForProtocol();
  const server = createServer({
    projectRoot,
    env,
    ...(options.readOnly !== undefined ? { readOnly: options.readOnly } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  const transport = new StdioServerTransport();
  await new Promise<void>((resolve, reject) => {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      process.stdin.off('end', finish);
      process.stdin.off('close', finish);
      options.signal?.removeEventListener('abort', finish);
      restoreConsole();
      server.close().then(resolve, resolve);
    };
    server.server.onclose = finish;
    process.stdin.once('end', finish);
    process.stdin.once('close', finish);
    if (options.signal?.aborted) return finish();
    options.signal?.addEventListener('abort', finish, { once: true });
    server.connect(transport).catch(reject);
  });
}
