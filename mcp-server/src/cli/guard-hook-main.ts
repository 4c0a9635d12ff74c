/**
 * PreToolUse hook: refuses raw production deploy commands in Bash and hand-writes of gate state by
 * Bash or the file tools, with Claude Code's documented decision JSON on stdout
 * (`hookSpecificOutput.permissionDecision: "deny"` and a reason naming /shipgate:deploy-production),
 * exit 0; lets everything else through silently. It runs before every Bash/Write/Edit call, so this
 * code loads only what classification needs (no zod, no remark, no MCP SDK; the YAML parser only
 * when the config changed, see load-guard-policy.ts). The process entry is guard-entry.ts, which loads guard-core.ts.
 *
 * Malformed input (not JSON, not an object, a Bash call without a string command, a file tool
 * without a string path) is refused, not allowed: a guard that opens on input it cannot read is a
 * hole. Tools the guard does not watch pass untouched.
 *
 * Input (stdin): `{ "tool_name": "Bash", "tool_input": { "command": "..." }, "cwd": "..." }`.
 */
import { resolve } from 'node:path';
import { classifyCommand } from '../gates/guard/classify-command.js';
import { refusalMessage } from '../gates/guard/refusal-message.js';
import { loadGuardPolicy } from '../gates/guard/load-guard-policy.js';
import { isProtectedPath } from '../gates/guard/protected-paths.js';
import { fsLookup } from '../gates/guard/fs-lookup.js';

/** File-writing tools that could forge gate state (hooks.json must match them too). */
const FILE_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);

export interface HookResult {
  /** What the hook prints on stdout: the decision JSON, or nothing to allow. */
  stdout: string;
  exitCode: number;
}

/** Parses YAML text; injected so the guard bundle does not carry the parser (see guard-core.ts). */
export type YamlParse = (text: string) => unknown;

export async function guardHook(stdinText: string, env: Readonly<Record<string, string | undefined>>, loadYaml: () => Promise<YamlParse>): Promise<HookResult> {
  let input: unknown;
  try {
    input = JSON.parse(stdinText);
  } catch {
    return deny('shipgate guard: refused because the hook input is not JSON, so the tool call cannot be checked. This is a bug in the caller; retry the call.');
  }
  if (!isObject(input)) return deny('shipgate guard: refused because the hook input is not a JSON object, so the tool call cannot be checked.');
  const toolName = input.tool_name;
  const toolInput = isObject(input.tool_input) ? input.tool_input : undefined;
  const isBash = toolName === 'Bash';
  const isFileTool = typeof toolName === 'string' && FILE_TOOLS.has(toolName);
  if (!isBash && !isFileTool) return allow();
  const cwd = typeof input.cwd === 'string' && input.cwd.startsWith('/') ? input.cwd : process.cwd();
  const files = fsLookup();
  if (isFileTool) {
    const path = toolInput?.file_path ?? toolInput?.notebook_path;
    if (typeof path !== 'string') return deny(`shipgate guard: refused ${String(toolName)} without a file path, so the write cannot be checked.`);
    // Claude Code's file tools expand a leading `~` to the home folder.
    const expanded = /^~(?=\/|$)/.test(path) && env.HOME ? `${env.HOME}${path.slice(1)}` : path;
    if (isProtectedPath(resolve(cwd, expanded), cwd, env, files)) {
      return deny(refusalMessage({ blocked: true, ruleId: 'shipgate-state', reason: `writing shipgate's gate state (${path}) by hand` }));
    }
    return allow();
  }
  const command = toolInput?.command;
  if (typeof command !== 'string') return deny('shipgate guard: refused a Bash call without a command string, so it cannot be checked.');
  const policy = await loadGuardPolicy(cwd, env, loadYaml);
  const verdict = classifyCommand(command, { policy, env, cwd, files });
  return verdict.blocked ? deny(refusalMessage(verdict, policy.configProblem)) : allow();
}

function allow(): HookResult {
  return { stdout: '', exitCode: 0 };
}

function deny(reason: string): HookResult {
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
