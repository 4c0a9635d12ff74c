/**
 * The worker pool pulls from the engine's queue and must never lose a file, never report one twice, and
 * never make a run wait for a worker. Its workers here are real threads running misbehaving scripts
 * (written below): one that cannot start (from TypeScript sources a worker has no loader for its .ts
 * entry), one that never answers, one that dies mid-run, one that answers with the wrong number of
 * results, and well-behaved ones, fast and slow. Whatever they do, every job gets exactly one result,
 * equal to the plain in-process loop's. Jobs are paths: each worker reads its files itself. The real
 * worker (the bundle's dist/chunks/validate-worker.cjs) is checked against the in-process answers in the
 * last tests: files it cannot read, binary and too large, cache keys, and what its bundle leaves out.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { build as esbuild } from 'esbuild';
import { bundledWorkerEntry, startPool, type PoolStats } from '../../mcp-server/src/validate/worker-pool.js';
import { runJob, type Answer, type Job, type JobContext } from '../../mcp-server/src/validate/run-job.js';
import { cacheKey } from '../../mcp-server/src/validate/cache-key.js';
import { documentRules, severityFrom, type SeverityOverrides } from '../../mcp-server/src/validate/rule-selection.js';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'shipgate-pool-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jobs: Job[] = Array.from({ length: 130 }, (_, index) => {
  const path = join(dir, `skills/s${index}/SKILL.md`);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `---\nname: ${index % 7 === 0 ? 'Bad_Name' : `s${index}`}\ndescription: Deploys. Use when x. Not for y.\n---\n<safety_gate type="blocking">\n<checks>\n<check id="c${index}">\n</check>\n</checks>\n</safety_gate>\n`);
  return { index, path, kind: 'skill' };
});
const contextFor = (overrides: SeverityOverrides): JobContext => ({ rules: documentRules(overrides), severity: severityFrom(overrides) });
const local = contextFor({});
const expected = jobs.map((job) => runJob(job, local));
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
    `import { parentPort, workerData } from 'node:worker_threads';
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
parentPort.on('message', (message) => {
  const batch = message.jobs;
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
async function runPool(options: { size: number; entry?: URL }, onResult: (index: number) => void = () => undefined): Promise<{ results: Map<number, Answer & { fromWorker?: boolean }>; stats: PoolStats; taken: number[]; duplicates: number[] }> {
  let next = 0;
  const taken: number[] = [];
  const results = new Map<number, Answer & { fromWorker?: boolean }>();
  const duplicates: number[] = [];
  // From the TypeScript sources the default entry does not exist: those workers fail to start.
  const stats = await startPool({}, { size: options.size, entry: options.entry ?? bundledWorkerEntry(new URL('./missing/worker-pool.js', import.meta.url).href) }).run(
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
    local,
    { cached: [] },
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
  expect(results.get(0)!.result!.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['name-format', 'check-decider']));
}

/** Resolves once `check` holds, polling (bounded) so a loaded machine only makes it slower. */
async function eventually(check: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  for (const start = Date.now(); !check(); ) {
    if (Date.now() - start > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the worker pool (startPool)', () => {
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

  test('while the main thread is too busy to read answers (walking the tree), a worker whose progress counter says it is nearly done is sent more', async () => {
    // The worker counts the jobs it did in the shared progress counter and marks each batch it received.
    const entry = fakeWorker('counts', "await waitFor('counts-go'); Atomics.add(workerData.progress, 0, batch.length); mark('counts-' + n); parentPort.postMessage(answer(batch));");
    const found: Job[] = [];
    let next = 0;
    const taken: number[] = [];
    const results = new Map<number, Answer & { fromWorker?: boolean }>();
    const duplicates: number[] = [];
    const pool = startPool({}, { size: 1, entry });
    pool.begin(
      () => {
        const job = found[next];
        if (job) taken.push(job.index);
        if (job) next += 1;
        return job;
      },
      (job, answer) => {
        if (results.has(job.index)) duplicates.push(job.index);
        else results.set(job.index, answer);
      },
      local,
      { cached: [] },
    );
    // One synchronous stretch, as the walk is: jobs are found one by one and the pool fed after each.
    const find = (count: number) => {
      for (const job of jobs.slice(found.length, found.length + count)) {
        found.push(job);
        pool.feed();
      }
    };
    find(40);
    expect(taken.length, 'two batches of 8 held, no more until the worker gets on').toBe(16);
    mark('counts-go');
    blockUntil('counts-2');
    find(40);
    blockUntil('counts-3');
    expect(taken.length, 'a third batch (then more) sent without one answer read').toBeGreaterThan(16);
    find(jobs.length);
    const stats = await pool.finish();
    expect(duplicates).toEqual([]);
    expect(taken).toEqual(jobs.map((j) => j.index));
    for (const job of jobs) expect({ ...results.get(job.index), fromWorker: undefined }, `job ${job.index}`).toEqual({ ...expected[job.index], fromWorker: undefined });
    expect(stats.workerJobs).toBeGreaterThanOrEqual(24);
  }, 60_000);

  test('the built worker answers batches exactly as the in-process engine does, reading its files itself', async () => {
    const overrides = { 'check-decider': 'off', 'name-format': 'warning' } as const;
    const worker = builtWorker(overrides);
    try {
      const answers = collect(worker);
      worker.postMessage({ setup: { cached: [] }, jobs: jobs.slice(0, 50) });
      worker.postMessage({ jobs: jobs.slice(50) });
      await eventually(() => answers.length === 2, 'two answers from the built worker');
      const own = jobs.map((job) => runJob(job, contextFor(overrides)));
      expect(answers.flat()).toEqual(own);
      expect(own[0]!.result!.diagnostics.find((d) => d.ruleId === 'name-format')?.severity).toBe('warning');
      expect(own.flatMap((r) => r.result!.diagnostics).some((d) => d.ruleId === 'check-decider')).toBe(false);
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  test('the built worker on files it cannot read, binary and too large: the diagnostics one thread gives', async () => {
    const odd = join(dir, 'odd');
    mkdirSync(join(odd, 'folder', 'SKILL.md'), { recursive: true });
    writeFileSync(join(odd, 'binary.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02]));
    writeFileSync(join(odd, 'huge.md'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
    const oddJobs: Job[] = [
      { index: 0, path: join(odd, 'missing', 'SKILL.md'), kind: 'skill' },
      { index: 1, path: join(odd, 'folder', 'SKILL.md'), kind: 'skill' },
      { index: 2, path: join(odd, 'binary.md'), kind: 'reference' },
      { index: 3, path: join(odd, 'huge.md'), kind: 'reference' },
    ];
    const worker = builtWorker({});
    try {
      const answers = collect(worker);
      worker.postMessage({ setup: { cached: [] }, jobs: oddJobs });
      await eventually(() => answers.length === 1, 'the built worker\'s answer');
      const own = oddJobs.map((job) => runJob(job, local));
      expect(answers[0]).toEqual(own);
      expect(own.map((a) => a.result!.diagnostics.map((d) => d.ruleId))).toEqual([['file-unreadable'], ['file-unreadable'], ['file-binary'], ['file-too-large']]);
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  test('the built worker computes the cache keys the main thread computes, and answers a cached file with its key alone', async () => {
    const salt = 'test-salt';
    const keys = jobs.slice(0, 4).map((job) => cacheKey(salt, job.path, job.kind, readFileSync(job.path)));
    const worker = builtWorker({});
    try {
      const answers = collect(worker);
      worker.postMessage({ setup: { salt, cached: [keys[1], keys[3]] }, jobs: jobs.slice(0, 4) });
      await eventually(() => answers.length === 1, 'the built worker\'s answer');
      expect(answers[0]).toEqual([
        { key: keys[0], result: expected[0]!.result },
        { key: keys[1] },
        { key: keys[2], result: expected[2]!.result },
        { key: keys[3] },
      ]);
    } finally {
      await worker.terminate();
    }
  }, 60_000);

  test('the worker bundle holds the parser and the rules but not what project rules load lazily (zod, the config schema)', async () => {
    const { workerBuildOptions } = (await import(pathToFileURL(join(ROOT, 'scripts', 'build.mjs')).href)) as { workerBuildOptions: (outdir: string) => Record<string, unknown> };
    const outdir = mkdtempSync(join(tmpdir(), 'shipgate-worker-meta-'));
    try {
      const { metafile } = await esbuild({ ...workerBuildOptions(outdir), write: false, metafile: true, logLevel: 'silent' } as Parameters<typeof esbuild>[0] & { metafile: true });
      const inputs = Object.keys(metafile.inputs);
      expect(inputs).toEqual(expect.arrayContaining(['mcp-server/src/skill/parse-skill.ts', 'mcp-server/src/validate/rules/config-schema.ts', 'mcp-server/src/validate/run-job.ts']));
      expect(inputs.filter((input) => /node_modules\/(zod|remark|unified|micromark)\/|mcp-server\/src\/(config|server|gates|exec|cli)\//.test(input))).toEqual([]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    // And the file the bundle ships: one CommonJS file that requires only Node's own modules.
    const built = readFileSync(fileURLToPath(bundledWorkerEntry(pathToFileURL(join(ROOT, 'mcp-server', 'dist', 'chunks', 'engine.js')).href)), 'utf8');
    expect(built).not.toMatch(/ZodError|\bimport\(/);
    expect([...built.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).filter((name) => !builtinModules.includes(name!.replace(/^node:/, '')))).toEqual([]);
  }, 60_000);
});

/** The bundle's real worker, started as the pool starts it. */
function builtWorker(overrides: SeverityOverrides): Worker {
  const entry = bundledWorkerEntry(pathToFileURL(join(ROOT, 'mcp-server', 'dist', 'chunks', 'engine-X.js')).href);
  expect(existsSync(entry), `${fileURLToPath(entry)} is missing: run \`npm run build\` first`).toBe(true);
  return new Worker(entry, { workerData: { role: 'shipgate-validate-worker', overrides } });
}

function collect(worker: Worker): Answer[][] {
  const answers: Answer[][] = [];
  worker.on('message', (answer: Answer[]) => answers.push(answer));
  return answers;
}
