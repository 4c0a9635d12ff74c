/**
 * The validator engine: collect files → parse each Markdown file ONCE and run the document rules (in a
 * worker pool when many files miss the content-hash cache) → run the project rules on the facts →
 * stamp, clamp, sort and count. A throwing rule becomes an `internal-rule-error` diagnostic; a path that
 * does not exist is a UsageError (exit 2). Everything else about the files is a diagnostic.
 *
 * Plan/apply: `collectFiles` is the plan (which files, which kind); `validatePaths` applies the rules.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { SHIPGATE_VERSION } from '../version.js';
import type { Diagnostic } from './diagnostic.js';
import type { ProjectRule, ProjectRuleContext } from './rule.js';
import { RULES, RULE_SET_ID } from './rules/index.js';
import { collectFiles } from './collect-files.js';
import { processFile, type FileResult } from './process-file.js';
import { makeDiagnostic, internalRuleError } from './make-diagnostic.js';
import { ResultCache } from './cache.js';
import { canUseWorkers, documentRules, processInWorkers, severityFrom, type Job, type SeverityOverrides } from './worker-pool.js';
import type { DocumentFacts } from './facts.js';

export interface ValidateOptions {
  strict?: boolean;
  cwd: string;
  /** Per-rule severity overrides (`off` disables a rule). */
  rules?: SeverityOverrides;
  /** Read and write the content-hash cache (default true; SHIPGATE_NO_CACHE=1 disables). */
  cache?: boolean;
  /** Use worker threads when at least this many files miss the cache (default 200). */
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
  stats: { cacheHits: number; workers: boolean };
}

/** Files to parse before a worker pool is worth its start-up cost. */
const DEFAULT_WORKER_THRESHOLD = 5_000;

export async function validatePaths(paths: string[], options: ValidateOptions): Promise<ValidationResult> {
  const overrides = options.rules ?? {};
  const collection = collectFiles(paths, options.cwd);
  const markdown = collection.files.filter((f) => f.type === 'markdown');
  const useCache = options.cache !== false && process.env.SHIPGATE_NO_CACHE !== '1';
  const cache = useCache ? ResultCache.open(options.cwd, `${SHIPGATE_VERSION}|${RULE_SET_ID}|${JSON.stringify(overrides)}`) : undefined;

  const results: (FileResult | undefined)[] = new Array(markdown.length);
  const misses: { index: number; key?: string; job: Job }[] = [];
  const bytesList = await Promise.all(markdown.map((f) => readFile(f.path).catch(() => undefined)));
  markdown.forEach((file, index) => {
    const bytes = bytesList[index];
    if (bytes === undefined) {
      results[index] = { diagnostics: [makeDiagnostic(undefined, file.path, { id: 'file-unreadable', severity: 'error' }, { message: 'Unexpected unreadable file, expected a readable Markdown file (check its permissions).' })], facts: { path: file.path, kind: file.kind, pitfalls: [], links: [], references: [] } };
      return;
    }
    const key = cache?.key(file.path, file.kind, bytes);
    const hit = key ? cache!.get(key) : undefined;
    if (hit) results[index] = hit;
    else misses.push({ index, ...(key ? { key } : {}), job: { path: file.path, kind: file.kind, bytes } });
  });

  // Measured on 2 cores (bench/validate-corpus.mjs): at 1,000 skills a worker pool costs more in
  // start-up and message passing (2.3 s) than it saves (0.9 s in one thread), so it only pays off
  // on far larger trees.
  const forced = process.env.SHIPGATE_WORKERS === 'always';
  const useWorkers = misses.length > 1 && (forced || misses.length >= (options.workerThreshold ?? DEFAULT_WORKER_THRESHOLD)) && canUseWorkers();
  let computed: FileResult[];
  const inProcess = () => {
    const rules = documentRules(overrides);
    const severity = severityFrom(overrides);
    return misses.map((m) => processFile(m.job.path, m.job.kind, m.job.bytes, rules, severity));
  };
  if (useWorkers) {
    // A worker that cannot start (resource limits, unusual loaders) only costs speed.
    computed = await processInWorkers(misses.map((m) => m.job), overrides).catch(inProcess);
  } else {
    computed = inProcess();
  }
  misses.forEach((miss, i) => {
    results[miss.index] = computed[i]!;
    if (miss.key) cache!.set(miss.key, computed[i]!);
  });

  const diagnostics: Diagnostic[] = [];
  const facts: DocumentFacts[] = [];
  for (const result of results) {
    if (!result) continue;
    diagnostics.push(...result.diagnostics);
    facts.push(result.facts);
  }
  diagnostics.push(...runProjectRules(collection.root, collection.files, facts, overrides));
  await cache?.save();

  for (const d of diagnostics) d.file = displayPath(options.cwd, d.file);
  diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  const warningCount = diagnostics.filter((d) => d.severity === 'warning').length;
  return {
    diagnostics,
    filesChecked: collection.files.length,
    errorCount,
    warningCount,
    failed: errorCount > 0 || (options.strict === true && warningCount > 0),
    stats: { cacheHits: markdown.length - misses.length, workers: useWorkers },
  };
}

/** Paths relative to cwd with `/` separators when inside it (stable in JSON, SARIF and CI logs). */
function displayPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : file;
}

function runProjectRules(root: string | null, files: ProjectRuleContext['files'], facts: DocumentFacts[], overrides: SeverityOverrides): Diagnostic[] {
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
      projectRule.check({
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
