/**
 * The PreToolUse guard's code, built alone as CommonJS to mcp-server/dist/chunks/guard-core.cjs and
 * loaded by the process entry (guard-entry.ts → dist/guard-hook.cjs) through a V8 code cache. Nothing
 * runs at load: the entry calls `runGuard` (read the hook JSON from stdin, decide, print the decision)
 * and, in the one process that writes the code cache, `warmUp` first.
 *
 * It runs before every Bash/Write/Edit call, so start-up is what matters: CommonJS (Node then never
 * initialises its ES module loader), stdin and stdout through plain file-descriptor calls
 * (`process.stdin` would load the whole streams stack), and the YAML parser in a separate file
 * required only when the config changed.
 */
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { guardHook, guardFailure, type HookResult, type YamlParse } from './guard-hook-main.js';
import { warmUpClassifier } from '../gates/guard/warm-up.js';

declare const __dirname: string;

/** Loads dist/chunks/guard-yaml.cjs next to this file (a runtime path, so esbuild leaves it out). */
async function loadYaml(): Promise<YamlParse> {
  const file = join(__dirname, 'guard-yaml.cjs');
  return (require(file) as { parse: YamlParse }).parse;
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

function write(result: HookResult): void {
  if (result.stdout) writeSync(1, result.stdout);
  process.exitCode = result.exitCode;
}

/** One hook call: the decision is on stdout (and the exit code set) when the promise settles. */
export function runGuard(): Promise<void> {
  return readStdin()
    .then((input) => guardHook(input, process.env, loadYaml))
    .then(write, (error: unknown) => write(guardFailure(error)));
}

/** Compiles the classifier's usual paths (gates/guard/warm-up.ts); decides nothing, prints nothing. */
export function warmUp(): void {
  warmUpClassifier();
}
