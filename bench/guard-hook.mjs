// Benchmark: the PreToolUse guard, as Claude Code calls it before every Bash/Write/Edit call.
// 1. Spawn to exit, side by side with `node -e 0` (the floor any Node hook pays): the two run in
//    turn (in pairs, which one first drawn at random) with the same environment and the same stdin, and the difference is taken
//    pair by pair, so drift in the machine's speed cancels. Goal: median at most `node -e 0` + 10 ms.
// 2. In process: classifying 100,000-character commands of several shapes. Goal: < 50 ms each.
// The load average is printed beside the figures: on a busy machine both sides slow down.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { formatTable } from './lib/measure.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 41);
const base = mkdtempSync(join(tmpdir(), 'shipgate-bench-guard-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

try {
  // Built here with scripts/build.mjs's guard options rather than read from dist/, which a
  // concurrent `npm run build` may be replacing.
  const { buildGuard } = await import(pathToFileURL(join(ROOT, 'scripts/build.mjs')).href);
  await buildGuard(join(base, 'dist'), ROOT, { logLevel: 'error' });
  const hook = join(base, 'dist/guard-hook.cjs');
  const project = join(base, 'project');
  mkdirSync(join(project, '.git'), { recursive: true });
  writeFileSync(join(project, 'shipgate.config.yaml'), 'environments:\n  production:\n    provider:\n      type: command\n      deploy: [./scripts/ship.sh, "{version}"]\n');
  const env = { ...process.env, XDG_STATE_HOME: join(base, 'state') };
  const input = (command) => JSON.stringify({ tool_name: 'Bash', tool_input: { command }, cwd: project });
  // CPU time of each child (user + system, all its threads), reported by a preload on both sides:
  // unlike wall time it barely moves when other work competes for the processors.
  const preload = join(base, 'cpu-at-exit.cjs');
  writeFileSync(preload, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`CPU:${u.user + u.system}\\n`); });\n");
  const timed = (argv, stdin) => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['-r', preload, ...argv], { input: stdin, encoding: 'utf8', env });
    const cpu = Number(/CPU:(\d+)/.exec(result.stderr)?.[1] ?? NaN) / 1000;
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, cpu, result };
  };
  const fileTool = (tool, path) => JSON.stringify({ tool_name: tool, tool_input: { file_path: path, content: 'x' }, cwd: project });
  const cases = [
    ['allowed: npm test', 'npm test', false],
    ['refused: bash -c "git push origin HEAD:production"', 'bash -c "git push origin HEAD:production"', true],
    ['refused via config: ./scripts/ship.sh 1.2.3', './scripts/ship.sh 1.2.3', true],
    ['allowed: Write src/index.ts (file tool)', fileTool('Write', join(project, 'src/index.ts')), false],
    ['refused: Edit of a receipt in the state root (file tool)', fileTool('Edit', join(base, 'state/shipgate/projects/x/receipts/production.json')), true],
  ];
  console.log(`node ${process.version}; NODE_EXTRA_CA_CERTS ${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'} (same on both sides); load average before: ${load()}\n`);
  const rows = [];
  let worst = -Infinity;
  let worstCpu = -Infinity;
  for (const [name, command, refused] of cases) {
    const stdin = command.startsWith('{') ? command : input(command);
    timed([hook], stdin); // warm the policy cache (the first call after a config change parses YAML)
    const floors = [];
    const hooks = [];
    const diffs = [];
    const cpuDiffs = [];
    for (let i = 0; i < RUNS; i += 1) {
      // Which side goes first is drawn per pair: a disturbance that comes and goes with the machine's
      // own rhythm would otherwise always land on the same side.
      const hookFirst = Math.random() < 0.5;
      const first = timed(hookFirst ? [hook] : ['-e', '0'], stdin);
      const second = timed(hookFirst ? ['-e', '0'] : [hook], stdin);
      const [a, b] = hookFirst ? [first, second] : [second, first];
      const denied = a.result.stdout.includes('"permissionDecision":"deny"');
      if (a.result.status !== 0 || denied !== refused) throw new Error(`hook answered ${a.result.status} ${a.result.stdout} for ${command}`);
      hooks.push(a.ms);
      floors.push(b.ms);
      diffs.push(a.ms - b.ms);
      cpuDiffs.push(a.cpu - b.cpu);
    }
    const diff = median(diffs);
    worst = Math.max(worst, diff);
    worstCpu = Math.max(worstCpu, median(cpuDiffs));
    rows.push([name, median(hooks).toFixed(1), median(floors).toFixed(1), diff.toFixed(1), median(cpuDiffs).toFixed(1)]);
  }
  // Not in the goal, shown for honesty: the first call after an install, an upgrade or a new Node has
  // no code cache yet, so it compiles the classifier, answers, then warms and writes the cache.
  {
    const stdin = input(cases[0][1]);
    const firstRuns = Math.max(5, Math.floor(RUNS / 4));
    const diffs = [];
    const hooks = [];
    const floors = [];
    for (let i = 0; i < firstRuns; i += 1) {
      rmSync(join(base, 'state', 'shipgate', 'guard-code'), { recursive: true, force: true });
      const a = timed([hook], stdin);
      const b = timed(['-e', '0'], stdin);
      hooks.push(a.ms);
      floors.push(b.ms);
      diffs.push(a.ms - b.ms);
    }
    rows.push([`first call, no code cache yet (${cases[0][0]}; not in the goal)`, median(hooks).toFixed(1), median(floors).toFixed(1), median(diffs).toFixed(1), '-']);
  }
  console.log(formatTable(['case (spawn to exit)', 'hook median ms', 'node -e 0 median ms', 'median pairwise difference, wall ms', 'median pairwise difference, CPU ms'], rows));
  console.log(`\ngoal: hook at most node -e 0 + 10 ms → wall ${worst <= 10 ? 'met' : 'NOT met'} (worst case +${worst.toFixed(1)} ms), CPU ${worstCpu <= 10 ? 'met' : 'NOT met'} (worst case +${worstCpu.toFixed(1)} ms); ${RUNS} pairs per case; load average after: ${load()}`);

  // In process: the classifier alone, bundled from source.
  const classifier = join(base, 'classify.mjs');
  await build({ stdin: { contents: "export { classifyCommand } from './mcp-server/src/gates/guard/classify-command.ts'; export { fsLookup } from './mcp-server/src/gates/guard/fs-lookup.ts'; export { DEFAULT_GUARD_POLICY } from './mcp-server/src/gates/guard/guard-policy.ts';", resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'esm', outfile: classifier, logLevel: 'error' });
  const { classifyCommand, fsLookup, DEFAULT_GUARD_POLICY } = await import(pathToFileURL(classifier).href);
  const shapes = {
    'one command, 12,000 words': ('npm run build xxxxxxxxxx ').repeat(4000),
    '10,000 simple commands': 'echo hello && ls -la; '.repeat(5000),
    'quotes and $\'…\' strings': '"a b c" \'d e\' $\'f\\ng\' '.repeat(5000),
    '12,000 command substitutions': 'echo $(echo a) `b` ; '.repeat(6000),
    '5,000 git pushes (repo lookups)': 'git push origin feature; '.repeat(5000),
    '20,000 path arguments': `foo ${'a/b/c '.repeat(20000)}`,
    'one 100,000-character word': 'a'.repeat(100_000),
    'brace expansions (2,000 × 512 words, capped)': 'echo {a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}{o,p}{q,r} ; '.repeat(2000),
    '1,000 loops of 16 values each': 'for b in a b c d e f g h i j k l m n o p; do git push origin $b; done; '.repeat(1000),
    '2,500 xargs -I{} git push': 'echo a b c | xargs -I{} git push origin {}; '.repeat(2500),
    '3,500 function definitions and calls': 'f() { echo "$@"; }; f a b; '.repeat(3500),
    // Every word of a writing command is resolved through symlinks (none is skipped past a limit).
    '15,000 distinct words written (tee)': `tee ${Array.from({ length: 15000 }, (_, i) => `f${i}`).join(' ')}`,
    '7,000 redirections to distinct files': Array.from({ length: 7000 }, (_, i) => `echo > o${i}`).join('; '),
  };
  const inProcess = [];
  let slowest = 0;
  for (const [name, text] of Object.entries(shapes)) {
    const command = text.slice(0, 100_000);
    const context = () => ({ policy: DEFAULT_GUARD_POLICY, env: process.env, cwd: project, files: fsLookup() });
    classifyCommand(command, context());
    const times = [];
    for (let i = 0; i < 11; i += 1) {
      const started = process.hrtime.bigint();
      classifyCommand(command, context());
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    slowest = Math.max(slowest, median(times));
    inProcess.push([name, command.length, median(times).toFixed(1)]);
  }
  console.log(`\n${formatTable(['100,000-character command', 'characters', 'median ms (in process)'], inProcess)}`);
  console.log(`\ngoal: < 50 ms → ${slowest < 50 ? 'met' : 'NOT met'} (slowest ${slowest.toFixed(1)} ms; load average: ${load()})`);
} finally {
  rmSync(base, { recursive: true, force: true });
}
