// Deploy benchmark (needs `npm run build`): on the local platform (examples/platform/router.mjs) with
// the sample app's real servers and the built CLI (gate → bump → deploy, the real path):
//  1. time to recover: a bad release (500s on /api/status) takes 50% canary traffic; from the first
//     failing request to all traffic back on the previous release, with interval 1s and failure
//     limit 2 (goal < 4 s; Flagger/Argo Rollouts need interval × threshold, a minute or more by default);
//  2. failed requests while a good release goes out canary and blue-green under 200 requests/s (goal 0).
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const CLI = resolve(here, '../mcp-server/dist/cli.js');
const EXAMPLES = resolve(here, '../examples');
const RATE = 200;
if (!existsSync(CLI)) {
  console.error('Build first: npm run build');
  process.exit(1);
}

const env = { ...process.env, CI: '1', GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'b@example.com', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'b@example.com' };
const base = await mkdtemp(join(tmpdir(), 'shipgate-bench-deploy-'));
// Gate state (receipts, key) goes to a temp state folder, never the user's ~/.local/state.
process.env.SHIPGATE_STATE_DIR = join(base, 'state');
const root = join(base, 'app');
const git = (...args) => execFileSync('git', args, { cwd: root, env, encoding: 'utf8' }).trim();
const cli = (...args) => new Promise((ok) => { const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] }); let out = ''; child.stdout.on('data', (d) => { out += d; }); child.stderr.on('data', (d) => { out += d; }); child.on('exit', (code) => ok({ code, out })); });

await cp(EXAMPLES, root, { recursive: true, filter: (s) => !s.includes('.platform') });
const router = spawn(process.execPath, [join(root, 'platform', 'router.mjs'), '--repo', root], { stdio: 'ignore' });
let url = '';
for (let i = 0; i < 200 && !url; i += 1) {
  await new Promise((r) => setTimeout(r, 25));
  if (existsSync(join(root, '.platform', 'url'))) url = readFileSync(join(root, '.platform', 'url'), 'utf8').trim();
}
const configFile = join(root, 'shipgate.config.yaml');
let config = (await readFile(configFile, 'utf8')).replaceAll('http://127.0.0.1:8080', url);
// The bad release passes its pre-traffic checks (its fault starts after 100 requests) and meets real traffic.
config = config.replace(/      steps:\n.*\n.*\n/, '      steps:\n        - { weight: 50, pause: 6s }\n').replace('duration: 4s', 'duration: 3s').replace(/retries: 1/g, 'retries: 0');
await writeFile(configFile, config);
execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
git('add', '-A');
git('commit', '-q', '-m', 'chore: sample app 1.0.0');
git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
const admin = async (action, body) => (await fetch(`${url}/__admin/${action}`, { method: body ? 'POST' : 'GET', body: body ? JSON.stringify(body) : undefined })).json();
await admin('deploy', { color: 'stable', sha: git('rev-parse', 'HEAD') });

function load(target, rate) {
  const stats = { sent: 0, failed: 0, firstFailureAt: undefined, lastFailureAt: undefined };
  const inflight = new Set();
  let budget = 0;
  const timer = setInterval(() => {
    budget += rate / 100;
    while (budget >= 1) {
      budget -= 1;
      stats.sent += 1;
      const p = fetch(target, { signal: AbortSignal.timeout(5000) }).then(async (r) => { await r.arrayBuffer(); if (!r.ok) fail(); }).catch(fail).finally(() => inflight.delete(p));
      inflight.add(p);
    }
  }, 10);
  function fail() { const now = Date.now(); stats.failed += 1; stats.firstFailureAt ??= now; stats.lastFailureAt = now; }
  return { stats, stop: async () => { clearInterval(timer); await Promise.all([...inflight]); return stats; } };
}

async function shipRelease(message, fault) {
  const faultFile = join(root, 'sample-app', 'fault.json');
  if (fault) await writeFile(faultFile, JSON.stringify(fault)); else await rm(faultFile, { force: true });
  git('add', '-A');
  git('commit', '-q', '-m', message);
  const gate = await cli('gate', '--env', 'production');
  if (gate.code !== 0) throw new Error(`gate failed:\n${gate.out}`);
  const bump = await cli('bump', 'patch');
  if (bump.code !== 0) throw new Error(`bump failed:\n${bump.out}`);
}

const results = [];
try {
  // 1. Time to recover.
  await shipRelease('fix: status payload', { mode: 'error', paths: ['/api/status'], after: 100 });
  const traffic = load(`${url}/api/status`, RATE);
  let recoveredAt;
  let sawCanary = false;
  const watcher = setInterval(async () => {
    const s = (await admin('status')).status;
    if (s.candidate) sawCanary = true;
    if (sawCanary && !s.candidate && recoveredAt === undefined) recoveredAt = Date.now();
  }, 10);
  const deploy = await cli('deploy', '--env', 'production');
  clearInterval(watcher);
  await new Promise((r) => setTimeout(r, 300));
  const stats = await traffic.stop();
  const recoverMs = recoveredAt && stats.firstFailureAt ? recoveredAt - stats.firstFailureAt : NaN;
  results.push({ measure: 'time to recover (first failing request → all traffic on previous)', value: `${recoverMs} ms`, goal: '< 4000 ms', ok: recoverMs < 4000, detail: `exit ${deploy.code}; ${stats.failed}/${stats.sent} requests failed in total` });

  // 2. Zero failed requests: canary and blue-green of good releases under load.
  for (const strategy of ['canary', 'blue-green']) {
    await shipRelease(`fix: good release for ${strategy}`);
    const run = load(`${url}/api/status`, RATE);
    const result = await cli('deploy', '--env', 'production', '--strategy', strategy);
    await new Promise((r) => setTimeout(r, 1200));
    const s = await run.stop();
    results.push({ measure: `failed requests, ${strategy} of a good release at ${RATE} req/s`, value: `${s.failed} / ${s.sent}`, goal: '0', ok: s.failed === 0 && result.code === 0, detail: `exit ${result.code}` });
  }
} finally {
  router.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300));
  await rm(base, { recursive: true, force: true });
}

console.log('| measure | value | goal | ok | detail |\n|---|---|---|---|---|');
for (const r of results) console.log(`| ${r.measure} | ${r.value} | ${r.goal} | ${r.ok ? 'yes' : 'NO'} | ${r.detail} |`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
