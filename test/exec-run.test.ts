import { describe, expect, it } from 'vitest';
import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArgv, runScript } from '../mcp-server/src/exec/run.js';

describe('exec/run', () => {
  it('kills the whole process tree when a script times out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shipgate-exec-'));
    const marker = join(dir, 'survived');
    // The grandchild would write the marker after 1.5 s if it outlived the timeout.
    const result = await runScript(`sh -c 'sleep 1.5; touch "${marker}"' & wait`, { cwd: dir, timeoutMs: 300 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(124);
    expect(result.durationMs).toBeLessThan(1_400);
    await new Promise((r) => setTimeout(r, 1_800));
    expect(existsSync(marker)).toBe(false);
  });

  it('stops a command when the abort signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await runArgv('sleep', ['5'], { cwd: tmpdir(), signal: controller.signal });
    expect(result.aborted).toBe(true);
    expect(result.durationMs).toBeLessThan(3_000);
  });

  it('returns exit code and bounded output tails without throwing', async () => {
    const result = await runScript('printf "%0.sx" $(seq 1 50); exit 3', { cwd: tmpdir(), maxOutput: 10 });
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe(`…${'x'.repeat(10)}`);
  });

  it('reports a missing program as a spawn error, not an exception', async () => {
    const result = await runArgv('definitely-not-a-program-xyz', [], { cwd: tmpdir() });
    expect(result.exitCode).not.toBe(0);
    expect(result.spawnError).toBeTruthy();
  });
});
