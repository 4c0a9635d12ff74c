import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { readEvents } from '../../mcp-server/src/learnings/store.js';
import { tempProject, steppingClock } from './helpers.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('recordRun', () => {
  it('records gate, bump and a deploy with a forced rollback, with detected pitfalls and frequencies', async () => {
    const { root, cleanup } = await tempProject();
    cleanups.push(cleanup);
    const now = steppingClock();
    const opts = { now, pluginRoot: join(root, 'no-plugin'), onWarning: () => {} };
    const gate = await recordRun(root, { phase: 'gate', outcome: 'succeeded', environment: 'production', rollbackReady: true, stagingApproved: true, durationMs: 4200 }, opts);
    const bump = await recordRun(root, { phase: 'bump', outcome: 'succeeded', version: '1.3.0', bumpImplied: 'major', bumpChosen: 'minor' }, opts);
    const deploy = await recordRun(
      root,
      {
        phase: 'deploy', outcome: 'rolled_back', environment: 'production', version: '1.3.0', durationMs: 300_000,
        rollbackTrigger: 'error_rate above 0.05 for 2m', monitorPlannedMs: 1_800_000, monitorObservedMs: 150_000, monitorCompleted: false,
        healthChecksRun: 1, criticalEndpoints: 3, deployedCommitTagged: true, stagingApproved: true, rollbackReady: true,
      },
      opts,
    );
    expect(gate.pitfalls).toEqual([]);
    expect(bump.pitfalls).toEqual(['wrong_version_bump']);
    // The monitor caught the bad release: cutting its window short by rolling back is not a monitoring pitfall.
    expect(deploy.pitfalls).toEqual(['insufficient_health_checks']);
    expect(deploy.rollbackTrigger).toBe('error_rate above 0.05 for 2m');

    const store = join(root, '.claude/shipgate/learnings');
    const { events, warnings } = await readEvents(store);
    expect(warnings).toEqual([]);
    expect(events.map((e) => [e.phase, e.outcome])).toEqual([['gate', 'succeeded'], ['bump', 'succeeded'], ['deploy', 'rolled_back']]);
    const md = await readFile(join(store, 'learnings.md'), 'utf8');
    expect(md).toMatch(/### 🚫 Insufficient Health Checks\n\n\*\*Frequency\*\*: ★☆☆☆☆ \(1\/5\)/);
    expect(md).toMatch(/### 🚫 Wrong Version Bump\n\n\*\*Frequency\*\*: ★☆☆☆☆ \(1\/5\)/);
    expect(md).toMatch(/### 🚫 Missing Git Tag\n\n\*\*Frequency\*\*: ☆☆☆☆☆ \(0\/5 - not yet seen\)\s+\*\*Last seen\*\*: Never/);
    expect(md).toContain('| Rollback frequency | <5% | 100.0% (1/1) ⚠️ | - |');
    expect(await readFile(join(store, '.gitattributes'), 'utf8')).toContain('events.jsonl merge=union');
    // What the latest run did is visible at once.
    expect(md).toContain('| 2026-03-02 10:02 | deploy | production | 1.3.0 | rolled back | 5m 00s | trigger: error_rate above 0.05 for 2m; pitfalls: insufficient_health_checks |');
    expect(md).toContain('`▄` (█ succeeded');
  });
});
