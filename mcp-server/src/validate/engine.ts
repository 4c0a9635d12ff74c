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
import type { FileResult } from './process-file.js';
import { makeDiagnostic, internalRuleError } from './make-diagnostic.js';
import { startPool, type Pool, type PoolStats } from './worker-pool.js';
import { runJob, type Answer, type Job, type JobContext } from './run-job.js';
import { readCores, workerCount, workerSetting } from './worker-count.js';
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
  stats: { cacheHits: number; workers: boolean; workerJobs: number; tookOver: number };
}

/**
 * Markdown files before a worker pool is worth its cost. One thread already keeps ~1.4 of 2 cores busy
 * (V8 compiles optimised code and collects garbage on threads of its own), and a worker adds CPU of its
 * own: it boots (~95 ms) and warms up its own isolate, whose optimising compiles now compete with two
 * busy threads for 2 cores (V8's helper threads used 0.53 s of CPU at 5,000 skills for one thread,
 * 1.06 s with the pool). Measured on 2 cores (farm-bench, pool forced vs one thread, interleaved, Dec 6,
 * load 1-2.5): the pool adds 0.5 s of CPU at 1,000 and 2,000 skills, ~1.1 s at 5,000 and 10,000, and
 * its wall time is 1.32-1.34x of one thread at 1,000, 1.24x at 2,000, 1.19-1.22x at 5,000, 1.01-1.02x
 * at 7,500, 0.87-0.99x at 10,000 (0.99x on an otherwise idle machine) and 0.83x at 20,000
 * (bench/validate-corpus.mjs prints the same "CPU headroom" arithmetic: (one thread's CPU + the pool's
 * extra) / 2 cores falls below one thread's wall only past 5,000). Break-even is ~7,500-10,000 files,
 * so 10,000. Whatever the size, worker-count.ts starts no worker unless a core is idle.
 */
const DEFAULT_WORKER_THRESHOLD = 10_000;

export async function validatePaths(paths: string[], options: ValidateOptions): Promise<ValidationResult> {
  const overrides = options.rules ?? {};
  const useCache = options.cache !== false && process.env.SHIPGATE_NO_CACHE !== '1';
  // Loaded only when used: the cache is what needs node:crypto, which a --no-cache run never compiles.
  // Opened before the walk: workers that start during it need its salt and keys.
  const cache = useCache ? (await import('./cache.js')).ResultCache.open(options.cwd, `${SHIPGATE_VERSION}|${RULE_SET_ID}|${JSON.stringify(overrides)}`) : undefined;
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  const uncached: JobContext = cache ? { rules, severity, keyOf: (path, kind, bytes) => cache.key(path, kind, bytes) } : { rules, severity };
  const local: JobContext = cache ? { ...uncached, cached: (key) => cache.has(key) } : uncached;

  // Streaming: each job is a path; whoever runs it (this thread or a worker) reads the file, looks it up
  // in the cache and on a miss checks it. Only its result (diagnostics + small facts) is kept, never its
  // bytes or its parsed model.
  const jobs: Job[] = [];
  const results: (FileResult | undefined)[] = [];
  let cursor = 0;
  let hits = 0;
  const take = (): Job | undefined => (cursor < jobs.length ? jobs[cursor++] : undefined);
  const done = (job: Job, given: Answer): void => {
    let answer = given;
    if (!answer.result) {
      const hit = answer.key === undefined ? undefined : cache?.get(answer.key);
      if (hit) {
        hits += 1;
        results[job.index] = hit;
        return;
      }
      // A key the cache does not hold (never from our own code): check the file after all.
      answer = runJob(job, uncached);
    }
    results[job.index] = answer.result;
    if (answer.key !== undefined && answer.result) cache?.set(answer.key, answer.result);
  };

  // Workers start as early as it is known they will be wanted, so their ~95 ms start overlaps the walk,
  // and they are handed files as the walk finds them: before the walk when the setting forces them, else
  // the moment the walk has found enough Markdown files (a small tree never pays for a worker, nor for
  // reading the load). A warm cache does not keep them off: a worker reads and hashes its files too, and
  // answers a hit with its key alone (10,000 skills, warm cache, pool forced: 0.75x of one thread).
  const workers: { pool?: Pool } = {};
  const startWorkers = () => {
    const size = availableWorkers();
    if (size === 0) return;
    workers.pool = startPool(overrides, { size });
    workers.pool.begin(take, done, local, { ...(cache ? { salt: cache.keySalt } : {}), cached: cache?.keys() ?? [] });
  };
  const setting = workerSetting();
  const threshold = Math.max(2, options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD);
  try {
    if (setting === 'always') startWorkers();
    const collection = collectFiles(paths, options.cwd, (file, index) => {
      jobs.push({ index, path: file.path, kind: file.kind });
      if (workers.pool) workers.pool.feed();
      else if (setting === 'auto' && index + 1 === threshold) startWorkers();
    });

    let stats: PoolStats | undefined;
    if (workers.pool) {
      // Started, so it may hold jobs already: it finishes them (with this thread's help) whatever their number.
      stats = await workers.pool.finish();
    } else {
      for (let job = take(); job; job = take()) done(job, runJob(job, local));
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
      stats: { cacheHits: hits, workers: stats !== undefined, workerJobs: stats?.workerJobs ?? 0, tookOver: stats?.tookOver ?? 0 },
    };
  } finally {
    // A pool started for a tree that turned out to need none, or a walk that threw: stop its workers.
    workers.pool?.close();
  }
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
