/**
 * PreToolUse hook for Bash: refuses raw production deploy commands (exit 2, reason on stderr pointing
 * to /deploy-production) and lets everything else through silently (exit 0). For Write/Edit it refuses
 * only writes to shipgate's receipts and attestations (a forged receipt would be a way around the gate). Runs on every Bash call,
 * so it must be fast: no zod, no remark; the config is read, and `yaml` loaded, only when the command
 * might match something the configuration names.
 *
 * Input (stdin): `{ "tool_name": "Bash", "tool_input": { "command": "..." }, "cwd": "..." }`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { classifyCommand, refusalMessage } from '../gates/guard/classify-command.js';
import { splitShell } from '../gates/guard/split-shell.js';
import { isShipgateStatePath } from '../gates/guard/rules/shipgate-state.js';
import { DEFAULT_GUARD_POLICY, policyFromConfig, type GuardPolicy } from '../gates/guard/guard-policy.js';

const CONFIG_NAMES = ['shipgate.config.yaml', '.claude/shipgate.yaml'];
/** File-writing tools that could forge a receipt or an attestation (hooks.json must match them too). */
const FILE_TOOLS = new Set(['Write', 'Edit', 'MultiEdit', 'NotebookEdit']);

export async function guardHook(stdinText: string): Promise<{ exitCode: number; stderr: string }> {
  let input: { tool_name?: unknown; tool_input?: { command?: unknown; file_path?: unknown; notebook_path?: unknown }; cwd?: unknown };
  try {
    input = JSON.parse(stdinText) as typeof input;
  } catch {
    return { exitCode: 0, stderr: '' };
  }
  const filePath = input?.tool_input?.file_path ?? input?.tool_input?.notebook_path;
  if (typeof input?.tool_name === 'string' && FILE_TOOLS.has(input.tool_name) && typeof filePath === 'string' && isShipgateStatePath(filePath)) {
    return { exitCode: 2, stderr: `${refusalMessage({ blocked: true, ruleId: 'shipgate-state', reason: `writing shipgate's gate state (${filePath}) by hand` })}\n` };
  }
  if (input?.tool_name !== 'Bash' || typeof input.tool_input?.command !== 'string') return { exitCode: 0, stderr: '' };
  const command = input.tool_input.command;
  let verdict = classifyCommand(command);
  if (!verdict.blocked) {
    const configText = readConfigText(typeof input.cwd === 'string' ? input.cwd : process.cwd());
    if (configText && mentionsAnyWord(command, configText)) verdict = classifyCommand(command, await policyFromText(configText));
  }
  return verdict.blocked ? { exitCode: 2, stderr: `${refusalMessage(verdict)}\n` } : { exitCode: 0, stderr: '' };
}

function readConfigText(cwd: string): string | undefined {
  for (let folder = cwd; ; folder = dirname(folder)) {
    for (const name of CONFIG_NAMES) {
      const path = join(folder, name);
      if (existsSync(path)) {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return undefined;
        }
      }
    }
    if (existsSync(join(folder, '.git')) || dirname(folder) === folder) return undefined;
  }
}

/** Cheap pre-filter: parse the config only when a word of the command appears in it. */
function mentionsAnyWord(command: string, configText: string): boolean {
  const nested: string[] = [];
  const words = splitShell(command, nested).flat();
  for (const inner of nested) words.push(...splitShell(inner).flat());
  return words.some((w) => w.length >= 2 && configText.includes(w.replace(/^\.\//, '').split('/').pop()!));
}

async function policyFromText(text: string): Promise<GuardPolicy> {
  try {
    // Bundled, yaml is CommonJS behind a dynamic import: its API may sit on `default`.
    const yaml = (await import('yaml')) as typeof import('yaml') & { default?: typeof import('yaml') };
    const parse = typeof yaml.parse === 'function' ? yaml.parse : yaml.default!.parse;
    return policyFromConfig(parse(text));
  } catch {
    return DEFAULT_GUARD_POLICY;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

if (process.argv[1] && /guard-hook(-main)?\.(c?js|ts)$/.test(process.argv[1])) {
  const result = await guardHook(await readStdin());
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}
