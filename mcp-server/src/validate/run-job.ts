/**
 * One job of a validation, as the main thread and every worker thread run it: read the file, look its
 * content hash up in the cache (when the cache is on), and on a miss parse it and run the document
 * rules. The same function on both sides is what keeps a pooled run byte-identical to one thread, and
 * lets a worker do its own I/O, so the main thread only walks and dispatches.
 */
import { readFileSync } from 'node:fs';
import type { DocumentKind } from '../skill/model.js';
import type { DocumentRule, RuleMeta } from './rule.js';
import { processFile, type FileResult } from './process-file.js';
import { makeDiagnostic } from './make-diagnostic.js';

export interface Job {
  /** Position in the engine's file list; results are stored there. */
  index: number;
  path: string;
  kind: DocumentKind;
}

/**
 * A job's outcome. `result` absent: the cache holds the file's result under `key` (the main thread takes
 * it from there, so a hit never crosses a thread boundary). `key` absent: the cache is off or the file
 * was unreadable.
 */
export interface Answer {
  key?: string;
  result?: FileResult;
}

export interface JobContext {
  rules: readonly DocumentRule[];
  severity: (meta: RuleMeta) => RuleMeta['severity'];
  /** The file's content-hash cache key (cache-key.ts); undefined when the cache is off. */
  keyOf?: (path: string, kind: DocumentKind, bytes: Uint8Array) => string;
  /** Whether the cache holds a key (main thread: the cache itself; a worker: the keys it was sent). */
  cached?: (key: string) => boolean;
}

export function runJob(job: Job, context: JobContext): Answer {
  let bytes: Uint8Array;
  try {
    // Synchronous: for small files one read is cheaper than a trip through libuv's thread pool.
    bytes = readFileSync(job.path);
  } catch {
    return { result: unreadable(job.path, job.kind) };
  }
  const key = context.keyOf?.(job.path, job.kind, bytes);
  if (key !== undefined && context.cached?.(key)) return { key };
  const result = processFile(job.path, job.kind, bytes, context.rules, context.severity);
  return key === undefined ? { result } : { key, result };
}

/** What one thread has always reported for a file it cannot read (a folder named SKILL.md, no permission). */
export function unreadable(path: string, kind: DocumentKind): FileResult {
  return {
    diagnostics: [makeDiagnostic(undefined, path, { id: 'file-unreadable', severity: 'error' }, { message: 'Unexpected unreadable file, expected a readable Markdown file (check its permissions).' })],
    facts: { path, kind, pitfalls: [], links: [], references: [] },
  };
}
