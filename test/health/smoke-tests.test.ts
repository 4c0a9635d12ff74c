import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '../../mcp-server/src/errors.js';
import { loadSmokeTests, runSmokeTests } from '../../mcp-server/src/health/smoke-tests.js';
import { reply, startServer, type TestServer } from './http-fixture.js';

let dir = '';
let server: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-smoke-'));
  server = await startServer((req, res, body) => {
    if (req.url === '/' && req.method === 'GET') return reply(res, 200, '<h1>Welcome to the app</h1>');
    if (req.url === '/api/login' && req.method === 'POST') {
      const parsed = JSON.parse(body || '{}') as { user?: string };
      const json = req.headers['content-type'] === 'application/json';
      return reply(res, parsed.user === 'smoke' && json && req.headers['x-smoke'] === '1' ? 201 : 400, `logged in as ${parsed.user}`);
    }
    return reply(res, 404, 'nope');
  });
});

afterAll(async () => {
  await server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('loadSmokeTests', () => {
  it('reads an array and fills defaults', async () => {
    const tests = await loadSmokeTests(await file('a.json', JSON.stringify([{ name: 'home', path: '/' }])));
    expect(tests).toEqual([{ name: 'home', path: '/', method: 'GET', headers: {}, expected_status: 200 }]);
  });

  it('reads { tests: [...] }', async () => {
    const tests = await loadSmokeTests(await file('b.json', JSON.stringify({ tests: [{ path: '/a' }, { path: '/b', method: 'POST', body: { x: 1 } }] })));
    expect(tests.map((t) => [t.method, t.path])).toEqual([
      ['GET', '/a'],
      ['POST', '/b'],
    ]);
  });

  it('names the entry index and key of a bad entry', async () => {
    const path = await file('c.json', JSON.stringify({ tests: [{ path: '/' }, { name: 'login', expected_status: '200' }] }));
    const error = await loadSmokeTests(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('tests[1].path: Required');
    expect(message).toContain('tests[1].expected_status: Expected number, received string');
    expect((error as ConfigError).details.where).toBe(`${path}: tests[1].path`);
  });

  it('rejects unknown keys, so typos are caught', async () => {
    const error = await loadSmokeTests(await file('d.json', JSON.stringify([{ path: '/', expected_stauts: 200 }]))).catch((e: unknown) => e);
    expect((error as ConfigError).message).toMatch(/\[0\]: Unrecognized key\(s\) in object: 'expected_stauts'/);
  });

  it('explains invalid JSON, a wrong top-level shape and a missing file', async () => {
    await expect(loadSmokeTests(await file('e.json', '[{"path": "/",]'))).rejects.toThrow(/is not valid JSON/);
    await expect(loadSmokeTests(await file('f.json', '"hello"'))).rejects.toThrow(/must be a JSON array of tests or an object/);
    await expect(loadSmokeTests(join(dir, 'missing.json'))).rejects.toThrow(/Cannot read the smoke tests file .*\(ENOENT\)/);
  });
});

describe('runSmokeTests', () => {
  it('runs requests in order with methods, headers and JSON bodies', async () => {
    const tests = await loadSmokeTests(
      await file(
        'run.json',
        JSON.stringify([
          { name: 'home', path: '/', expected_body_contains: 'Welcome' },
          { name: 'login', method: 'POST', path: '/api/login', headers: { 'x-smoke': '1' }, body: { user: 'smoke' }, expected_status: 201, expected_body_contains: 'smoke' },
        ]),
      ),
    );
    const before = server.requests.length;
    const report = await runSmokeTests({ baseUrl: server.url, tests });
    expect(report.ok).toBe(true);
    expect(report.results.map((r) => [r.name, r.status, r.ok])).toEqual([
      ['home', 200, true],
      ['login', 201, true],
    ]);
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.url}`)).toEqual(['GET /', 'POST /api/login']);
  });

  it('reports wrong status and missing body text per test', async () => {
    const tests = await loadSmokeTests(
      await file(
        'fail.json',
        JSON.stringify([
          { name: 'missing page', path: '/nope' },
          { name: 'wrong text', path: '/', expected_body_contains: 'Goodbye' },
        ]),
      ),
    );
    const report = await runSmokeTests({ baseUrl: server.url, tests });
    expect(report.ok).toBe(false);
    expect(report.results[0]).toMatchObject({ ok: false, status: 404, error: 'expected status 200, got 404' });
    expect(report.results[1]!.error).toBe('expected the body to contain "Goodbye", got "<h1>Welcome to the app</h1>"');
  });
});
