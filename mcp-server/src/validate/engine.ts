/**
 * The validator engine: collect files → parse each Markdown file ONCE and run the document rules (in a
 * worker pool when many files miss the content-hash cache) → run the project rules on the facts →
 * stamp, clamp, sort and count. A throwing rule becomes an `internal-rule-error` diagnostic; a path that
 * does not exist is a UsageError (exit 2). Everything else about the files is a diagnostic.
 *
 * Plan/apply: `collectFiles` is the plan (which files, which kind); `validatePaths` applies the rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { SHIPGATE_VERSION } from '../version.js';
import type { Diagnostic } from './diagnostic.js';
import type { ProjectRule, ProjectRuleContext } from './rule.js';
import { RULES, RULE_SET_ID } from './rules/index.js';
import { collectFiles } from './collect-files.js';
import { processFile, type FileResult } from './process-file.js';
import { makeDiagnostic, internalRuleError } from './make-diagnostic.js';
import type { Job, PoolStats } from './worker-pool.js';
import { readCores, workerCount } from './worker-count.js';
import { documentRules, severityFrom, type SeverityOverrides } from './rule-selection.js';
import type { DocumentFacts } from './facts.js';
import { compareText } from '../util/compare-text.js';

export interface ValidateOptions {
  strict?: boolean;
  cwd: string;
  /** Per-rule severity overrides (`off` disables a rule). */
  rules?: SeverityOverrides;
  /** Read and write the content-hash cache (default true; SHIPGATE_NO_CACHE=1 disables). */
  cache?: boolean;
  /** Use worker threads when at least this many Markdown files are to be checked (default DEFAULT_WORKER_THRESHOLD). */
  workerThreshold?: number;
}

export interface ValidationResult {
  diagnostics: Diagnostic[];
  filesChecked: number;
  errorCount: number;
  warningCount: number;
  /** Whether the result fails: errors, or warnings with strict. */
  failed: boolean;
  /** How the work was done (for benchmarks and debugging). */
  stats: { cacheHits: number; workers: boolean; workerJobs: number };
}

/**
 * Markdown files before a worker pool is worth its start-up cost. Most of a thread's time at 1,000 skills
 * is warming up: the main thread spends ~190 ms of CPU on its first 300 files and ~16 ms per 100 after
 * that, and a worker must boot (~90 ms) and warm up the same way in its own isolate. By the time a
 * worker is fast, one thread is nearly done: measured at 1,000 and 2,000 skills on 2 cores the pool
 * breaks even at best (the wall time less the main thread's wait for a CPU, per run, 0.92-1.11x of one
 * thread), and costs +0.4 s of CPU and +23 MiB. At 5,000 the warm-up is a small part and the pool gains.
 */
const DEFAULT_WORKER_THRESHOLD = 5_000;

export async function validatePaths(paths: string[], options: ValidateOptions): Promise<ValidationResult> {
  const overrides = options.rules ?? {};
  const collection = collectFiles(paths, options.cwd);
  const markdown = collection.files.filter((f) => f.type === 'markdown');
  const useCache = options.cache !== false && process.env.SHIPGATE_NO_CACHE !== '1';
  // Loaded only when used: the cache is what needs node:crypto, which a --no-cache run never compiles.
  const cache = useCache ? (await import('./cache.js')).ResultCache.open(options.cwd, `${SHIPGATE_VERSION}|${RULE_SET_ID}|${JSON.stringify(overrides)}`) : undefined;

  // Streaming: each file is read (synchronously: for small files one read is cheaper than a trip through
  // the thread pool), looked up in the cache and, on a miss, handed out as a job; only its result
  // (diagnostics + small facts) is kept, never its bytes or its parsed model.
  const results: (FileResult | undefined)[] = new Array(markdown.length);
  const keys: (string | undefined)[] = new Array(markdown.length);
  let cursor = 0;
  let misses = 0;
  const take = (): Job | undefined => {
    while (cursor < markdown.length) {
      const index = cursor++;
      const file = markdown[index]!;
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file.path);
      } catch {
        results[index] = { diagnostics: [makeDiagnostic(undefined, file.path, { id: 'file-unreadable', severity: 'error' }, { message: 'Unexpected unreadable file, expected a readable Markdown file (check its permissions).' })], facts: { path: file.path, kind: file.kind, pitfalls: [], links: [], references: [] } };
        continue;
      }
      const key = cache?.key(file.path, file.kind, bytes);
      const hit = key ? cache!.get(key) : undefined;
      if (hit) {
        results[index] = hit;
        continue;
      }
      keys[index] = key;
      misses += 1;
      return { index, path: file.path, kind: file.kind, bytes };
    }
    return undefined;
  };
  const done = (job: Job, result: FileResult): void => {
    results[job.index] = result;
    const key = keys[job.index];
    if (key) cache!.set(key, result);
  };

  // Workers only for large trees with an idle core, and only once a file misses the cache (a warm run
  // never starts one; a mostly warm one may start workers that find the queue already empty).
  const forced = process.env.SHIPGATE_WORKERS === 'always';
  const workers = markdown.length > 1 && (forced || markdown.length >= (options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD)) ? availableWorkers() : 0;
  const first = take();
  let pool: PoolStats | undefined;
  if (first !== undefined) {
    let pending: Job | undefined = first;
    const next = (): Job | undefined => {
      const job = pending ?? take();
      pending = undefined;
      return job;
    };
    if (workers > 0 && cursor < markdown.length) {
      const { processInWorkers } = await import('./worker-pool.js');
      pool = await processInWorkers(next, done, overrides, { size: workers });
    } else {
      const rules = documentRules(overrides);
      const severity = severityFrom(overrides);
      for (let job = next(); job; job = next()) done(job, processFile(job.path, job.kind, job.bytes, rules, severity));
    }
  }

  const diagnostics: Diagnostic[] = [];
  const facts: DocumentFacts[] = [];
  for (const result of results) {
    if (!result) continue;
    for (const d of result.diagnostics) diagnostics.push(d);
    facts.push(result.facts);
  }
  for (const d of await runProjectRules(collection.root, collection.files, facts, overrides)) diagnostics.push(d);
  await cache?.save();

  for (const d of diagnostics) d.file = displayPath(options.cwd, d.file);
  diagnostics.sort((a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.ruleId, b.ruleId));
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = diagnostics.filter((d) => d.severity === 'warning').length;
  return {
    diagnostics,
    filesChecked: collection.files.length,
    errorCount,
    warningCount,
    failed: errorCount > 0 || (options.strict === true && warningCount > 0),
    stats: { cacheHits: markdown.length - misses, workers: pool !== undefined, workerJobs: pool?.workerJobs ?? 0 },
  };
}

/**
 * Worker threads for this run (0: none), see worker-count.ts. Only the built bundle (.js) can start
 * them: from TypeScript sources a worker has no loader for its entry.
 */
function availableWorkers(): number {
  return import.meta.url.endsWith('.js') ? workerCount(readCores()) : 0;
}

/** Paths relative to cwd with `/` separators when inside it (stable in JSON, SARIF and CI logs). */
function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

async function runProjectRules(root: string | null, files: ProjectRuleContext['files'], facts: DocumentFacts[], overrides: SeverityOverrides): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const severity = severityFrom(overrides);
  const texts = new Map<string, string | undefined>();
  const readText = (path: string) => {
    if (!texts.has(path)) {
      try {
        texts.set(path, readFileSync(path, 'utf8'));
      } catch {
        texts.set(path, undefined);
      }
    }
    return texts.get(path);
  };
  const existsMemo = new Map<string, boolean>();
  const exists = (path: string) => {
    let known = existsMemo.get(path);
    if (known === undefined) existsMemo.set(path, (known = existsSync(path)));
    return known;
  };
  for (const rule of RULES) {
    if (rule.meta.scope !== 'project' || overrides[rule.meta.id] === 'off') continue;
    const projectRule = rule as ProjectRule;
    const ruleSeverity = severity(projectRule.meta);
    try {
      await projectRule.check({
        root,
        files,
        facts,
        exists,
        readText,
        report: (file, report) => diagnostics.push(makeDiagnostic(readText(file), file, { id: projectRule.meta.id, severity: ruleSeverity }, report)),
      });
    } catch (error) {
      diagnostics.push(internalRuleError(root ?? files[0]?.path ?? '.', projectRule.meta.id, error));
    }
  }
  return diagnostics;
}
