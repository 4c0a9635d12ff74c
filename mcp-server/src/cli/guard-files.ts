/**
 * The guard for the file tools (Write, Edit, MultiEdit, NotebookEdit), built alone as CommonJS to
 * mcp-server/dist/chunks/guard-files.cjs: the process entry (guard-entry.ts) requires it instead of
 * the classifier when the input names a file tool, so the most frequent guarded calls read a few
 * kilobytes, not the shell classifier and its code cache. The decision is guard-input.ts's, the same
 * one the classifier's path (guard-hook-main.ts) makes.
 */
import { fsLookup } from '../gates/guard/fs-lookup.js';
import { fileToolDecision, guardFailure, readHookInput, type HookResult } from './guard-input.js';

/** The decision for a file tool's input; undefined for any other input (the classifier's to answer). */
export function decideFileTool(stdinText: string, env: Readonly<Record<string, string | undefined>>): HookResult | undefined {
  try {
    const input = readHookInput(stdinText);
    return input.kind === 'file' ? fileToolDecision(input, env, fsLookup()) : undefined;
  } catch (error) {
    return guardFailure(error);
  }
}
