// Benchmark: validate N generated skills (~2.5 KB each: gate, logic flow, rollback) with shipgate and with
// `claude plugin validate`, side by side: every run of every variant is interleaved (A B C ... A B C ...),
// so a machine that gets busier or quieter during the benchmark moves all of them alike. Prints the
// median and min–max of wall time, CPU (user+sys) and peak RSS, the load average before and after, and
// each shipgate variant's median ratio to claude, taken run by run.
//
// Variants: shipgate single-threaded with no cache (the row: SHIPGATE_WORKERS=never,
// SHIPGATE_NO_CACHE=1), with the worker pool forced on, with the default choice of workers (the pool
// only at 10,000+ files and only for idle cores) and no cache, the default with a cold cache (removed
// before each run) and a warm one. A second table puts the pool and the default choice beside one
// thread: the ratio run by run, how many runs started workers and how many files the workers did, and
// the 1-minute load average before each run (the pool only pays off on an idle core, so its ratio says
// little unless the load is well below the core count), and a "CPU headroom" line: how many cores one
// thread already keeps busy (CPU / wall), the pool's extra CPU, and the best wall time the pool could
// reach even spread perfectly over every core, (one thread's CPU + the extra) / cores, beside one
// thread's wall: when it is not below, no scheduling can make the pool win on this machine. A memory table validates --memory N skills
// (default 10,000), single-threaded and with the pool, against claude: peak RSS, and the same pool
// table at that size. `skills-ref validate` takes one skill folder per call, so --sample N of them
// (default 0: skip; it is ~100 ms per folder) are timed and extrapolated.
//
// NODE_EXTRA_CA_CERTS is removed from both sides' environment: it slows every Node start here.
// Needs the built bundle (`npm run build`). Usage:
//   node bench/validate-corpus.mjs [--count 1000] [--runs 7] [--memory 10000 (0: skip)] [--memory-runs 3] [--sample 0]
import { cp, rm, access } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { generateCorpus } from './lib/skill-corpus.mjs';
import { measure, formatTable } from './lib/measure.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('--count', 1000);
const runs = Math.max(1, arg('--runs', 7));
const memoryCount = arg('--memory', 10_000);
const memoryRuns = Math.max(1, arg('--memory-runs', 3));
const sample = Math.min(arg('--sample', 0), count);
const bin = (name) => join(root, 'node_modules', '.bin', name);
const baseEnv = { ...process.env };
delete baseEnv.NODE_EXTRA_CA_CERTS;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

// Snapshot the bundle first: a concurrent `npm run build` would otherwise remove it mid-benchmark.
const snapshot = join(root, 'bench', '.work', 'validate-dist');
await rm(snapshot, { recursive: true, force: true });
try {
  await access(join(root, 'mcp-server', 'dist', 'cli.js'));
  await cp(join(root, 'mcp-server', 'dist'), snapshot, { recursive: true });
  await access(join(snapshot, 'cli.js'));
} catch {
  console.error('mcp-server/dist/cli.js is missing or changed while copying: run `npm run build` first.');
  process.exit(1);
}
const cli = join(snapshot, 'cli.js');
const cacheFile = join(root, 'node_modules', '.cache', 'shipgate', 'validate-cache.json');

/** One shipgate variant: argv + environment, and what to do before each run. */
function shipgate(name, env, before) {
  return {
    name,
    before,
    run: (corpus) => {
      const load1 = loadavg()[0];
      const run = measure([process.execPath, cli, 'validate', corpus, '--format', 'json'], { cwd: root, env: { ...baseEnv, SHIPGATE_NO_CACHE: undefined, SHIPGATE_WORKERS: undefined, SHIPGATE_VALIDATE_STATS: '1', ...env } });
      return { ...run, load1, stats: statsOf(run) };
    },
    check: shipgateResult,
  };
}

/** What SHIPGATE_VALIDATE_STATS=1 printed last on stderr: { cacheHits, workers, workerJobs }. */
function statsOf(run) {
  try {
    return JSON.parse(run.stderr.trim().split('\n').pop() ?? '');
  } catch {
    return undefined;
  }
}
const claude = { name: 'claude plugin validate', run: (corpus) => measure([bin('claude'), 'plugin', 'validate', corpus], { cwd: root, env: { ...baseEnv, DISABLE_AUTOUPDATER: '1' } }), check: (run) => `exit ${run.status}: ${(run.stdout + run.stderr).trim().split('\n').slice(-1)[0]?.slice(0, 60) ?? ''}` };
const removeCache = () => rm(cacheFile, { force: true });

function shipgateResult(run) {
  try {
    const doc = JSON.parse(run.stdout);
    if (typeof doc.filesChecked !== 'number') throw new Error('no filesChecked');
    return `${doc.filesChecked} files, ${doc.errorCount} errors, ${doc.warningCount} warnings`;
  } catch {
    run.failed = true;
    return `FAILED exit ${run.status}: ${run.stderr.trim().split('\n')[0]?.slice(0, 80) ?? ''}`;
  }
}

/** Runs every variant `times` times, interleaved, after one unmeasured warm-up each (file cache, bundle). */
async function interleaved(variants, corpus, times) {
  const samples = variants.map(() => []);
  for (const variant of variants) {
    await variant.before?.();
    variant.run(corpus);
  }
  for (let r = 0; r < times; r += 1) {
    for (const [i, variant] of variants.entries()) {
      await variant.before?.();
      samples[i].push(variant.run(corpus));
    }
  }
  return samples;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values, format) => {
  const known = values.filter((v) => v !== null && v !== undefined);
  if (known.length === 0) return 'n/a';
  return `${format(median(known))} (${format(Math.min(...known))}–${format(Math.max(...known))})`;
};
const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (v) => `${v.toFixed(0)} MiB`;

/**
 * Variants beside the FIRST (one thread), run by run: wall, CPU, the ratio of each run to the one-thread
 * run next to it, the runs that started workers and the files they did, and the load before each run.
 */
function poolTable(variants, samples, label) {
  const base = samples[0];
  const rows = variants.map((variant, i) => {
    const runsOf = samples[i];
    const ratios = runsOf.map((run, r) => run.ms / base[r].ms);
    const pooled = runsOf.filter((run) => run.stats?.workers);
    return [
      variant.name,
      spread(runsOf.map((run) => run.ms), s),
      spread(runsOf.map((run) => run.cpuMs), s),
      i === 0 ? '1.00x' : spread(ratios, (v) => `${v.toFixed(2)}x`),
      `${pooled.length}/${runsOf.length}`,
      pooled.length ? spread(pooled.map((run) => run.stats.workerJobs), (v) => v.toFixed(0)) : '-',
      spread(runsOf.map((run) => run.load1), (v) => v.toFixed(2)),
    ];
  });
  console.log(`\n${label}\n`);
  console.log(formatTable(['variant', 'wall, median (min–max)', 'CPU user+sys', 'vs 1 thread, per run', 'runs with workers', 'files done by workers', 'load average (1 min) before each run'], rows));
  console.log(`(${availableParallelism()} cores; a ratio below 1.00x needs an idle core: the default starts workers only when the load leaves one)`);
  console.log(headroom(samples[0], samples[1]));
}

/**
 * Why the pool can or cannot win here, from the same runs: one thread already keeps more than one core
 * busy (V8 compiles and collects garbage on threads of its own), and the pool adds CPU of its own (a
 * second isolate boots, warms up and compiles the same code). Even perfectly spread over every core, the
 * pool needs (one thread's CPU + the pool's extra CPU) / cores of wall time: when that is not below one
 * thread's wall time, no scheduling can make the pool faster on this machine.
 */
function headroom(single, pool) {
  const cores = availableParallelism();
  const wall = median(single.map((run) => run.ms));
  const cpu = median(single.map((run) => run.cpuMs ?? 0));
  const poolCpu = median(pool.map((run) => run.cpuMs ?? 0));
  const extra = poolCpu - cpu;
  const floor = (cpu + extra) / cores;
  const verdict = floor < wall ? `the pool can gain at most ${((1 - floor / wall) * 100).toFixed(0)}% here` : 'the pool cannot beat one thread on this machine';
  const load1 = median([...single, ...pool].map((run) => run.load1));
  const busy = load1 >= cores - 1 ? ` (load average ${load1.toFixed(2)} on ${cores} cores: other work holds the cores, so the walls include waiting for one and this bound is optimistic)` : ` (load average ${load1.toFixed(2)} on ${cores} cores)`;
  return `CPU headroom${busy}: one thread uses ${(cpu / wall).toFixed(2)} of ${cores} cores (CPU ${s(cpu)} over wall ${s(wall)}); the pool adds ${s(extra)} of CPU (${s(poolCpu)} in all); its best possible wall on ${cores} cores is (${s(cpu)} + ${s(extra)}) / ${cores} = ${s(floor)} vs one thread's ${s(wall)}: ${verdict}.`;
}

/** One table: a row per variant; ratios to the LAST variant (claude), run by run. */
function table(variants, samples, label) {
  const base = samples[samples.length - 1];
  const rows = variants.map((variant, i) => {
    const runsOf = samples[i];
    const ratios = runsOf.map((run, r) => run.ms / base[r].ms);
    const cpuRatios = runsOf.map((run, r) => (run.cpuMs !== null && base[r].cpuMs ? run.cpuMs / base[r].cpuMs : null)).filter((v) => v !== null);
    const last = runsOf[runsOf.length - 1];
    const result = variant.check(last);
    const failed = runsOf.some((run) => { variant.check(run); return run.failed; });
    return [
      variant.name,
      spread(runsOf.map((run) => run.ms), s),
      spread(runsOf.map((run) => run.cpuMs), s),
      spread(runsOf.map((run) => run.rssMb), mb),
      i === samples.length - 1 ? '1.00x' : `${median(ratios).toFixed(2)}x (cpu ${cpuRatios.length ? median(cpuRatios).toFixed(2) : 'n/a'}x)`,
      failed ? `FAILED in some run; last: ${result}` : result,
    ];
  });
  console.log(`\n${label}\n`);
  console.log(formatTable(['tool', 'wall, median (min–max)', 'CPU user+sys', 'peak RSS', 'vs claude (median of per-run ratios)', 'result'], rows));
}

const corpus = join(root, 'bench', '.corpus', 'validate');
const { names, averageBytes } = await generateCorpus(corpus, count);
console.log(`corpus: ${count} skills, ~${averageBytes} bytes each, in ${corpus}; ${availableParallelism()} cores; ${runs} interleaved runs per variant`);
console.log(`load average before: ${load()}`);

const variants = [
  shipgate('shipgate validate, 1 thread, no cache (SHIPGATE_WORKERS=never SHIPGATE_NO_CACHE=1)', { SHIPGATE_WORKERS: 'never', SHIPGATE_NO_CACHE: '1' }),
  shipgate('shipgate validate, worker pool, no cache (SHIPGATE_WORKERS=always SHIPGATE_NO_CACHE=1)', { SHIPGATE_WORKERS: 'always', SHIPGATE_NO_CACHE: '1' }),
  shipgate('shipgate validate, default workers, no cache (SHIPGATE_NO_CACHE=1; pool only at 10,000+ files, for idle cores)', { SHIPGATE_NO_CACHE: '1' }),
  shipgate('shipgate validate, default, cold cache (writes the cache)', {}, removeCache),
  shipgate('shipgate validate, default, warm cache', {}),
  claude,
];
const samples = await interleaved(variants, corpus, runs);
const loadAfter = load();
table(variants, samples, `Validating ${count} skills (wall clock; CPU = user+sys of the process tree; peak RSS of the largest process):`);
console.log(`\nload average (1, 5, 15 min) after: ${loadAfter} on ${availableParallelism()} cores`);
const singleRatio = median(samples[0].map((run, r) => run.ms / samples[samples.length - 1][r].ms));
console.log(`goal: 1 thread, no cache <= 1.0x claude (aim <= 0.75x): ${singleRatio.toFixed(2)}x, ${singleRatio <= 1 ? 'met' : 'NOT met'}`);
poolTable(variants.slice(0, 3), samples.slice(0, 3), `1 thread vs worker pool vs default at ${count} skills, no cache (same runs as above):`);

if (sample > 0) {
  let ms = 0;
  let cpu = 0;
  let rss = 0;
  let failures = 0;
  for (const name of names.slice(0, sample)) {
    const run = measure([bin('skills-ref'), 'validate', join(corpus, 'skills', name)], { cwd: root, env: baseEnv });
    ms += run.ms;
    cpu += run.cpuMs ?? 0;
    rss = Math.max(rss, run.rssMb ?? 0);
    if (run.status !== 0) failures += 1;
  }
  console.log(`\nskills-ref validate: ${sample} folders, one call each: ${(ms / sample).toFixed(0)} ms per skill, ${s((ms / sample) * count)} extrapolated to ${count} (CPU ${s((cpu / sample) * count)}), peak ${mb(rss)}, ${sample - failures}/${sample} valid`);
}

if (memoryCount > 0) {
  const big = join(root, 'bench', '.corpus', 'validate-memory');
  await generateCorpus(big, memoryCount);
  console.log(`\nload average before the memory row: ${load()}`);
  const memoryVariants = [variants[0], variants[1], claude];
  const memorySamples = await interleaved(memoryVariants, big, memoryRuns);
  table(memoryVariants, memorySamples, `Memory: validating ${memoryCount} skills, ${memoryRuns} interleaved runs (goal: shipgate's peak RSS <= claude's):`);
  const ours = median(memorySamples[0].map((run) => run.rssMb));
  const theirs = median(memorySamples[2].map((run) => run.rssMb));
  console.log(`\nload average after: ${load()}; peak RSS median, 1 thread: shipgate ${mb(ours)} vs claude ${mb(theirs)}: ${ours <= theirs ? 'met' : 'NOT met'}`);
  poolTable(memoryVariants.slice(0, 2), memorySamples.slice(0, 2), `1 thread vs worker pool at ${memoryCount} skills (same runs as above):`);
  await rm(big, { recursive: true, force: true });
}
await rm(snapshot, { recursive: true, force: true });
