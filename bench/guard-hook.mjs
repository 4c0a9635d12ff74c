// Benchmark: the Bash guard hook (PreToolUse), spawn to exit, as Claude Code calls it on every Bash
// command. Median of 21 calls per case, next to `node -e 0` (the floor any Node hook pays), with
// the hook bundled the way scripts/build.mjs bundles it. Goal: < 50 ms.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { formatTable } from './lib/measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const base = mkdtempSync(join(tmpdir(), 'shipgate-bench-guard-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  // Bundled here (same esbuild options as scripts/build.mjs) rather than read from dist/, which a
  // concurrent `npm run build` may be replacing.
  const hook = join(base, 'guard-hook.js');
  const source = 'bundled from mcp-server/src/cli/guard-hook-main.ts';
  await build({
    entryPoints: { 'guard-hook': join(ROOT, 'mcp-server/src/cli/guard-hook-main.ts') }, outdir: base, splitting: true, chunkNames: 'chunks/[name]-[hash]',
    bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const project = join(base, 'project');
  mkdirSync(join(project, '.git'), { recursive: true });
  writeFileSync(join(project, 'shipgate.config.yaml'), 'environments:\n  production:\n    provider:\n      type: command\n      deploy: [./scripts/ship.sh, "{version}"]\n');
  const call = (command, expected) => {
    const input = JSON.stringify({ tool_name: 'Bash', tool_input: { command }, cwd: project });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [hook], { input, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== expected) throw new Error(`hook exit ${result.status} for ${command}, expected ${expected}: ${result.stderr}`);
    return ms;
  };
  const floor = () => {
    const started = process.hrtime.bigint();
    spawnSync(process.execPath, ['-e', '0']);
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const cases = [
    ['node -e 0 (floor)', floor],
    ['allowed: npm test', () => call('npm test', 0)],
    ['blocked: bash -c "git push origin HEAD:production"', () => call('bash -c "git push origin HEAD:production"', 2)],
    ['blocked via config: ./scripts/ship.sh 1.2.3 (loads yaml)', () => call('./scripts/ship.sh 1.2.3', 2)],
  ];
  const rows = [];
  for (const [name, run] of cases) {
    run();
    const times = Array.from({ length: RUNS }, run);
    rows.push([name, median(times).toFixed(1), '']);
  }
  const floorMs = Number(rows[0][1]);
  for (const row of rows.slice(1)) row[2] = (Number(row[1]) - floorMs).toFixed(1);
  // The hook's own work without Node's start-up: guardHook() in process, median of 201 calls per case.
  const { guardHook } = await import(pathToFileURL(hook).href);
  for (const [name, command] of [['in process: npm test', 'npm test'], ['in process: bash -c "git push origin HEAD:production"', 'bash -c "git push origin HEAD:production"'], ['in process: ./scripts/ship.sh 1.2.3', './scripts/ship.sh 1.2.3']]) {
    const input = JSON.stringify({ tool_name: 'Bash', tool_input: { command }, cwd: project });
    await guardHook(input);
    const times = [];
    for (let i = 0; i < 201; i += 1) {
      const started = process.hrtime.bigint();
      await guardHook(input);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    rows.push([name, median(times).toFixed(2), '']);
  }
  console.log(`hook: ${source}\n`);
  console.log(formatTable(['case', 'median ms', 'above node -e 0'], rows));
  const worst = Math.max(...rows.slice(1, 4).map((r) => Number(r[1])));
  console.log(`\ngoal: < 50 ms per call → ${worst < 50 ? 'met' : 'NOT met'} (worst case ${worst.toFixed(1)} ms, node -e 0 alone ${floorMs.toFixed(1)} ms; runs: ${RUNS})`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
