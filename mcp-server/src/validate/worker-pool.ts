/**
 * Use both cores: when many files miss the cache, parsing and the document rules run in a small pool
 * of worker threads (one per extra core, at most 3) AND on the main thread, all pulling batches from
 * one queue, so the main thread works while the workers are still starting. The same module is the worker's entry:
 * it re-imports itself with `workerData.role` set and then serves batches. Only the built bundle (.js)
 * can start workers; from TypeScript sources (tests) `canUseWorkers()` is false and the engine stays
 * in-process, which gives the same results.
 */
import { availableParallelism, loadavg } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DocumentKind } from '../skill/model.js';
import type { RuleMeta } from './rule.js';
import type { DocumentRule } from './rule.js';
import { processFile, type FileResult } from './process-file.js';
import { RULES } from './rules/index.js';

const ROLE = 'shipgate-validate-worker';
const BATCH = 40;

export interface Job {
  path: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

export type SeverityOverrides = Record<string, 'error' | 'warning' | 'off'>;

export function documentRules(overrides: SeverityOverrides): DocumentRule[] {
  return RULES.filter((r): r is DocumentRule => r.meta.scope === 'document' && overrides[r.meta.id] !== 'off');
}

export function severityFrom(overrides: SeverityOverrides): (meta: RuleMeta) => RuleMeta['severity'] {
  return (meta) => {
    const chosen = overrides[meta.id];
    return chosen === 'error' || chosen === 'warning' ? chosen : meta.severity;
  };
}

/**
 * Workers pay off only with a spare core: on a machine already saturated (load average at or above the
 * core count) they add start-up cost and contention. SHIPGATE_WORKERS=always|never overrides.
 */
export function canUseWorkers(): boolean {
  const setting = process.env.SHIPGATE_WORKERS ?? (process.env.SHIPGATE_NO_WORKERS === '1' ? 'never' : 'auto');
  if (setting === 'never' || !import.meta.url.endsWith('.js')) return false;
  if (setting === 'always') return true;
  return availableParallelism() > 1 && loadavg()[0]! < availableParallelism();
}

export async function processInWorkers(jobs: Job[], overrides: SeverityOverrides): Promise<FileResult[]> {
  const size = Math.max(1, Math.min(3, availableParallelism() - 1, Math.ceil(jobs.length / BATCH) - 1));
  const results: FileResult[] = new Array(jobs.length);
  let next = 0;
  const workers: Worker[] = [];
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  const local = async () => {
    while (next < jobs.length) {
      const start = next;
      const batch = jobs.slice(start, start + BATCH);
      next += batch.length;
      batch.forEach((job, i) => { results[start + i] = processFile(job.path, job.kind, job.bytes, rules, severity); });
      // Let worker messages in between batches.
      await new Promise<void>((resolveTick) => setImmediate(resolveTick));
    }
  };
  try {
    await Promise.all([
      local(),
      ...Array.from({ length: size }, () =>
        new Promise<void>((resolvePromise, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, overrides } });
          workers.push(worker);
          let batchStart = 0;
          let done = false;
          const send = () => {
            if (next >= jobs.length) {
              done = true;
              void worker.terminate();
              resolvePromise();
              return;
            }
            batchStart = next;
            const batch = jobs.slice(next, next + BATCH);
            next += batch.length;
            worker.postMessage(batch);
          };
          worker.on('message', (batchResults: FileResult[]) => {
            batchResults.forEach((r, i) => { results[batchStart + i] = r; });
            send();
          });
          worker.once('error', reject);
          worker.once('exit', (code) => { if (!done) reject(new Error(`validator worker exited early with code ${code}`)); });
          send();
        }),
      ),
    ]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

function serve(): void {
  const overrides = (workerData as { overrides: SeverityOverrides }).overrides ?? {};
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  parentPort!.on('message', (batch: Job[]) => {
    parentPort!.postMessage(batch.map((job) => processFile(job.path, job.kind, job.bytes, rules, severity)));
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve();
