/**
 * Runs the real Claude Code (`node_modules/.bin/claude`, the devDependency) headless with this checkout
 * as a plugin, against the Messages API stand-in. The environment is built from scratch: a temp HOME
 * and CLAUDE_CONFIG_DIR (no user settings, no credentials), the stand-in as ANTHROPIC_BASE_URL, a fake
 * key, and every switch that keeps the client off the network (telemetry, error reporting, auto-update,
 * non-essential traffic). Nothing here reaches beyond 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';

/** This checkout (the source of the plugin). */
export const PLUGIN_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const CLAUDE_BIN = join(PLUGIN_ROOT, 'node_modules', '.bin', 'claude');

/** The plugin folder the sessions load: global-setup.ts's copy of what runs, else this checkout. */
export function pluginDir(): string {
  try {
    return inject('pluginDir') ?? PLUGIN_ROOT;
  } catch {
    return PLUGIN_ROOT;
  }
}

export interface ClaudeRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The `--output-format json` result, when stdout parsed. */
  result?: { result?: string; is_error?: boolean; num_turns?: number; permission_denials?: unknown[]; [key: string]: unknown };
  durationMs: number;
}

export interface ClaudeOptions {
  prompt: string;
  cwd: string;
  baseUrl: string;
  /** A temp folder for HOME and CLAUDE_CONFIG_DIR; made (and removed) per run when omitted. */
  home?: string;
  pluginDir?: string | null;
  allowedTools?: string[];
  extraArgs?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}

/** The environment of a hermetic client run (exported for the marketplace-install test). */
export function clientEnv(home: string, baseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    CLAUDE_CONFIG_DIR: join(home, '.claude'),
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_CACHE_HOME: join(home, '.cache'),
    TMPDIR: tmpdir(),
    LANG: 'C.UTF-8',
    ANTHROPIC_BASE_URL: baseUrl,
    ANTHROPIC_API_KEY: 'sk-ant-stand-in-not-a-real-key',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_AUTOUPDATER: '1',
    DISABLE_BUG_COMMAND: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    CLAUDE_CODE_DISABLE_FEEDBACK_SURVEY: '1',
    CI: '1',
    GIT_AUTHOR_NAME: 'Real Client',
    GIT_AUTHOR_EMAIL: 'real-client@example.com',
    GIT_COMMITTER_NAME: 'Real Client',
    GIT_COMMITTER_EMAIL: 'real-client@example.com',
    GIT_TERMINAL_PROMPT: '0',
    ...extra,
  };
}

export function makeHome(): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'shipgate-client-home-'));
  mkdirSync(join(home, '.claude'), { recursive: true });
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

export async function runClaude(options: ClaudeOptions): Promise<ClaudeRun> {
  const own = options.home ? undefined : makeHome();
  const home = options.home ?? own!.home;
  const args = ['-p', options.prompt, '--output-format', 'json'];
  if (options.pluginDir !== null) args.push('--plugin-dir', options.pluginDir ?? pluginDir());
  if (options.allowedTools?.length) args.push('--allowedTools', options.allowedTools.join(','));
  args.push(...(options.extraArgs ?? []));
  try {
    return await spawnClaude(CLAUDE_BIN, args, options.cwd, clientEnv(home, options.baseUrl, options.env), options.timeoutMs ?? 90_000);
  } finally {
    own?.cleanup();
  }
}

/** Spawn in its own process group so a timeout kills the client and every MCP server / hook it started. */
export function spawnClaude(bin: string, args: string[], cwd: string, env: Record<string, string>, timeoutMs: number): Promise<ClaudeRun> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const child = spawn(bin, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => {
      stderr += `\n[run-claude] timed out after ${timeoutMs} ms; killing the process group\n`;
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('close', (exitCode) => {
      clearTimeout(timer);
      let result: ClaudeRun['result'];
      try {
        result = JSON.parse(stdout) as ClaudeRun['result'];
      } catch {
        result = undefined;
      }
      done({ exitCode, stdout, stderr, result, durationMs: Date.now() - started });
    });
  });
}

export const TOOL = (name: string) => `mcp__plugin_shipgate_shipgate__${name}`;
