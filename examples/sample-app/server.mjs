// The sample app: a plain Node HTTP server with no dependencies. Its version comes from package.json.
// A release is "bad" when fault.json sits next to this file: {"mode":"error"} answers 500s,
// {"mode":"hang"} never answers /health; "paths": [...] limits an error fault to those paths, "after": N starts it after N requests. That is how the demo and the tests ship a broken version
// for real (the fault is in the commit, not in a flag passed at deploy time).
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const version = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8')).version;
const faultFile = existsSync(join(here, 'fault.json')) ? JSON.parse(readFileSync(join(here, 'fault.json'), 'utf8')) : {};
const fault = faultFile.mode;
// Optional "paths": the fault only hits those paths (a bug the app's own /health test does not see).
const faultPaths = Array.isArray(faultFile.paths) ? faultFile.paths : undefined;
// Optional "after": the fault starts after that many requests (a leak that shows only under real traffic).
const faultAfter = Number(faultFile.after ?? 0);
let served = 0;
const started = Date.now();
const counts = new Map();

function count(path, status) {
  const key = `${path}|${status}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

const server = createServer((request, response) => {
  const path = (request.url ?? '/').split('?')[0];
  const send = (status, body, type = 'application/json') => {
    count(path, status);
    response.writeHead(status, { 'content-type': type, 'x-app-version': version });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  if (path === '/metrics') {
    const lines = ['# HELP http_requests_total Requests served.', '# TYPE http_requests_total counter'];
    for (const [key, value] of counts) {
      const [p, status] = key.split('|');
      lines.push(`http_requests_total{path="${p}",status="${status}",version="${version}"} ${value}`);
    }
    lines.push('# HELP app_info Version running.', '# TYPE app_info gauge', `app_info{version="${version}"} 1`);
    return send(200, `${lines.join('\n')}\n`, 'text/plain; version=0.0.4');
  }
  if (fault === 'hang' && path === '/health') return; // never answers
  if (path !== '/metrics') served += 1;
  if (fault === 'error' && (!faultPaths || faultPaths.includes(path)) && served > faultAfter) return send(500, { error: 'internal error', version });
  if (path === '/health') return send(200, { status: 'ok', version });
  if (path === '/api/status') return send(200, { status: 'operational', version, uptimeMs: Date.now() - started });
  if (path === '/api/version') return send(200, { version });
  if (path === '/') return send(200, `<h1>sample app ${version}</h1>`, 'text/html');
  return send(404, { error: 'not found' });
});

server.keepAliveTimeout = 5_000;
server.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`sample-app ${version} listening on ${address.port}${fault ? ` (fault: ${fault})` : ''}\n`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
