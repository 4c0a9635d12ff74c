// A tiny local "platform" for the demo and the tests: a reverse proxy on 127.0.0.1 that runs the sample
// app's releases (each from a git worktree of the release commit) in slots blue, green and canary, and
// splits requests between the primary slot and a weighted candidate. shipgate's `command` provider
// drives it through ctl.mjs (argv only, no shell). Admin API under /__admin/, previews under
// /__color/<color>/. Usage: node router.mjs --repo <git repo> [--port 0]. Writes <repo>/.platform/url.
import { createServer, request as httpRequest, Agent } from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { repo: { type: 'string' }, port: { type: 'string', default: '0' } } });
const repo = resolve(values.repo ?? process.cwd());
const stateDir = join(repo, '.platform');
mkdirSync(stateDir, { recursive: true });
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

/** color → { sha, version, port, child } */
const slots = new Map();
let primary = 'blue';
let candidate; // { color, weight }
let counter = 0;

const freePort = () => new Promise((ok) => { const s = createNetServer(); s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
const other = (color) => (color === 'green' ? 'blue' : 'green');

async function start(sha) {
  const dir = join(stateDir, 'releases', sha);
  if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', '--force', dir, sha], { cwd: repo, stdio: 'ignore' });
  const port = await freePort();
  const child = spawn(process.execPath, [join(dir, 'sample-app', 'server.mjs')], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const version = JSON.parse(readFileSync(join(dir, 'sample-app', 'package.json'), 'utf8')).version;
  for (let i = 0; i < 100; i += 1) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/version`, { signal: AbortSignal.timeout(500) });
      return { sha, version, port, child };
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child.kill();
  throw new Error(`release ${sha} did not start on port ${port}`);
}

function stop(slot) {
  // Let in-flight requests finish before the old process goes.
  if (slot) setTimeout(() => slot.child.kill('SIGTERM'), 1_000);
}

async function deploy(color, sha) {
  const target = color === 'stable' ? primary : color;
  const next = await start(sha);
  const old = slots.get(target);
  slots.set(target, next);
  stop(old);
  return target;
}

function setWeight(color, weight) {
  if (color === 'blue' || color === 'green') {
    if (!slots.has(weight >= 50 ? color : other(color))) throw new Error(`slot ${weight >= 50 ? color : other(color)} runs nothing`);
    primary = weight >= 50 ? color : other(color);
    candidate = undefined;
  } else {
    if (weight > 0 && !slots.has(color)) throw new Error(`slot ${color} runs nothing`);
    candidate = weight > 0 ? { color, weight } : undefined;
  }
}

function promote(color) {
  if (color === 'canary') {
    const canary = slots.get('canary');
    if (!canary) throw new Error('no canary to promote');
    const old = slots.get(primary);
    slots.set(primary, canary);
    slots.delete('canary');
    candidate = undefined;
    stop(old);
  } else if (color === 'blue' || color === 'green') {
    primary = color;
    const retired = other(color);
    stop(slots.get(retired));
    slots.delete(retired);
  }
}

async function undo(color, sha) {
  if (color === 'canary') {
    candidate = undefined;
    stop(slots.get('canary'));
    slots.delete('canary');
    return;
  }
  const target = color === 'stable' ? primary : color;
  if (slots.get(target)?.sha !== sha) await deploy(target, sha);
  primary = target;
}

function status() {
  return { primary, candidate: candidate ?? null, slots: Object.fromEntries([...slots].map(([c, s]) => [c, { sha: s.sha, version: s.version, port: s.port }])), live: slots.get(primary) ? { sha: slots.get(primary).sha, version: slots.get(primary).version } : null };
}

function pick() {
  if (candidate && slots.has(candidate.color)) {
    counter = (counter + 1) % 100;
    if (counter < candidate.weight) return slots.get(candidate.color);
  }
  return slots.get(primary);
}

function proxy(request, response, choose, path, retry = false) {
  const slot = choose();
  if (!slot) {
    response.writeHead(503, { 'content-type': 'application/json' });
    return response.end('{"error":"no release deployed"}');
  }
  const idempotent = request.method === 'GET' || request.method === 'HEAD';
  const upstream = httpRequest({ host: '127.0.0.1', port: slot.port, method: request.method, path, headers: request.headers, agent: retry ? false : agent }, (answer) => {
    response.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(response);
  });
  upstream.on('error', () => {
    // A pooled connection to a release that was just retired: retry a GET once, fresh, on what serves now.
    if (idempotent && !retry && !response.headersSent) return proxy(request, response, choose, path, true);
    if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' });
    response.end('{"error":"upstream failed"}');
  });
  if (idempotent) upstream.end();
  else request.pipe(upstream);
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
}

const server = createServer(async (request, response) => {
  const url = request.url ?? '/';
  if (url.startsWith('/__admin/')) {
    try {
      const action = url.slice('/__admin/'.length).split('?')[0];
      const body = request.method === 'POST' ? await readBody(request) : {};
      let result;
      if (action === 'deploy') result = { slot: await deploy(body.color, body.sha) };
      else if (action === 'weight') setWeight(body.color, Number(body.weight));
      else if (action === 'promote') promote(body.color);
      else if (action === 'undo') await undo(body.color, body.sha);
      else if (action !== 'status') throw new Error(`unknown admin action ${action}`);
      response.writeHead(200, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ ok: true, ...(result ?? {}), status: status() }));
    } catch (error) {
      response.writeHead(400, { 'content-type': 'application/json' });
      return response.end(JSON.stringify({ ok: false, error: error.message }));
    }
  }
  const preview = /^\/__color\/(blue|green|canary)(\/.*)?$/.exec(url);
  if (preview) return proxy(request, response, () => slots.get(preview[1]), preview[2] ?? '/');
  return proxy(request, response, pick, url);
});

server.keepAliveTimeout = 5_000;
server.listen(Number(values.port), '127.0.0.1', () => {
  const address = `http://127.0.0.1:${server.address().port}`;
  writeFileSync(join(stateDir, 'url'), `${address}\n`);
  process.stdout.write(`platform listening on ${address}\n`);
});

function shutdown() {
  for (const slot of slots.values()) slot.child.kill('SIGTERM');
  server.close();
  agent.destroy();
  setTimeout(() => process.exit(0), 200).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('exit', () => { for (const slot of slots.values()) slot.child.kill('SIGKILL'); });
