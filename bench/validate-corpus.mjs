// Benchmark: validate 1,000 generated skills (~2.5 KB each, gate + logic flow + rollback) with
//   shipgate (cold cache, warm cache), `claude plugin validate`, and `skills-ref validate`.
// skills-ref takes one skill folder per call, so a sample of 100 is timed and extrapolated to 1,000.
// Needs the built bundle (`npm run build`). Usage: node bench/validate-corpus.mjs [--count N] [--sample N]
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
const sample = Math.min(arg('--sample', 100), count);
const corpus = join(root, 'bench', '.corpus', 'validate');
const bin = (name) => join(root, 'node_modules', '.bin', name);

const { names, averageBytes } = await generateCorpus(corpus, count);
console.log(`corpus: ${count} skills, ~${averageBytes} bytes each, in ${corpus} (${availableParallelism()} cores)`);

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
const cacheEnv = { ...process.env, SHIPGATE_NO_CACHE: undefined };
await rm(join(root, 'node_modules', '.cache', 'shipgate', 'validate-cache.json'), { force: true });
const shipgateArgs = [process.execPath, cli, 'validate', corpus, '--format', 'json'];
const cold = measure(shipgateArgs, { cwd: root, env: { ...cacheEnv, SHIPGATE_WORKERS: 'always' } });
await rm(join(root, 'node_modules', '.cache', 'shipgate', 'validate-cache.json'), { force: true });
const coldAuto = measure(shipgateArgs, { cwd: root, env: cacheEnv });
const warm = measure(shipgateArgs, { cwd: root, env: cacheEnv });
const single = measure(shipgateArgs, { cwd: root, env: { ...process.env, SHIPGATE_NO_CACHE: '1', SHIPGATE_WORKERS: 'never' } });
const summary = (run) => {
  try {
    const doc = JSON.parse(run.stdout);
    run.ok = typeof doc.filesChecked === 'number';
    return `${doc.filesChecked} files, ${doc.errorCount} errors, ${doc.warningCount} warnings`;
  } catch {
    run.ok = false;
    return `FAILED exit ${run.status}: ${run.stderr.trim().split('\n')[0]?.slice(0, 100) ?? ''}`;
  }
};

const claude = measure([bin('claude'), 'plugin', 'validate', corpus], { cwd: root, env: { ...process.env, DISABLE_AUTOUPDATER: '1' } });

let skillsRefMs = 0;
let skillsRefCpu = 0;
let skillsRefRss = 0;
let skillsRefFailures = 0;
for (const name of names.slice(0, sample)) {
  const run = measure([bin('skills-ref'), 'validate', join(corpus, 'skills', name)], { cwd: root });
  skillsRefMs += run.ms;
  skillsRefCpu += run.cpuMs ?? 0;
  skillsRefRss = Math.max(skillsRefRss, run.rssMb ?? 0);
  if (run.status !== 0) skillsRefFailures += 1;
}
const skillsRefTotal = (skillsRefMs / sample) * count;

const mb = (v) => (v === null || v === undefined ? 'n/a' : `${v.toFixed(0)} MB`);
const s = (ms) => (ms === null || ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const ratio = (ms) => `${(ms / claude.ms).toFixed(2)}x`;
const rows = [
  ['shipgate validate (cold cache, worker pool)', s(cold.ms), s(cold.cpuMs), mb(cold.rssMb), ratio(cold.ms), summary(cold)],
  ['shipgate validate (cold cache, default: pool unless cores busy)', s(coldAuto.ms), s(coldAuto.cpuMs), mb(coldAuto.rssMb), ratio(coldAuto.ms), summary(coldAuto)],
  ['shipgate validate (warm cache)', s(warm.ms), s(warm.cpuMs), mb(warm.rssMb), ratio(warm.ms), summary(warm)],
  ['shipgate validate (no cache, 1 thread)', s(single.ms), s(single.cpuMs), mb(single.rssMb), ratio(single.ms), summary(single)],
  ['claude plugin validate', s(claude.ms), s(claude.cpuMs), mb(claude.rssMb), '1.00x', `exit ${claude.status}: ${(claude.stdout + claude.stderr).trim().split('\n').slice(-1)[0]?.slice(0, 80) ?? ''}`],
  [`skills-ref validate (${sample} dirs, extrapolated to ${count})`, s(skillsRefTotal), s((skillsRefCpu / sample) * count), mb(skillsRefRss), ratio(skillsRefTotal), `${sample - skillsRefFailures}/${sample} valid, ${(skillsRefMs / sample).toFixed(0)} ms per skill`],
];
console.log(`\nValidating ${count} skills (wall clock; CPU = user+sys of the process tree, steadier on a loaded machine; peak RSS of the largest process):\n`);
console.log(formatTable(['tool', `wall time, ${count} skills`, 'CPU (user+sys)', 'peak RSS', 'vs claude', 'result'], rows));
console.log(`\nload average ${loadavg()[0].toFixed(1)} on ${availableParallelism()} cores; goal shipgate (cold, default) <= claude plugin validate: ${!coldAuto.ok ? 'unknown (shipgate run failed)' : coldAuto.ms <= claude.ms ? 'met' : 'NOT met'}`);
await rm(snapshot, { recursive: true, force: true });
