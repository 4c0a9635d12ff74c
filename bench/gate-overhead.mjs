// Benchmark: gate engine overhead. A gate skill with 8 blocking checks whose command is `true`, run on
// a real temp git repository, in process (bundled with esbuild like the shipped server). Overhead =
// the gate run's wall time minus the time the 8 commands take on their own through the same spawner
// (exec/run.ts runScript, 8 sequential `true`). Median of 15 runs after 2 warm-ups. Goal: ≤ 30 ms.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  const gateTimes = [];
  const commandTimes = [];
  for (let i = 0; i < RUNS; i += 1) {
    let t = performance.now();
    for (let j = 0; j < 8; j += 1) await runScript('true', { cwd: project, timeoutMs: 60_000 });
    commandTimes.push(performance.now() - t);
    t = performance.now();
    const result = await runGate({ projectRoot: project, environment: 'production', now });
    gateTimes.push(performance.now() - t);
    if (!result.ok) throw new Error('gate failed during the bench');
  }
  const gateMs = median(gateTimes);
  const commandsMs = median(commandTimes);
  const overhead = median(gateTimes.map((g, i) => g - commandTimes[i]));
  console.log(formatTable(['measure', 'median ms'], [
    ['gate run, 8 `true` checks (warm)', gateMs.toFixed(1)],
    ['the 8 commands alone (runScript)', commandsMs.toFixed(1)],
    ['overhead = gate - commands', overhead.toFixed(1)],
    ['first run in a fresh process (cold)', coldMs.toFixed(1)],
  ]));
  console.log(`\ngoal: overhead ≤ 30 ms → ${overhead <= 30 ? 'met' : 'NOT met'} (runs: ${RUNS})`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
