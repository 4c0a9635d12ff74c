/**
 * Fault #15.3: a gate check whose background child keeps stdout open (`sleep 3302 & echo forked`) must
 * end when its shell ends, and the child must be killed with the process group, not left running.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, type FixtureRepo } from '../gates/fixture-repo.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { runScript } from '../../mcp-server/src/exec/run.js';

const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

/** PIDs whose command line is exactly `sleep <seconds>` (a number no other process on the machine uses). */
function sleepers(seconds: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (argv[0]?.endsWith('sleep') && argv[1] === seconds && state !== 'Z') found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

async function gone(seconds: string): Promise<boolean> {
  for (let i = 0; i < 50; i++) {
    if (sleepers(seconds).length === 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe('a check that forks a child holding stdout', () => {
  it('exec: the script ends with its shell, keeps its output, and the child is killed', async () => {
    const result = await runScript('sleep 3303 & echo forked', { cwd: process.cwd(), timeoutMs: 600_000 });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('forked');
    expect(result.timedOut).toBe(false);
    expect(result.durationMs).toBeLessThan(20_000);
    expect(await gone('3303')).toBe(true);
  });

  it('gate: `sleep 3302 & echo forked` passes promptly under a 10-minute timeout and leaves nothing running', async () => {
    const repo = await makeRepo({
      'shipgate.config.yaml': CONFIG(),
      '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="forks"><command>sleep 3302 &amp; echo forked</command><timeout>10m</timeout></check>'),
    });
    repos.push(repo);
    const started = Date.now();
    const result = await runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY });
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.checks[0]).toMatchObject({ id: 'forks', status: 'passed' });
    expect(result.ok).toBe(true);
    expect(await gone('3302')).toBe(true);
  });
});
