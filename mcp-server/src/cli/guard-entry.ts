/**
 * The process entry of the PreToolUse guard (mcp-server/dist/guard-hook.cjs, named in hooks/hooks.json):
 * loads the guard's code (guard-core.ts → dist/chunks/guard-core.cjs) through a V8 code cache under the
 * state root (util/code-cache.ts), runs one hook call, and, in the rare process that compiled the code
 * from source (the first call after an install, an upgrade or a new Node), warms the classifier's usual
 * paths and writes the cache, after the decision is already on stdout.
 *
 * A guard that cannot load must not let the call through: Claude Code runs the tool when a hook
 * crashes, so any failure here is answered with a refusal instead.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { stateRoot } from '../project/state-dir.js';
import { requireWithCodeCache, type CachedModule } from '../util/code-cache.js';

declare const __dirname: string;
/** sha256 prefix of dist/chunks/guard-core.cjs, put here by scripts/build.mjs (buildGuard). */
declare const __GUARD_CORE_ID__: string;

interface GuardCore {
  runGuard(): Promise<void>;
  warmUp(): void;
}

function refuse(error: unknown): void {
  const reason = `shipgate guard: refused because the guard could not load (${error instanceof Error ? error.message.split('\n')[0] : String(error)}). Reinstall the plugin, then retry.`;
  writeSync(1, `${JSON.stringify({ hookSpecificOutput: { hookEventName: 'PreToolUse', permissionDecision: 'deny', permissionDecisionReason: reason } })}\n`);
  process.exitCode = 0;
}

let core: CachedModule<GuardCore> | undefined;
try {
  core = requireWithCodeCache<GuardCore>(join(__dirname, 'chunks', 'guard-core.cjs'), join(stateRoot(process.env), 'guard-code'), __GUARD_CORE_ID__, require);
} catch (error) {
  refuse(error);
}
if (core) {
  const loaded = core;
  loaded.exports.runGuard().then(
    () => loaded.saveCache(() => loaded.exports.warmUp()),
    refuse,
  );
}
