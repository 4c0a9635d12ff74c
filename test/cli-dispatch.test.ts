import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { main } from '../mcp-server/src/cli/main.js';

function capture() {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  return { stdout, stderr, out: () => out, err: () => err };
}

describe('cli dispatcher', () => {
  it('rejects an unknown command with exit 2 and names the known ones', async () => {
    const io = capture();
    const code = await main(['frobnicate'], { cwd: process.cwd(), stdout: io.stdout, stderr: io.stderr, env: {}, now: () => new Date() });
    expect(code).toBe(2);
    expect(io.err()).toContain('Unknown command "frobnicate"');
    expect(io.err()).toContain('validate');
  });

  it('prints one JSON document on stdout for --json errors', async () => {
    const io = capture();
    const code = await main(['frobnicate', '--json'], { cwd: process.cwd(), stdout: io.stdout, stderr: io.stderr, env: {}, now: () => new Date() });
    expect(code).toBe(2);
    const doc = JSON.parse(io.out());
    expect(doc).toMatchObject({ ok: false, error: { code: 'usage' } });
  });

  it('rejects unknown options of a known command as a usage error', async () => {
    const io = capture();
    const code = await main(['history', '--no-such-flag'], { cwd: process.cwd(), stdout: io.stdout, stderr: io.stderr, env: {}, now: () => new Date() });
    expect(code).toBe(2);
    expect(io.err()).toMatch(/no-such-flag/);
  });
});
