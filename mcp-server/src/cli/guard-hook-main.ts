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
import { classifyCommand } from '../gates/guard/classify-command.js';
import { refusalMessage } from '../gates/guard/refusal-message.js';
import { loadGuardPolicy } from '../gates/guard/load-guard-policy.js';
import { fsLookup } from '../gates/guard/fs-lookup.js';
import { allow, deny, fileToolDecision, readHookInput, type HookResult } from './guard-input.js';

export { guardFailure, type HookResult } from './guard-input.js';

/** Parses YAML text; injected so the guard bundle does not carry the parser (see guard-core.ts). */
export type YamlParse = (text: string) => unknown;

export async function guardHook(stdinText: string, env: Readonly<Record<string, string | undefined>>, loadYaml: () => Promise<YamlParse>): Promise<HookResult> {
  const input = readHookInput(stdinText);
  if (input.kind === 'answer') return input.result;
  const files = fsLookup();
  if (input.kind === 'file') return fileToolDecision(input, env, files);
  const { command, cwd } = input;
  if (typeof command !== 'string') return deny('shipgate guard: refused a Bash call without a command string, so it cannot be checked.');
  const policy = await loadGuardPolicy(cwd, env, loadYaml);
  const verdict = classifyCommand(command, { policy, env, cwd, files });
  return verdict.blocked ? deny(refusalMessage(verdict, policy.configProblem)) : allow();
}
