import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../mcp-server/src/learnings/event.js';
import { computePitfallStats, formatFrequency } from '../../mcp-server/src/learnings/pitfall-stats.js';
import { computeMetrics, sparkline } from '../../mcp-server/src/learnings/metrics.js';
import { mergeCatalog } from '../../mcp-server/src/learnings/merge-catalog.js';
import { detectionRules } from '../../mcp-server/src/learnings/detect/index.js';
import { renderLearnings } from '../../mcp-server/src/learnings/render.js';
import { formatTopPitfalls, summarizeLearnings } from '../../mcp-server/src/learnings/summary.js';

let clock = Date.parse('2026-01-01T00:00:00.000Z');
function ev(partial: Partial<RunEvent> & Pick<RunEvent, 'phase' | 'outcome'>): RunEvent {
  clock += 3_600_000;
  return { v: 1, runId: `r${clock}`, at: new Date(clock).toISOString(), pitfalls: [], ...partial };
}
const catalog = mergeCatalog([], detectionRules);
const stat = (events: RunEvent[], id: string) => computePitfallStats(events, catalog).find((s) => s.id === id)!;

describe('frequency stars over the last 5 runs of the phase', () => {
  it('counts 3 of the last 5 deploys, ignoring older deploys and other phases', () => {
    const T = ['missing_git_tag'];
    const events = [
      ev({ phase: 'deploy', outcome: 'succeeded', pitfalls: T }), // falls out of the window
      ev({ phase: 'deploy', outcome: 'succeeded', pitfalls: T }),
      ev({ phase: 'deploy', outcome: 'succeeded' }),
      ev({ phase: 'gate', outcome: 'succeeded', pitfalls: T }), // other phase: not in the deploy window
      ev({ phase: 'deploy', outcome: 'succeeded', pitfalls: T }),
      ev({ phase: 'deploy', outcome: 'succeeded' }),
      ev({ phase: 'deploy', outcome: 'rolled_back', pitfalls: T }),
    ];
    const s = stat(events, 'missing_git_tag');
    expect([s.seen, s.window, s.count]).toEqual([3, 5, 5]);
    expect(formatFrequency(s)).toBe('★★★☆☆ (3/5)');
    expect(s.lastSeen).toBe(events[6]!.at);
  });

  it('reads 0/5 - not yet seen when never seen, and says "not in the last 5 runs" when seen only before the window', () => {
    const old = [ev({ phase: 'bump', outcome: 'succeeded', pitfalls: ['wrong_version_bump'] })];
    for (let i = 0; i < 5; i++) old.push(ev({ phase: 'bump', outcome: 'succeeded' }));
    expect(formatFrequency(stat(old, 'missing_git_tag'))).toBe('☆☆☆☆☆ (0/5 - not yet seen)');
    const s = stat(old, 'wrong_version_bump');
    // No bare "(0/5)" next to a last-seen date: the text says why the window is empty.
    expect(formatFrequency(s)).toBe('☆☆☆☆☆ (0/5 - not in the last 5 bump runs)');
    expect(s.count).toBe(1);
  });

  it('sorts by time so a union-merged file in branch order gives the same stars', () => {
    const a = [ev({ phase: 'deploy', outcome: 'succeeded', pitfalls: ['missing_git_tag'] }), ev({ phase: 'deploy', outcome: 'succeeded' })];
    const b = [ev({ phase: 'deploy', outcome: 'succeeded', pitfalls: ['missing_git_tag'] })];
    const interleaved = [a[0]!, b[0]!, a[1]!];
    const branchOrder = [...a, ...b];
    expect(stat(branchOrder, 'missing_git_tag').seen).toBe(stat(interleaved, 'missing_git_tag').seen);
    expect(computePitfallStats(branchOrder, catalog)).toEqual(computePitfallStats(interleaved, catalog));
  });

  it('a retrospect lesson adds to the run it names or the newest run of its phase, once', () => {
    const deploy = ev({ phase: 'deploy', outcome: 'succeeded' });
    const other = ev({ phase: 'deploy', outcome: 'succeeded' });
    const lesson = ev({ phase: 'retrospect', outcome: 'noted', about: 'deploy', runId: deploy.runId, pitfalls: ['forgot_feature_flag'] });
    const lesson2 = ev({ phase: 'retrospect', outcome: 'noted', about: 'deploy', pitfalls: ['forgot_feature_flag'] });
    const s = stat([deploy, other, lesson, lesson2], 'forgot_feature_flag');
    expect([s.seen, s.count, s.title]).toEqual([2, 2, 'Forgot Feature Flag']);
    // No run of the phase yet: the lesson stands for a hand-made deploy.
    expect(stat([ev({ phase: 'retrospect', outcome: 'noted', about: 'deploy', pitfalls: ['missing_git_tag'] })], 'missing_git_tag').seen).toBe(1);
  });
});

describe('metrics', () => {
  it('computes success, rollback frequency, median duration and trends from production deploys', () => {
    const events: RunEvent[] = [];
    // 10 older attempts: 6 succeeded, 4 rolled back, 20 min each.
    for (let i = 0; i < 10; i++) events.push(ev({ phase: 'deploy', outcome: i < 6 ? 'succeeded' : 'rolled_back', environment: 'production', durationMs: 1_200_000 }));
    // 10 newer attempts: 9 succeeded, 1 rolled back, 5 min each; plus a blocked one and a staging deploy that do not count.
    for (let i = 0; i < 10; i++) events.push(ev({ phase: 'deploy', outcome: i < 9 ? 'succeeded' : 'rolled_back', environment: 'production', durationMs: 300_000 }));
    events.push(ev({ phase: 'deploy', outcome: 'blocked', environment: 'production' }));
    events.push(ev({ phase: 'deploy', outcome: 'failed', environment: 'staging', durationMs: 1 }));
    const m = computeMetrics(events);
    const [success, rollback, duration] = m.metrics;
    expect(m.attempts).toBe(20);
    expect(success!.current).toBe('75.0% (15/20)');
    expect([success!.trend, success!.meetsTarget]).toEqual(['↑', false]);
    expect(rollback!.current).toBe('25.0% (5/20)');
    expect(rollback!.trend).toBe('↓');
    expect(duration!.value).toBe((300_000 + 1_200_000) / 2);
    expect(duration!.trend).toBe('↓');
    expect(m.sparkline).toBe('██████▄▄▄▄█████████▄');
  });

  it('a later manual rollback of a deploy counts as a rollback, and steady values read →', () => {
    const events: RunEvent[] = [];
    for (let i = 0; i < 20; i++) events.push(ev({ phase: 'deploy', outcome: 'succeeded', environment: 'production', durationMs: 60_000 }));
    events.push(ev({ phase: 'rollback', outcome: 'succeeded', environment: 'production', runId: events[19]!.runId }));
    const m = computeMetrics(events);
    expect(m.metrics[1]!.current).toBe('5.0% (1/20)');
    expect(m.metrics[2]!.trend).toBe('→');
    expect(sparkline(['succeeded', 'rolled_back', 'failed'])).toBe('█▄▁');
  });

  it('renders the seed 004 layout with Not tracked before any deploy', () => {
    const md = renderLearnings([], catalog);
    expect(md).toContain('## Common Pitfalls (Auto-Updated)');
    expect(md).toContain('## Successful Patterns (Auto-Updated)');
    expect(md).toContain('| Production deploy success | ≥98% | Not tracked | - |');
    expect(md).toContain('| Deploy duration | <15 min | Not tracked | - |');
    expect(md).toContain('**Updated**: Not yet tracked');
    expect(md.match(/\(0\/5 - not yet seen\)/g)).toHaveLength(8);
  });
});

describe('the lessons header (issue #13 item 7)', () => {
  it('never says "0 recorded runs" above a pitfall a lesson reported', () => {
    const lesson = ev({ phase: 'retrospect', outcome: 'noted', about: 'deploy', pitfalls: ['missing_git_tag'], note: 'deployed by hand' });
    const text = formatTopPitfalls(summarizeLearnings([lesson], catalog));
    expect(text).toMatch(/^shipgate lessons from 1 recorded lesson in this repository \(top pitfalls\):\n- Missing Git Tag ★☆☆☆☆ \(1\/5\)/);
    expect(text).not.toContain('0 recorded runs');
    expect(renderLearnings([lesson], catalog)).toContain('Generated by shipgate from 1 recorded lesson in');
    const run = ev({ phase: 'deploy', outcome: 'succeeded', environment: 'production' });
    expect(formatTopPitfalls(summarizeLearnings([run, lesson], catalog))).toMatch(/^shipgate lessons from 1 recorded run and 1 lesson in this repository/);
  });
});
