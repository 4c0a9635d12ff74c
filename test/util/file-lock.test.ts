/**
 * The one file lock (util/file-lock.ts) and the process-alive check it relies on, against real
 * processes: a dead holder's lock is taken over, a live one refuses with the holder named, a zombie
 * holder counts as dead (although `kill(pid, 0)` still succeeds), a reused pid is not the holder, and
 * stale takeover is atomic: 50 rounds of racing waiters, and real processes racing, never overlap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { acquireFileLock, readLockHolder, withFileLock, type LockHolder } from '../../mcp-server/src/util/file-lock.js';
import { isProcessAlive, processStartTicks } from '../../mcp-server/src/util/process-alive.js';
import { ConflictError } from '../../mcp-server/src/errors.js';
import { bundleForNode, runNode } from '../learnings/helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-file-lock-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The pid of a process that has run and exited (reaped). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await new Promise((r) => child.once('exit', r));
  return child.pid!;
}

function holderFor(pid: number, extra: Partial<LockHolder> = {}): string {
  return JSON.stringify({ pid, host: hostname(), operation: 'deploy of v0.0.1', startedAt: '2026-01-01T00:00:00.000Z', token: `t${pid}`, ...extra });
}

/** A real zombie: perl forks a child that exits and is never reaped while its parent sleeps. */
async function zombie(): Promise<{ pid: number; stop: () => void }> {
  const parent = spawn('perl', ['-e', '$| = 1; my $p = fork(); if (!$p) { exit 0 } print "$p\\n"; sleep 60'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((resolvePid) => parent.stdout.once('data', (d) => resolvePid(Number(String(d).trim()))));
  for (let i = 0; i < 400; i += 1) {
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0];
    if (state === 'Z') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { pid, stop: () => parent.kill('SIGKILL') };
}

describe('process-alive', () => {
  it('this process is alive; an exited one is not', async () => {
    expect(isProcessAlive(process.pid, processStartTicks())).toBe(true);
    expect(isProcessAlive(await deadPid())).toBe(false);
  });

  it.runIf(process.platform === 'linux')('a zombie is not alive, although kill(pid, 0) still succeeds', async () => {
    const z = await zombie();
    try {
      expect(readFileSync(`/proc/${z.pid}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z');
      expect(() => process.kill(z.pid, 0)).not.toThrow();
      expect(isProcessAlive(z.pid)).toBe(false);
    } finally {
      z.stop();
    }
  });

  it.runIf(process.platform === 'linux')('a live pid with another start time is another process (pid reused)', () => {
    const ticks = processStartTicks()!;
    expect(isProcessAlive(process.pid, ticks + 1)).toBe(false);
  });
});

describe('file lock', () => {
  it('a live holder refuses with its pid and operation; released, the lock is free and gone', async () => {
    const lock = join(dir, 'live.lock');
    const release = await acquireFileLock(lock, { operation: 'deploy of v1.2.0' });
    const holder = await readLockHolder(lock);
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), operation: 'deploy of v1.2.0' });
    const refused = await acquireFileLock(lock, { timeoutMs: 100 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).describe()).toMatch(new RegExp(`locked by another run \\(deploy of v1\\.2\\.0\\)[\\s\\S]*pid ${process.pid}`));
    await release();
    await expect(readFile(lock)).rejects.toThrow(/ENOENT/);
    expect(await withFileLock(lock, async () => 'free')).toBe('free');
    // No temp files or takeover guards are left behind.
    expect((await readdir(dir)).filter((name) => name.includes('live'))).toEqual([]);
  });

  it("a dead holder's lock is taken over at once", async () => {
    const lock = join(dir, 'dead.lock');
    await writeFile(lock, holderFor(await deadPid()));
    expect(await withFileLock(lock, async () => 'taken over', { timeoutMs: 0 })).toBe('taken over');
  });

  it.runIf(process.platform === 'linux')("a zombie holder's lock is taken over (a killed run whose parent is gone)", async () => {
    const z = await zombie();
    try {
      const lock = join(dir, 'zombie.lock');
      await writeFile(lock, holderFor(z.pid));
      expect(await withFileLock(lock, async () => 'taken over', { timeoutMs: 0 })).toBe('taken over');
    } finally {
      z.stop();
    }
  });

  it('a holder on another host is never judged from here', async () => {
    const lock = join(dir, 'remote.lock');
    await writeFile(lock, holderFor(await deadPid(), { host: `not-${hostname()}` }));
    await expect(withFileLock(lock, async () => 'never', { timeoutMs: 50 })).rejects.toBeInstanceOf(ConflictError);
    await rm(lock);
  });

  it('an unreadable lock file is waited on briefly, then treated as abandoned', async () => {
    const lock = join(dir, 'garbage.lock');
    await writeFile(lock, 'not json');
    await expect(withFileLock(lock, async () => 'never', { timeoutMs: 50 })).rejects.toBeInstanceOf(ConflictError);
    expect(await withFileLock(lock, async () => 'taken', { timeoutMs: 5_000 })).toBe('taken');
  });

  it('stale takeover is atomic: 50 rounds of 8 racing waiters, never two holders at once', async () => {
    const lock = join(dir, 'race.lock');
    const dead = await deadPid();
    let inside = 0;
    let maxInside = 0;
    let entered = 0;
    for (let round = 0; round < 50; round += 1) {
      await writeFile(lock, holderFor(dead, { token: `stale-${round}` }));
      await Promise.all(
        Array.from({ length: 8 }, () =>
          withFileLock(
            lock,
            async () => {
              inside += 1;
              entered += 1;
              maxInside = Math.max(maxInside, inside);
              await new Promise((r) => setImmediate(r));
              inside -= 1;
            },
            { timeoutMs: 20_000 },
          ),
        ),
      );
    }
    expect(entered).toBe(400);
    expect(maxInside).toBe(1);
  }, 60_000);

  it('real processes racing for a stale lock never overlap', async () => {
    const racer = await bundleForNode(resolve(__dirname, 'lock-racer.ts'), join(dir, 'lock-racer.mjs'));
    const lock = join(dir, 'processes.lock');
    const log = join(dir, 'processes.log');
    await writeFile(lock, holderFor(await deadPid()));
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => runNode(racer, [lock, log, '6', `p${i}`])));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const lines = (await readFile(log, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(5 * 6 * 2);
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]).toMatch(/^enter p\d$/);
      expect(lines[i + 1]).toBe(lines[i]!.replace('enter', 'exit'));
    }
  }, 60_000);
});
