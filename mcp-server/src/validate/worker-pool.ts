/**
 * Use a free core: when many files are to be checked, jobs (a path and its kind) run on the main thread
 * AND in worker threads, all pulling from one queue. A worker does the whole job itself (run-job.ts:
 * read, content hash, parse, document rules), so the main thread only walks, dispatches and does jobs
 * of its own: at 10,000 skills reading every file on the main thread made it the pool's bottleneck.
 * Measured on 2 cores (bench/validate-corpus.mjs): the dedicated CommonJS worker (worker-entry.ts)
 * answers its first batch ~95 ms after it is spawned, and its isolate runs the parser cold, as the
 * main thread's does. So the pool is built so that a cold, slow or stuck worker can never make a run
 * wait for it:
 * - workers are started before or during the file walk (startPool), and are sent files as the walk
 *   finds them (begin, feed), in full batches; messages queue until the worker is up;
 * - a worker's batches start small and double as it gets on, up to MAX_BATCH; it holds two, so the
 *   next is already there when it finishes one, and while the main thread is too busy to read answers
 *   (walking), a shared counter the worker bumps per file tells it when to send more;
 * - when the queue runs dry, the main thread does the jobs workers still hold itself, last first; the
 *   first answer for a job is kept and a later one dropped;
 * - workers are told to stop and not waited for.
 * A worker that cannot start or dies hands its jobs back: a broken pool costs speed, never a file.
 * Only the built bundle can start the real worker (dist/chunks/validate-worker.cjs); from TypeScript
 * sources the engine starts none, and tests pass their own entry.
 */
import { createRequire } from 'node:module';
import type { Worker } from 'node:worker_threads';
import type { SeverityOverrides } from './rule-selection.js';
import { runJob, type Answer, type Job, type JobContext } from './run-job.js';
import type { WorkerMessage, WorkerSetup } from './worker-entry.js';

/** worker-entry.ts's WORKER_ROLE (not imported: that module is the worker's, not the pool's). */
const WORKER_ROLE = 'shipgate-validate-worker';

export type { Job } from './run-job.js';

/**
 * node:worker_threads is required only when a pool starts: loading it costs a process ~3 ms, which a
 * small validation (the common case, and every MCP `validate_skills` call) should not pay. Synchronous,
 * because the engine starts its pool in the middle of its (synchronous) file walk.
 */
const loadBuiltin = createRequire(import.meta.url);

/** A cold worker's first batches: small, so a slow start holds few jobs. */
const FIRST_BATCH = 8;
/** Large enough that messages cost little, small enough for an even finish (jobs are paths now, not bytes). */
const MAX_BATCH = 64;
/** Batches a worker holds: one it works on, one waiting, so it never idles while the main thread is busy. */
const HELD_BATCHES = 2;
/** Jobs the main thread does between looks at the workers' answers. */
const LOCAL_STRETCH = 8;

export interface PoolOptions {
  /** Worker threads to start, at least 1. */
  size: number;
  /** The workers' module (default: the bundle's validate-worker.cjs). Tests pass workers that stall, die or answer late. */
  entry?: URL;
}

export interface PoolStats {
  /** Jobs whose answer came from a worker. */
  workerJobs: number;
  /** Jobs a worker held when the queue ran dry and the main thread did itself. */
  tookOver: number;
}

export interface Pool {
  /**
   * Starts handing out jobs: workers are sent what `take` has now, and `feed` sends more as the caller
   * finds them (the engine calls it from inside its synchronous file walk: a message to a worker is
   * delivered at once, whatever this thread is doing). `local` is how the main thread runs a job;
   * `setup` goes to each worker with its first batch. Once.
   */
  begin(take: () => Job | undefined, done: (job: Job, answer: Answer) => void, local: JobContext, setup: WorkerSetup): void;
  /** Sends workers what `take` has, as far as they have room (see feed below). */
  feed(): void;
  /**
   * Once `take` has every job: the main thread does jobs too until every job has an answer; answers go
   * to `done` exactly once per job, as they arrive, so nothing holds every file at once. Resolves
   * without waiting for the workers to stop.
   */
  finish(): Promise<PoolStats>;
  /** begin + finish, for a `take` that already has every job. */
  run(take: () => Job | undefined, done: (job: Job, answer: Answer) => void, local: JobContext, setup: WorkerSetup): Promise<PoolStats>;
  /** Stops the workers without waiting for them (also what finish does when it ends). */
  close(): void;
}

/** A running worker and the batches it holds, oldest first (it answers them in order). */
interface Hand {
  worker: Worker;
  held: Job[][];
  batch: number;
  alive: boolean;
  setupSent: boolean;
  /** Jobs posted to the worker so far. */
  sent: number;
  /** [0]: jobs the worker has finished, written by the worker as it goes (a worker that does not stays at 0). */
  progress: Int32Array;
}

/** Where the bundle's worker lives: next to the chunk this code is in (dist/chunks/), or under chunks/ from dist/. */
export function bundledWorkerEntry(here: string = import.meta.url): URL {
  return new URL(/\/chunks\/[^/]*$/.test(here) ? './validate-worker.cjs' : './chunks/validate-worker.cjs', here);
}

/**
 * Spawns the workers now, before there is any job for them: a worker's ~95 ms start then overlaps the
 * main thread's own work (loading, walking the tree). A worker that fails before the run is simply
 * not used.
 */
export function startPool(overrides: SeverityOverrides, options: PoolOptions): Pool {
  const { Worker: WorkerThread } = loadBuiltin('node:worker_threads') as typeof import('node:worker_threads');
  const hands: Hand[] = [];
  /** Set by begin: what an answer or a failure does while the run is on. */
  let onAnswer: ((hand: Hand, answer: unknown) => void) | undefined;
  let onFail: ((hand: Hand) => void) | undefined;
  const fail = (hand: Hand) => {
    if (!hand.alive) return;
    hand.alive = false;
    onFail?.(hand);
    hand.held = [];
    void hand.worker.terminate().catch(() => undefined);
  };
  for (let i = 0; i < Math.max(1, options.size); i += 1) {
    let worker: Worker;
    const progress = new Int32Array(new SharedArrayBuffer(4));
    try {
      worker = new WorkerThread(options.entry ?? bundledWorkerEntry(), { workerData: { role: WORKER_ROLE, overrides, progress } });
    } catch {
      continue;
    }
    const hand: Hand = { worker, held: [], batch: FIRST_BATCH, alive: true, setupSent: false, sent: 0, progress };
    hands.push(hand);
    // Our worker answers only batches it was sent: an answer before the run means it is broken.
    worker.on('message', (answer: unknown) => (onAnswer ? onAnswer(hand, answer) : fail(hand)));
    worker.once('error', () => fail(hand));
    worker.once('exit', () => fail(hand));
  }
  const close = () => {
    onAnswer = undefined;
    onFail = undefined;
    for (const hand of hands) {
      hand.alive = false;
      hand.worker.unref();
      void hand.worker.terminate().catch(() => undefined);
    }
  };

  const stats: PoolStats = { workerJobs: 0, tookOver: 0 };
  // Jobs the main thread did while a worker still held them: only ever the tail, a few batches, so the
  // set stays small and a worker's answer or hand-back for them is dropped.
  const tookOver = new Set<Job>();
  const returned: Job[] = [];
  let run: { take: () => Job | undefined; done: (job: Job, answer: Answer) => void; local: JobContext; setup: WorkerSetup } | undefined;
  const next = (): Job | undefined => returned.pop() ?? run?.take();

  /** Whether `take` has every job (finish): until then a batch goes out only when it is full. */
  let complete = false;
  /**
   * A worker gets a batch while it holds fewer than HELD_BATCHES, or, while this thread is too busy to
   * read its answers (walking the tree), once its own progress counter says it has less than a batch
   * left: it never idles for want of work this thread could not hand over.
   */
  const feedHand = (hand: Hand) => {
    while (hand.alive && run) {
      const nearlyDone = hand.sent - Atomics.load(hand.progress, 0) < hand.batch;
      if (hand.held.length >= HELD_BATCHES && !nearlyDone) return;
      const jobs: Job[] = [];
      while (jobs.length < hand.batch) {
        const job = next();
        if (!job) break;
        jobs.push(job);
      }
      if (jobs.length === 0) return;
      if (jobs.length < hand.batch && !complete) {
        // The walk has not found a batch's worth yet: back on the queue, in order, for the next feed.
        for (let i = jobs.length - 1; i >= 0; i -= 1) returned.push(jobs[i]!);
        return;
      }
      hand.held.push(jobs);
      hand.sent += jobs.length;
      const message: WorkerMessage = hand.setupSent ? { jobs } : { setup: run.setup, jobs };
      hand.setupSent = true;
      hand.worker.postMessage(message);
      if (hand.held.length > HELD_BATCHES) hand.batch = Math.min(MAX_BATCH, hand.batch * 2);
    }
  };
  const feed = () => {
    for (const hand of hands) feedHand(hand);
  };
  /** The job a worker holds that it would reach last, among those the main thread has not done. */
  const lastHeld = (): Job | undefined => {
    for (const hand of hands) {
      for (let b = hand.held.length - 1; b >= 0; b -= 1) {
        const jobs = hand.held[b]!;
        for (let i = jobs.length - 1; i >= 0; i -= 1) if (!tookOver.has(jobs[i]!)) return jobs[i];
      }
    }
    return undefined;
  };

  const begin: Pool['begin'] = (take, done, local, setup) => {
    if (run) throw new Error('worker pool: begin called twice');
    run = { take, done, local, setup };
    onFail = (hand) => {
      for (const jobs of hand.held) for (const job of jobs) if (!tookOver.has(job)) returned.push(job);
    };
    onAnswer = (hand, answer) => {
      if (!hand.alive || !run) return;
      const jobs = hand.held[0];
      // Our own worker answers each batch with one answer per job; anything else means it is broken.
      if (!jobs || !Array.isArray(answer) || answer.length !== jobs.length) return fail(hand);
      hand.held.shift();
      jobs.forEach((job, i) => {
        if (tookOver.has(job)) return;
        run!.done(job, answer[i] as Answer);
        stats.workerJobs += 1;
      });
      hand.batch = Math.min(MAX_BATCH, hand.batch * 2);
      feedHand(hand);
    };
    feed();
  };

  const finish: Pool['finish'] = async () => {
    if (!run) throw new Error('worker pool: finish called before begin');
    const { done, local } = run;
    complete = true;
    try {
      feed();
      for (let count = 1; ; count += 1) {
        let job = next();
        if (!job) {
          job = lastHeld();
          if (!job) break;
          tookOver.add(job);
          stats.tookOver += 1;
        }
        done(job, runJob(job, local));
        // Let the workers' answers in (each frees a batch and sends the next).
        if (count % LOCAL_STRETCH === 0) await new Promise<void>((resolveTick) => setImmediate(resolveTick));
      }
    } finally {
      close();
    }
    return stats;
  };

  return {
    begin,
    feed,
    finish,
    run: (take, done, local, setup) => {
      begin(take, done, local, setup);
      return finish();
    },
    close,
  };
}
