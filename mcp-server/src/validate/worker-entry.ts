/**
 * A validate worker thread: serves batches of jobs (paths) from the pool (worker-pool.ts), running each
 * exactly as the main thread does (run-job.ts). Built on its own as CommonJS (scripts/build.mjs:
 * dist/chunks/validate-worker.cjs), so a worker starts without Node's ES module loader and evaluates
 * only the parser and the rules; the modules project rules load lazily (the configuration schema, zod)
 * are left out of the file altogether, since project rules never run here.
 *
 * Protocol: the first message carries `setup` (the cache's salt and the keys it holds); every message
 * carries `jobs`, answered with one Answer per job, in order. workerData.progress (shared memory) counts
 * the jobs done, for the pool to read without a message.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { documentRules, severityFrom, type SeverityOverrides } from './rule-selection.js';
import { cacheKey } from './cache-key.js';
import { runJob, type Answer, type Job, type JobContext } from './run-job.js';

export interface WorkerSetup {
  /** The cache's salt; absent when the cache is off. */
  salt?: string;
  /** Keys the cache holds: a job whose key is here is answered with the key alone. */
  cached: readonly string[];
}

export interface WorkerMessage {
  setup?: WorkerSetup;
  jobs: Job[];
}

/** Serves the pool on `port` (the worker's parentPort); exported so tests can run it in-process too. */
export function serve(port: NonNullable<typeof parentPort>, overrides: SeverityOverrides, progress?: Int32Array): void {
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  let context: JobContext = { rules, severity };
  port.on('message', (message: WorkerMessage) => {
    if (message.setup) {
      const cached = new Set(message.setup.cached);
      const salt = message.setup.salt;
      context = salt === undefined ? { rules, severity } : { rules, severity, keyOf: (path, kind, bytes) => cacheKey(salt, path, kind, bytes), cached: (key) => cached.has(key) };
    }
    const answers: Answer[] = message.jobs.map((job) => {
      const answer = runJob(job, context);
      // Read by the pool while its thread is too busy for messages (walking the tree), to send more in time.
      if (progress) Atomics.add(progress, 0, 1);
      return answer;
    });
    port.postMessage(answers);
  });
}

/** Marks the pool's workers, so importing this module anywhere else (a test runner's own thread) serves nothing. */
export const WORKER_ROLE = 'shipgate-validate-worker';

const data = workerData as { role?: string; overrides?: SeverityOverrides; progress?: Int32Array } | null;
if (parentPort && data?.role === WORKER_ROLE) serve(parentPort, data.overrides ?? {}, data.progress);
