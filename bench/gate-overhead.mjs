// Benchmark: gate engine overhead. A gate skill with 8 blocking checks whose command is `true`, run on
// a real temp git repository, in process (bundled with esbuild like the shipped server). Overhead =
// the gate run's wall time minus the time the 8 commands take on their own through the same spawner
// (exec/run.ts runScript, 8 sequential `true`), each gate run paired with the command run just before it.
// The measured gate is the whole engine: the clean-tree check (git status), config and gate skill
// loading, the receipt and the learnings event. Median and min–max of 15 runs after 2 warm-ups, with
// the load average beside them (both sides slow down on a busy machine). Goal: ≤ 30 ms.
// The gate's own phases (from its progress events) say where the overhead sits: before the first
// check starts, and after the last check ends (receipt + learnings event).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { formatTable } from './lib/measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const base = mkdtempSync(join(tmpdir(), 'shipgate-bench-gate-'));
// Gate state (receipts, key) goes to a temp state folder, never the user's ~/.local/state.
process.env.SHIPGATE_STATE_DIR = join(base, 'state');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

try {
  const lib = join(base, 'gate.mjs');
  await build({
    stdin: { contents: "export { runGate } from './mcp-server/src/gates/run-gate.ts'; export { runScript } from './mcp-server/src/exec/run.ts';", resolveDir: ROOT, loader: 'ts' },
    outfile: lib, bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const { runGate, runScript } = await import(pathToFileURL(lib).href);

  const project = join(base, 'project');
  mkdirSync(join(project, '.claude/skills/gate'), { recursive: true });
  const checks = Array.from({ length: 8 }, (_, i) => `- <check id="check_${i}">\n  <command>true</command>\n  <expected>Exit code 0</expected>\n</check>`).join('\n');
  writeFileSync(join(project, '.claude/skills/gate/SKILL.md'), `---\nname: bench-gate\ndescription: Eight trivial checks.\n---\n\n<safety_gate type="blocking">\n<checks>\n${checks}\n</checks>\n</safety_gate>\n`);
  writeFileSync(join(project, 'shipgate.config.yaml'), 'environments:\n  production:\n    gates: [.claude/skills/gate/SKILL.md]\n    provider: { type: git-push }\n');
  const git = (...args) => execFileSync('git', args, { cwd: project, env: { ...process.env, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@e', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@e' } });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'bench');
  const now = () => new Date('2026-11-18T10:00:00Z');

  const cold = performance.now();
  const first = await runGate({ projectRoot: project, environment: 'production', now });
  const coldMs = performance.now() - cold;
  if (!first.ok) throw new Error(`bench gate did not pass: ${JSON.stringify(first.blockedBy)}`);
  await runGate({ projectRoot: project, environment: 'production', now });

  const loadBefore = load();
  const gateTimes = [];
  const commandTimes = [];
  const before = [];
  const after = [];
  for (let i = 0; i < RUNS; i += 1) {
    let t = performance.now();
    for (let j = 0; j < 8; j += 1) await runScript('true', { cwd: project, timeoutMs: 60_000 });
    commandTimes.push(performance.now() - t);
    let firstStarted = 0;
    let lastEnded = 0;
    const onProgress = (event) => {
      if (event.status === 'running' && event.index === 0) firstStarted = performance.now();
      if (event.status !== 'running' && event.index === event.total - 1) lastEnded = performance.now();
    };
    t = performance.now();
    const result = await runGate({ projectRoot: project, environment: 'production', now, onProgress });
    const ended = performance.now();
    gateTimes.push(ended - t);
    before.push(firstStarted - t);
    after.push(ended - lastEnded);
    if (!result.ok) throw new Error('gate failed during the bench');
  }
  const overheads = gateTimes.map((g, i) => g - commandTimes[i]);
  const overhead = median(overheads);
  const row = (name, xs) => [name, median(xs).toFixed(1), spread(xs)];
  console.log(formatTable(['measure', 'median ms', 'min–max ms'], [
    row('gate run, 8 `true` checks (warm)', gateTimes),
    row('the 8 commands alone (runScript)', commandTimes),
    row('overhead = gate - commands', overheads),
    row('  gate start → first check starts', before),
    row('  last check ends → gate returns', after),
    ['first run in a fresh process (cold)', coldMs.toFixed(1), '–'],
  ]));
  console.log(`\nload average (1/5/15 min): ${loadBefore} before, ${load()} after; node ${process.version}; ${RUNS} runs`);
  console.log(`goal: overhead ≤ 30 ms → ${overhead <= 30 ? 'met' : 'NOT met'}`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
