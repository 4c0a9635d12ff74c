/**
 * Use a free core: when many files miss the cache, parsing and the document rules run on the main
 * thread AND in worker threads, all pulling jobs from one queue. Measured on 2 cores at 1,000 skills
 * (bench/validate-corpus.mjs): a worker answers its first jobs ~90 ms after it is spawned, and its
 * isolate runs the parser cold (the first 40 files take ~57 ms, against ~4 ms once warm). The main
 * thread is no faster when it starts, but it starts first. So the pool is built so that a cold, slow or
 * stuck worker can never make a run wait for it:
 * - workers are spawned before the main thread touches its first file, and are sent their first jobs
 *   at once (they queue until the worker is up);
 * - a worker's batches start small and double with every answer, up to MAX_BATCH; it holds two, so
 *   the next is already there when it finishes one, whatever the main thread is doing;
 * - when the queue runs dry, the main thread does the jobs workers still hold itself, last first; the
 *   first result for a job is kept and a later one dropped;
 * - workers are told to stop and not waited for.
 * A worker that cannot start or dies hands its jobs back: a broken pool costs speed, never a file.
 *
 * The same module is the worker's entry: it re-imports itself with `workerData.role` set and serves
 * batches. The engine loads it with import() only when it wants workers, so in the bundle it is its own
 * chunk and a worker loads the parser and the rules, not the engine, the file walk or the formatters.
 * Only the built bundle (.js) can start workers; from TypeScript sources (tests) a worker cannot load
 * its entry and hands its jobs back, which gives the same results.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { DocumentKind } from '../skill/model.js';
import { processFile, type FileResult } from './process-file.js';
import { documentRules, severityFrom, type SeverityOverrides } from './rule-selection.js';

const ROLE = 'shipgate-validate-worker';
/** A cold worker's first batches: small, so a slow start holds few jobs. */
const FIRST_BATCH = 8;
/** Large enough that messages cost little (a batch of 64 is ~160 KB of file bytes to copy), small enough for an even finish. */
const MAX_BATCH = 64;
/** Batches a worker holds: one it works on, one waiting, so it never idles while the main thread is busy. */
const HELD_BATCHES = 2;
/** Jobs the main thread does between looks at the workers' answers. */
const LOCAL_STRETCH = 8;

export interface Job {
  /** Position in the engine's file list; results are stored there. */
  index: number;
  path: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

export interface PoolOptions {
  /** Worker threads to start, at least 1. */
  size: number;
  /** The workers' module (default: this one). Tests pass workers that stall, die or answer late. */
  entry?: URL;
}

export interface PoolStats {
  /** Jobs whose result came from a worker. */
  workerJobs: number;
  /** Jobs a worker held when the queue ran dry and the main thread did itself. */
  tookOver: number;
}

/** A running worker and the batches it holds, oldest first (it answers them in order). */
interface Hand {
  worker: Worker;
  held: Job[][];
  batch: number;
  alive: boolean;
}

/**
 * Pulls jobs from `take` until it runs dry and every job has a result; results go to `done` exactly
 * once per job, as they arrive, so nothing holds every file at once. Resolves without waiting for the
 * workers to stop.
 */
export async function processInWorkers(take: () => Job | undefined, done: (job: Job, result: FileResult) => void, overrides: SeverityOverrides, options: PoolOptions): Promise<PoolStats> {
  const rules = documentRules(overrides);
  const severity = severityFrom(overrides);
  const stats: PoolStats = { workerJobs: 0, tookOver: 0 };
  // Jobs the main thread did while a worker still held them: only ever the tail, a few batches, so the
  // set stays small and a worker's answer or hand-back for them is dropped.
  const tookOver = new Set<Job>();
  const returned: Job[] = [];
  const next = (): Job | undefined => returned.pop() ?? take();

  const hands: Hand[] = [];
  const feed = (hand: Hand) => {
    while (hand.alive && hand.held.length < HELD_BATCHES) {
      const jobs: Job[] = [];
      while (jobs.length < hand.batch) {
        const job = next();
        if (!job) break;
        jobs.push(job);
      }
      if (jobs.length === 0) return;
      hand.held.push(jobs);
      hand.worker.postMessage(jobs);
    }
  };
  const fail = (hand: Hand) => {
    if (!hand.alive) return;
    hand.alive = false;
    for (const jobs of hand.held) for (const job of jobs) if (!tookOver.has(job)) returned.push(job);
    hand.held = [];
    void hand.worker.terminate().catch(() => undefined);
  };
  const spawn = () => {
    let worker: Worker;
    try {
      worker = new Worker(options.entry ?? new URL(import.meta.url), { workerData: { role: ROLE, overrides } });
    } catch {
      return;
    }
    const hand: Hand = { worker, held: [], batch: FIRST_BATCH, alive: true };
    hands.push(hand);
    worker.on('message', (answer: unknown) => {
      if (!hand.alive) return;
      const jobs = hand.held[0];
      // Our own worker answers each batch with one result per job; anything else means it is broken.
      if (!jobs || !Array.isArray(answer) || answer.length !== jobs.length) return fail(hand);
      hand.held.shift();
      jobs.forEach((job, i) => {
        if (tookOver.has(job)) return;
        done(job, answer[i] as FileResult);
        stats.workerJobs += 1;
      });
      hand.batch = Math.min(MAX_BATCH, hand.batch * 2);
      feed(hand);
    });
    worker.once('error', () => fail(hand));
    worker.once('exit', () => fail(hand));
    feed(hand);
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

  try {
    for (let i = 0; i < Math.max(1, options.size); i += 1) spawn();
    for (let count = 1; ; count += 1) {
      let job = next();
      if (!job) {
        job = lastHeld();
        if (!job) break;
        tookOver.add(job);
        stats.tookOver += 1;
      }
      done(job, processFile(job.path, job.kind, job.bytes, rules, severity));
      // Let the workers' answers in (each frees a batch and sends the next).
      if (count % LOCAL_STRETCH === 0) await new Promise<void>((resolveTick) => setImmediate(resolveTick));
    }
  } finally {
    for (const hand of hands) {
      hand.alive = false;
      hand.worker.unref();
      void hand.worker.terminate().catch(() => undefined);
    }
  }
  return stats;
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
