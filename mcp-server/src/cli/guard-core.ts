/**
 * The PreToolUse guard's code, built alone as CommonJS to mcp-server/dist/chunks/guard-core.cjs and
 * loaded by the process entry (guard-entry.ts → dist/guard-hook.cjs) through a V8 code cache for every
 * Bash call. Nothing runs at load: the entry reads stdin and calls `runGuard` with it (decide, print the
 * decision) and, in the one process that writes the code cache, `warmUp` after.
 *
 * It runs before every Bash call, so start-up is what matters: CommonJS (Node then never initialises its
 * ES module loader), stdout through a plain file-descriptor call, and the YAML parser in a separate file
 * required only when the config changed.
 */
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { guardHook, guardFailure, type HookResult, type YamlParse } from './guard-hook-main.js';
import { warmUpClassifier } from '../gates/guard/warm-up.js';

declare const __dirname: string;

/** Loads dist/chunks/guard-yaml.cjs next to this file (a runtime path, so esbuild leaves it out). */
async function loadYaml(): Promise<YamlParse> {
  const file = join(__dirname, 'guard-yaml.cjs');
  return (require(file) as { parse: YamlParse }).parse;
}

function write(result: HookResult): void {
  if (result.stdout) writeSync(1, result.stdout);
  process.exitCode = result.exitCode;
}

/** One hook call on the input the entry read: the decision is on stdout (and the exit code set) when the promise settles. */
export function runGuard(stdinText: string): Promise<void> {
  return guardHook(stdinText, process.env, loadYaml).then(write, (error: unknown) => write(guardFailure(error)));
}

/** Compiles the classifier's usual paths (gates/guard/warm-up.ts); decides nothing, prints nothing. */
export function warmUp(): void {
  warmUpClassifier();
}
