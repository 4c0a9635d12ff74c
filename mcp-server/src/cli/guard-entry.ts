/**
 * The process entry of the PreToolUse guard (mcp-server/dist/guard-hook.cjs, named in hooks/hooks.json).
 * It reads the hook input and routes it:
 * - a file tool (Write, Edit, MultiEdit, NotebookEdit) goes to guard-files.ts (dist/chunks/guard-files.cjs,
 *   a few kilobytes: the gate-state path check);
 * - anything else goes to the classifier (guard-core.ts → dist/chunks/guard-core.cjs), loaded through a
 *   V8 code cache under the state root (util/code-cache.ts). In the rare process that compiled it from
 *   source (the first call after an install, an upgrade or a new Node), the classifier's usual paths are
 *   warmed and the cache written after the decision is already on stdout.
 *
 * A guard that cannot load must not let the call through: Claude Code runs the tool when a hook
 * crashes, so any failure here is answered with a refusal instead.
 */
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { stateRoot } from '../project/state-dir.js';
import { requireWithCodeCache, type CachedModule } from '../util/code-cache.js';
import { FILE_TOOLS, type HookResult } from './guard-input.js';

declare const __dirname: string;
/** sha256 prefix of dist/chunks/guard-core.cjs, put here by scripts/build.mjs (buildGuard). */
declare const __GUARD_CORE_ID__: string;

interface GuardCore {
  runGuard(stdinText: string): Promise<void>;
  warmUp(): void;
}

interface GuardFiles {
  decideFileTool(stdinText: string, env: NodeJS.ProcessEnv): HookResult | undefined;
}

function refuse(error: unknown): void {
  const reason = `shipgate guard: refused because the guard could not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Reinstall the plugin, then retry.`;
  writeSync(1, `${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } })}\n`);
  process.exitCode = 0;
}

/**
 * Synchronous read of descriptor 0 (no streams loaded). A caller that hands over a non-blocking pipe
 * makes that read fail with EAGAIN; then, and only then, the stream is used.
 */
async function readStdin(): Promise<string> {
  try {
    return readFileSync(0, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return '';
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

function namesFileTool(text: string): boolean {
  try {
    const input = JSON.parse(text) as { tool_name?: unknown } | null;
    return typeof input?.tool_name === 'string' && FILE_TOOLS.has(input.tool_name);
  } catch {
    return false;
  }
}

function runFileTool(text: string): boolean {
  const decided = (require(join(__dirname, 'chunks', 'guard-files.cjs')) as GuardFiles).decideFileTool(text, process.env);
  if (!decided) return false;
  if (decided.stdout) writeSync(1, decided.stdout);
  process.exitCode = decided.exitCode;
  return true;
}

async function main(): Promise<void> {
  const text = await readStdin();
  if (namesFileTool(text) && runFileTool(text)) return;
  const core: CachedModule<GuardCore> = requireWithCodeCache<GuardCore>(join(__dirname, 'chunks', 'guard-core.cjs'), join(stateRoot(process.env), 'guard-code'), __GUARD_CORE_ID__, require);
  await core.exports.runGuard(text);
  core.saveCache(() => core.exports.warmUp());
}

main().catch(refuse);
