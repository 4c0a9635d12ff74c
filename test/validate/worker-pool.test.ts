/**
 * The worker pool pulls from the engine's queue and must never lose a file, never report one twice, and
 * never make a run wait for a worker. Its workers here are real threads running misbehaving scripts
 * (written below): one that cannot start (from TypeScript sources a worker has no loader for its .ts
 * entry), one that never answers, one that dies mid-run, one that answers with the wrong number of
 * results, and well-behaved ones, fast and slow. Whatever they do, every job gets exactly one result,
 * equal to the plain in-process loop's. The real worker (the built bundle's chunk) is checked against
 * the in-process results in the last test.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { processInWorkers, type Job, type PoolStats } from '../../mcp-server/src/validate/worker-pool.js';
import { processFile, type FileResult } from '../../mcp-server/src/validate/process-file.js';
import { documentRules, severityFrom } from '../../mcp-server/src/validate/rule-selection.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'shipgate-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jobs: Job[] = Array.from({ length: 130 }, (_, index) => ({
  index,
  path: join(dir, `skills/s${index}/SKILL.md`),
  kind: 'skill',
  bytes: Buffer.from(`---\nname: ${index % 7 === 0 ? 'Bad_Name' : `s${index}`}\ndescription: Deploys. Use when x. Not for y.\n---\n<safety_gate type="blocking">\n<checks>\n<check id="c${index}">\n</check>\n</checks>\n</safety_gate>\n`),
}));
const rules = documentRules({});
const severity = severityFrom({});
const expected = jobs.map((job) => processFile(job.path, job.kind, job.bytes, rules, severity));
const expectedFile = join(dir, 'expected.json');
writeFileSync(expectedFile, JSON.stringify(expected));

/**
 * A worker script that answers from the precomputed results (marked, so the test can tell who answered),
 * with `behaviour` deciding how: it receives `batch` (the jobs) and `n` (which message this is), and can
 * `mark(name)` a file in the test folder or `await waitFor(name)` one that the test marks.
 */
function fakeWorker(name: string, behaviour: string): URL {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(
    file,
    `import { parentPort } from 'node:worker_threads';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const dir = ${JSON.stringify(dir)};
const mark = (name) => writeFileSync(join(dir, name), '');
const waitFor = async (name) => { for (let i = 0; i < 2000 && !existsSync(join(dir, name)); i += 1) await sleep(10); };
const expected = JSON.parse(readFileSync(${JSON.stringify(expectedFile)}, 'utf8'));
const answer = (batch) => batch.map((job) => ({ ...expected[job.index], fromWorker: true }));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let n = 0;
let queue = Promise.resolve();
parentPort.on('message', (batch) => {
  n += 1;
  const current = n;
  queue = queue.then(async () => { await (async (batch, n) => { ${behaviour} })(batch, current); });
});
`,
  );
  return pathToFileURL(file);
}

/** A marker file in the test folder: how the test and its fake workers wait for each other. */
const mark = (name: string) => writeFileSync(join(dir, name), '');
/** Blocks the main thread (as a slow file would) until `name` is marked; bounded. */
function blockUntil(name: string): void {
  const sleeper = new Int32Array(new SharedArrayBuffer(4));
  for (const start = Date.now(); !existsSync(join(dir, name)); Atomics.wait(sleeper, 0, 0, 5)) {
    if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${name}`);
  }
}

/** Runs the pool over `jobs`, checking that each job gets exactly one result; `onResult` runs on the main thread as each arrives. */
async function runPool(options: { size: number; entry?: URL }, onResult: (index: number) => void = () => undefined): Promise<{ results: Map<number, FileResult & { fromWorker?: boolean }>; stats: PoolStats; taken: number[]; duplicates: number[] }> {
  let next = 0;
  const taken: number[] = [];
  const results = new Map<number, FileResult & { fromWorker?: boolean }>();
  const duplicates: number[] = [];
  const stats = await processInWorkers(
    () => {
      const job = jobs[next++];
      if (job) taken.push(job.index);
      return job;
    },
    (job, result) => {
      // Recorded, not thrown: a throw here would land in the pool's message handler, not in the test.
      if (results.has(job.index)) duplicates.push(job.index);
      else results.set(job.index, result);
      onResult(job.index);
    },
    {},
    options,
  );
  return { results, stats, taken, duplicates };
}

function expectComplete({ results, stats, taken, duplicates }: Awaited<ReturnType<typeof runPool>>): void {
  expect(duplicates, 'jobs that got a second result').toEqual([]);
  expect(taken).toEqual(jobs.map((j) => j.index));
  expect([...results.keys()].sort((a, b) => a - b)).toEqual(jobs.map((j) => j.index));
  for (const job of jobs) {
    const { fromWorker, ...result } = results.get(job.index)!;
    expect(result, `job ${job.index}`).toEqual(expected[job.index]);
    void fromWorker;
  }
  expect([...results.values()].filter((r) => r.fromWorker).length).toBe(stats.workerJobs);
  expect(results.get(0)!.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['name-format', 'check-decider']));
}

/** Resolves once `check` holds, polling (bounded) so a loaded machine only makes it slower. */
async function eventually(check: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  for (const start = Date.now(); !check(); ) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('processInWorkers', () => {
  test('workers that cannot start: every job done exactly once, like the in-process loop', async () => {
    const run = await runPool({ size: 2 });
    expectComplete(run);
    expect(run.stats.workerJobs).toBe(0);
  }, 60_000);

  test('a worker that never answers: the main thread does the jobs it holds, and the run does not wait for it', async () => {
    const run = await runPool({ size: 1, entry: fakeWorker('stalls', 'await new Promise(() => {});') });
    expectComplete(run);
    expect(run.stats.workerJobs).toBe(0);
    // Fed at spawn, before the main thread's first job: two small batches.
    expect(run.stats.tookOver).toBe(16);
  }, 60_000);

  test('a worker that dies after answering once: the jobs it still held are done by the main thread', async () => {
    const run = await runPool({ size: 1, entry: fakeWorker('dies', 'if (n === 1) parentPort.postMessage(answer(batch)); else process.exit(3);') });
    expectComplete(run);
    expect(run.stats.workerJobs).toBeLessThanOrEqual(8);
  }, 60_000);

  test('a worker that dies after the main thread took over some of its jobs: only the others come back, each job still done once', async () => {
    const entry = fakeWorker('dies-late', "if (n === 1) { await waitFor('dies-late-took-7'); mark('dies-late-exiting'); process.exit(3); }");
    const run = await runPool({ size: 1, entry }, (index) => {
      if (index !== 7) return;
      mark('dies-late-took-7');
      blockUntil('dies-late-exiting');
      // Long enough for the thread to be gone, so its exit is seen before the main thread reaches job 0.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    });
    expectComplete(run);
    expect(run.stats.workerJobs).toBe(0);
    expect(run.stats.tookOver).toBeGreaterThanOrEqual(9);
    expect(run.stats.tookOver).toBeLessThan(16);
  }, 60_000);

  test('a worker that answers with the wrong number of results is dropped, its jobs done by the main thread', async () => {
    const run = await runPool({ size: 1, entry: fakeWorker('short', 'parentPort.postMessage(answer(batch).slice(1));') });
    expectComplete(run);
    expect(run.stats.workerJobs).toBe(0);
  }, 60_000);

  test('a slow worker: the main thread takes over the jobs it holds, last first; of its late answer only the results for jobs still open are kept', async () => {
    // The worker holds jobs 0-7 and 8-15 (fed at spawn). It answers only once the main thread, out of its own
    // jobs, has done job 7 itself, and the main thread goes on only once that answer is sent.
    const entry = fakeWorker('slow', "await waitFor('slow-took-7'); parentPort.postMessage(answer(batch)); mark('slow-answered-' + n);");
    const run = await runPool({ size: 1, entry }, (index) => {
      if (index !== 7) return;
      mark('slow-took-7');
      blockUntil('slow-answered-1');
    });
    expectComplete(run);
    expect(run.stats.tookOver).toBeGreaterThan(8);
    const firstBatch = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => run.results.get(i)!.fromWorker === true);
    expect(firstBatch.slice(0, 1), 'job 0 (done last) came from the worker').toEqual([true]);
    expect(firstBatch[7], 'job 7 (taken over first) came from the main thread').toBe(false);
  }, 60_000);

  test('fast workers: answers from two workers and the main thread together, each job once', async () => {
    let waited = false;
    const run = await runPool({ size: 2, entry: fakeWorker('fast', "parentPort.postMessage(answer(batch)); mark('fast-answered');") }, () => {
      if (!waited) blockUntil('fast-answered');
      waited = true;
    });
    expectComplete(run);
    expect(run.stats.workerJobs).toBeGreaterThanOrEqual(8);
    expect(run.stats.workerJobs).toBeLessThan(jobs.length);
  }, 60_000);

  test('the built worker answers a batch exactly as the in-process engine does', async () => {
    const chunks = join(ROOT, 'mcp-server', 'dist', 'chunks');
    expect(existsSync(chunks), `${chunks} is missing: run \`npm run build\` first`).toBe(true);
    const chunk = readdirSync(chunks).find((name) => /^worker-pool-[A-Z0-9]+\.js$/.test(name));
    expect(chunk, 'no worker-pool chunk in the bundle').toBeDefined();
    const worker = new Worker(pathToFileURL(join(chunks, chunk!)), { workerData: { role: 'shipgate-validate-worker', overrides: { 'check-decider': 'off', 'name-format': 'warning' } } });
    try {
      const answers: FileResult[][] = [];
      worker.on('message', (answer: FileResult[]) => answers.push(answer));
      worker.postMessage(jobs.slice(0, 50));
      worker.postMessage(jobs.slice(50));
      await eventually(() => answers.length === 2, 'two answers from the built worker');
      const overrides = { 'check-decider': 'off', 'name-format': 'warning' } as const;
      const own = jobs.map((job) => processFile(job.path, job.kind, job.bytes, documentRules(overrides), severityFrom(overrides)));
      expect(answers.flat()).toEqual(own);
      expect(own[0]!.diagnostics.find((d) => d.ruleId === 'name-format')?.severity).toBe('warning');
      expect(own.flatMap((r) => r.diagnostics).some((d) => d.ruleId === 'check-decider')).toBe(false);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
