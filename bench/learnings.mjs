// Benchmark: the learnings store at 10,000 events.
// 1. Record one event and re-render learnings.md (recordRun: detect, lock, append, read, render,
//    atomic write), in process; median of 20 after one warm-up (goal < 100 ms). A long-lived process
//    (the MCP server) parses only appended lines; a fresh module instance (a one-shot CLI call) parses
//    all 10,000, measured separately. CPU time is printed next to wall time because a shared machine's
//    load shows up in wall time only.
// 2. The SessionStart hook from spawn to exit with that store (goal < 150 ms), median of 10, next to
//    `node -e 0` on the same machine for scale. Uses mcp-server/dist/session-start-hook.js when built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '..');
const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const base = mkdtempSync(join(tmpdir(), 'shipgate-bench-learnings-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const lib = join(base, 'record-run.mjs');
  await build({
    entryPoints: [join(ROOT, 'mcp-server/src/learnings/record-run.ts')],
    outfile: lib, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { recordRun } = await import(pathToFileURL(lib).href);

  const project = join(base, 'project');
  const store = join(project, '.claude/shipgate/learnings');
  mkdirSync(store, { recursive: true });
  const phases = ['gate', 'bump', 'deploy', 'deploy', 'rollback'];
  const pitfalls = ['missing_git_tag', 'insufficient_health_checks', 'wrong_version_bump', 'no_post_deploy_monitoring'];
  const start = Date.parse('2025-01-01T00:00:00Z');
  const lines = [];
  for (let i = 0; i < EVENTS; i++) {
    const phase = phases[i % phases.length];
    lines.push(JSON.stringify({
      v: 1, runId: `bench-${i}`, at: new Date(start + i * 600_000).toISOString(), phase, environment: 'production', version: `1.${i}.0`,
      outcome: i % 23 === 0 ? 'rolled_back' : 'succeeded', durationMs: 200_000 + (i % 7) * 10_000,
      pitfalls: i % 3 === 0 ? [pitfalls[i % pitfalls.length]] : [], signals: { deployedCommitTagged: i % 3 !== 0, healthChecksRun: 3, criticalEndpoints: 3 },
    }));
  }
  writeFileSync(join(store, 'events.jsonl'), `${lines.join('\n')}\n`);

  const signals = { phase: 'deploy', outcome: 'succeeded', environment: 'production', durationMs: 250_000, deployedCommitTagged: false, healthChecksRun: 2, criticalEndpoints: 3 };
  const opts = { onWarning: () => {} };
  let t = performance.now();
  await recordRun(project, signals, opts); // cold: parses the plugin skills once, writes catalog.json
  const cold = performance.now() - t;
  const record = [];
  const recordCpu = [];
  for (let i = 0; i < 20; i++) {
    const cpu = process.cpuUsage();
    t = performance.now();
    await recordRun(project, signals, opts);
    record.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    recordCpu.push((used.user + used.system) / 1000);
  }

  // A fresh module instance has no parsed events in memory: the path of a one-shot CLI call.
  const fresh = [];
  const freshCpu = [];
  for (let i = 0; i < 5; i++) {
    const { recordRun: coldRecord } = await import(`${pathToFileURL(lib).href}?fresh=${i}`);
    const cpu = process.cpuUsage();
    t = performance.now();
    await coldRecord(project, signals, opts);
    fresh.push(performance.now() - t);
    const used = process.cpuUsage(cpu);
    freshCpu.push((used.user + used.system) / 1000);
  }

  let hook = join(ROOT, 'mcp-server/dist/session-start-hook.js');
  let hookSource = 'mcp-server/dist/session-start-hook.js';
  if (!existsSync(hook)) {
    hook = join(base, 'session-start-hook.mjs');
    hookSource = 'bundled from src (dist not built)';
    await build({ entryPoints: [join(ROOT, 'mcp-server/src/cli/session-start-hook-main.ts')], outfile: hook, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  }
  const spawnTimes = (argv, env) => {
    const times = [];
    let out = '';
    for (let i = 0; i < 10; i++) {
      const s = performance.now();
      const r = spawnSync(process.execPath, argv, { env: { ...process.env, ...env }, encoding: 'utf8' });
      times.push(performance.now() - s);
      if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
      out = r.stdout;
    }
    return { median: median(times), out };
  };
  const hookRun = spawnTimes([hook], { CLAUDE_PROJECT_DIR: project });
  rmSync(join(store, 'session-summary.json'));
  const hookMiss = spawnTimes([hook], { CLAUDE_PROJECT_DIR: project });
  const baseline = spawnTimes(['-e', '0'], {});
  if (!hookRun.out.includes('top pitfalls')) throw new Error(`hook printed no lessons: ${hookRun.out}`);

  console.log(`Learnings store with ${EVENTS.toLocaleString('en')} events (${process.platform} node ${process.version}, load average ${(await import('node:os')).loadavg()[0].toFixed(1)} on ${(await import('node:os')).cpus().length} CPUs)`);
  console.log('| measure | result | goal |');
  console.log('|---|---:|---:|');
  console.log(`| record one event + re-render learnings.md (median of 20, wall) | ${median(record).toFixed(1)} ms | < 100 ms |`);
  console.log(`| same, CPU time of the process (user + system) | ${median(recordCpu).toFixed(1)} ms | - |`);
  console.log(`| same, in a fresh module instance (one-shot CLI path: parses all events; median of 5, wall / CPU) | ${median(fresh).toFixed(1)} ms / ${median(freshCpu).toFixed(1)} ms | < 100 ms |`);
  console.log(`| same, very first call (also parses the skills, writes catalog.json) | ${cold.toFixed(1)} ms | - |`);
  console.log(`| SessionStart hook, spawn to exit (median of 10; ${hookSource}) | ${hookRun.median.toFixed(1)} ms | < 150 ms |`);
  console.log(`| SessionStart hook without its cached text (recomputes from 10,000 events) | ${hookMiss.median.toFixed(1)} ms | - |`);
  console.log(`| \`node -e 0\`, spawn to exit (baseline) | ${baseline.median.toFixed(1)} ms | - |`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
