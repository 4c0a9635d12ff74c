/**
 * Use both cores: when many files miss the cache, parsing and the document rules run in a small pool
 * of worker threads (one per extra core, at most 3) AND on the main thread, all pulling batches from
 * one queue, so the main thread works while the workers are still starting. The same module is the worker's entry:
 * it re-imports itself with `workerData.role` set and then serves batches. The engine loads it with
 * import() only when it wants workers, so in the bundle it is its own chunk and a worker compiles the
 * parser and the rules, not the engine, the file walk or the formatters. Only the built bundle (.js)
 * can start workers; from TypeScript sources (tests) `canUseWorkers()` is false and the engine stays
 * in-process, which gives the same results.
 */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DocumentKind } from '../skill/model.js';
import { processFile, type FileResult } from './process-file.js';
import { documentRules, severityFrom, type SeverityOverrides } from './rule-selection.js';

const ROLE = 'shipgate-validate-worker';
const BATCH = 40;
const READY = 'ready';

export interface Job {
  /** Position in the engine's file list; results are stored there. */
  index: number;
  path: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

/**
 * Pulls jobs from `take` until it runs dry: the main thread processes batches itself while the workers
 * start, then keeps pulling alongside them. Results go to `done` as they arrive, so nothing holds every
 * file at once. A worker that fails (cannot start, dies) hands its unfinished batch back to the main
 * thread: a broken pool only costs speed, never a file.
 */
export async function processInWorkers(take: () => Job | undefined, done: (job: Job, result: FileResult) => void, overrides: SeverityOverrides): Promise<void> {
  const size = Math.max(1, Math.min(3, availableParallelism() - 1));
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  const returned: Job[] = [];
  const batch = (): Job[] => {
    const jobs = returned.splice(0, BATCH);
    while (jobs.length < BATCH) {
      const job = take();
      if (!job) break;
      jobs.push(job);
    }
    return jobs;
  };
  const runLocal = (jobs: Job[]) => { for (const job of jobs) done(job, processFile(job.path, job.kind, job.bytes, rules, severity)); };
  const local = async () => {
    for (let jobs = batch(); jobs.length > 0; jobs = batch()) {
      runLocal(jobs);
      // Let worker messages in between batches.
      await new Promise<void>((resolveTick) => setImmediate(resolveTick));
    }
  };
  const workers: Worker[] = [];
  const remote = () =>
    new Promise<void>((resolvePromise) => {
      let worker: Worker;
      try {
        worker = new Worker(new URL(import.meta.url), { workerData: { role: ROLE, overrides } });
      } catch {
        resolvePromise();
        return;
      }
      workers.push(worker);
      let inFlight: Job[] = [];
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        returned.push(...inFlight);
        inFlight = [];
        void worker.terminate();
        resolvePromise();
      };
      const send = () => {
        inFlight = batch();
        if (inFlight.length === 0) return finish();
        worker.postMessage(inFlight);
      };
      // The first message is READY (the worker has loaded the rules); each later one answers a batch.
      worker.on('message', (message: FileResult[] | typeof READY) => {
        if (message !== READY) inFlight.forEach((job, i) => done(job, message[i]!));
        inFlight = [];
        send();
      });
      worker.once('error', finish);
      worker.once('exit', finish);
    });
  try {
    await Promise.all([local(), ...Array.from({ length: size }, remote)]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // Batches handed back by a worker that failed after the main thread ran dry.
  runLocal(returned.splice(0));
}

function serve(): void {
  const overrides = (workerData as { overrides: SeverityOverrides }).overrides ?? {};
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  parentPort!.on('message', (batch: Job[]) => {
    parentPort!.postMessage(batch.map((job) => processFile(job.path, job.kind, job.bytes, rules, severity)));
  });
  parentPort!.postMessage(READY);
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serve();
