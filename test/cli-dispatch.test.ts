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

  it('suggests the closest command for a typo ("did you mean")', async () => {
    const io = capture();
    const code = await main(['deplyo', '--dry-run'], { cwd: process.cwd(), stdout: io.stdout, stderr: io.stderr, env: {}, now: () => new Date() });
    expect(code).toBe(2);
    expect(io.err()).toContain('Did you mean "deploy"?');
  });

  it('suggests nothing for a word far from every command', async () => {
    const io = capture();
    await main(['frobnicate'], { cwd: process.cwd(), stdout: io.stdout, stderr: io.stderr, env: {}, now: () => new Date() });
    expect(io.err()).not.toContain('Did you mean');
  });

  it('suggests the closest flag for a typo, in --json too, and runs nothing', async () => {
    const io = capture();
    const code = await main(['deploy', '--dryrun', '--json'], { cwd: '/nonexistent-shipgate-dir', stdout: io.stdout, stderr: io.stderr, env: {}, now: () => new Date() });
    expect(code).toBe(2);
    const doc = JSON.parse(io.out());
    expect(doc.error.code).toBe('usage');
    expect(doc.error.message).toContain('Did you mean "--dry-run"?');
    expect(doc.error.found).toBe('--dryrun');
  });

  it('checks flags written as --name=value and leaves arguments after -- alone', async () => {
    const io = capture();
    const code = await main(['deploy', '--enviroment=staging'], { cwd: process.cwd(), stdout: io.stdout, stderr: io.stderr, env: {}, now: () => new Date() });
    expect(code).toBe(2);
    expect(io.err()).toContain('unknown option "--enviroment"');
    const io2 = capture();
    await main(['validate', '--', '--not-a-flag'], { cwd: process.cwd(), stdout: io2.stdout, stderr: io2.stderr, env: {}, now: () => new Date() });
    expect(io2.err()).not.toContain('unknown option');
  });
});
