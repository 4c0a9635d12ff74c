// Benchmark: plan a release over 10,000 Conventional Commits since the last tag.
// `shipgate bump --dry-run` vs `commit-and-tag-version --dry-run` on copies of the same repository
// (built with `git fast-import`). Prints median of 3 for each, and the ratio (goal: ≤ 30%).
// Needs the bundle: `flock /tmp/build.lock npm run build` first.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'mcp-server/dist');
const PEER = join(ROOT, 'node_modules/commit-and-tag-version/bin/cli.js');
const COMMITS = Number(process.env.BENCH_COMMITS ?? 10_000);
const RUNS = 3;

if (!existsSync(join(DIST, 'cli.js'))) throw new Error('Build the bundle first: flock /tmp/build.lock npm run build');
const base = mkdtempSync(join(tmpdir(), 'shipgate-bench-release-'));
// Run a private copy of the bundle, so a concurrent `npm run build` cannot pull it away mid-run.
execFileSync('flock', ['/tmp/build.lock', 'cp', '-r', DIST, join(base, 'dist')]);
const CLI = join(base, 'dist/cli.js');
if (!existsSync(CLI)) throw new Error('Build the bundle first: flock /tmp/build.lock npm run build');
try {
  const source = join(base, 'source');
  execFileSync('git', ['init', '-q', '-b', 'main', source]);
  execFileSync('git', ['fast-import', '--quiet'], { cwd: source, input: fastImportStream(COMMITS), maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: source });
  for (const [k, v] of [['user.name', 'Bench'], ['user.email', 'bench@test.invalid']]) execFileSync('git', ['config', k, v], { cwd: source });

  const results = [];
  for (const [name, argv] of [
    ['shipgate bump --dry-run', [CLI, 'bump', '--dry-run']],
    ['commit-and-tag-version --dry-run', [PEER, '--dry-run']],
  ]) {
    const copy = join(base, name.split(' ')[0]);
    cpSync(source, copy, { recursive: true });
    const times = [];
    let output = '';
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      const run = spawnSync(process.execPath, argv, { cwd: copy, encoding: 'utf8', maxBuffer: 1 << 28 });
      times.push(performance.now() - started);
      if (run.status !== 0) throw new Error(`${name} failed (${run.status}): ${run.stderr}`);
      output = run.stdout;
    }
    times.sort((a, b) => a - b);
    const next = /→ (\S+)/.exec(output)?.[1] ?? /bumping version in package\.json from \S+ to (\S+)/.exec(output)?.[1] ?? '?';
    results.push({ name, median: times[1], next });
  }
  const [ours, peer] = results;
  console.log(`Plan a release over ${COMMITS.toLocaleString('en')} conventional commits since the last tag (median of ${RUNS}, ${process.platform} node ${process.version})`);
  console.log('| tool | median | next version |');
  console.log('|---|---:|---|');
  for (const r of results) console.log(`| ${r.name} | ${(r.median / 1000).toFixed(2)} s | ${r.next} |`);
  const ratio = ours.median / peer.median;
  console.log(`\nshipgate takes ${(ratio * 100).toFixed(1)}% of commit-and-tag-version's time (goal ≤ 30%): ${ratio <= 0.3 ? 'PASS' : 'FAIL'}`);
  if (ours.next !== peer.next) console.log(`WARNING: next versions differ (${ours.next} vs ${peer.next})`);
  process.exitCode = ratio <= 0.3 ? 0 : 1;
} finally {
  rmSync(base, { recursive: true, force: true });
}

function fastImportStream(count) {
  const parts = [];
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let time = 1_700_000_000;
  const who = () => `Bench <bench@test.invalid> ${time++} +0000`;
  const pkg = JSON.stringify({ name: 'bench-app', version: '1.0.0', private: true }, null, 2) + '\n';
  parts.push('commit refs/heads/main\nmark :1\n', `committer ${who()}\n`, data('chore: initial'), 'M 644 inline package.json\n', data(pkg));
  parts.push('tag v1.0.0\nfrom :1\n', `tagger ${who()}\n`, data('Release v1.0.0'));
  const kinds = ['feat(api): add endpoint', 'fix: handle edge case', 'perf(db): faster query', 'chore: update deps', 'docs: clarify usage', 'refactor(core): simplify'];
  for (let i = 0; i < count; i++) {
    const message = `${kinds[i % kinds.length]} #${i}\n\nBody of commit ${i}.\n\nRefs #${i}`;
    parts.push(`commit refs/heads/main\nmark :${i + 2}\n`, `committer ${who()}\n`, data(message), `from :${i + 1}\n`, 'M 644 inline counter.txt\n', data(`${i}\n`));
  }
  return parts.join('');
}
