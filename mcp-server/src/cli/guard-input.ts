/**
 * The guard's reading of Claude Code's PreToolUse input, and its answers, shared by the two paths the
 * process entry (guard-entry.ts) routes to: file tools (guard-files.ts, a few kilobytes) and Bash (the
 * classifier, guard-core.ts). Malformed input (not JSON, not an object, a Bash call without a string
 * command, a file tool without a string path) is refused, not allowed: a guard that opens on input it
 * cannot read is a hole. Tools the guard does not watch pass untouched.
 */
import { resolve } from 'node:path';
import { refusalMessage } from '../gates/guard/refusal-message.js';
import { isProtectedPath } from '../gates/guard/protected-paths.js';
import type { FileLookup } from '../gates/guard/guard-context.js';

/** File-writing tools that could forge gate state (hooks.json must match them too). */
export const FILE_TOOLS: ReadonlySet<string> = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);

export interface HookResult {
  /** What the hook prints on stdout: the decision JSON, or nothing to allow. */
  stdout: string;
  exitCode: number;
}

export type HookInput =
  | { kind: 'answer'; result: HookResult }
  | { kind: 'file'; toolName: string; toolInput: Record<string, unknown> | undefined; cwd: string }
  | { kind: 'bash'; command: unknown; cwd: string };

export function readHookInput(stdinText: string): HookInput {
  let input: unknown;
  try {
    input = JSON.parse(stdinText);
  } catch {
    return { kind: 'answer', result: deny('shipgate guard: refused because the hook input is not JSON, so the tool call cannot be checked. This is a bug in the caller; retry the call.') };
  }
  if (!isObject(input)) return { kind: 'answer', result: deny('shipgate guard: refused because the hook input is not a JSON object, so the tool call cannot be checked.') };
  const toolName = input.tool_name;
  const toolInput = isObject(input.tool_input) ? input.tool_input : undefined;
  const cwd = typeof input.cwd === 'string' && input.cwd.startsWith('/') ? input.cwd : process.cwd();
  if (toolName === 'Bash') return { kind: 'bash', command: toolInput?.command, cwd };
  if (typeof toolName === 'string' && FILE_TOOLS.has(toolName)) return { kind: 'file', toolName, toolInput, cwd };
  return { kind: 'answer', result: allow() };
}

/** Write, Edit, MultiEdit, NotebookEdit: refused when the path is gate state, however it is spelled. */
export function fileToolDecision(input: Extract<HookInput, { kind: 'file' }>, env: Readonly<Record<string, string | undefined>>, files: FileLookup): HookResult {
  const path = input.toolInput?.file_path ?? input.toolInput?.notebook_path;
  if (typeof path !== 'string') return deny(`shipgate guard: refused ${input.toolName} without a file path, so the write cannot be checked.`);
  // Claude Code's file tools expand a leading `~` to the home folder.
  const expanded = /^~(?=\/|$)/.test(path) && env.HOME ? `${env.HOME}${path.slice(1)}` : path;
  if (isProtectedPath(resolve(input.cwd, expanded), input.cwd, env, files)) {
    return deny(refusalMessage({ blocked: true, ruleId: 'shipgate-state', reason: `writing shipgate's gate state (${path}) by hand` }));
  }
  return allow();
}

export function allow(): HookResult {
  return { stdout: '', exitCode: 0 };
}

export function deny(reason: string): HookResult {
  const decision = { hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } };
  return { stdout: `${JSON.stringify(decision)}\n`, exitCode: 0 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An internal error refuses the call and asks for a bug report; the hook never crashes. */
export function guardFailure(error: unknown): HookResult {
  return deny(`shipgate guard: refused because the guard failed (${error instanceof Error ? error.message : String(error)}). Please report this as a shipgate bug.`);
}
