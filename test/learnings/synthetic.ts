/** Synthetic but varied learnings histories for the incremental-state and scale tests. */
import type { RunEvent, RunPhase } from '../../mcp-server/src/learnings/event.js';

const PHASES: RunPhase[] = ['gate', 'bump', 'deploy', 'deploy', 'rollback', 'retrospect'];
const PITFALLS = ['missing_git_tag', 'insufficient_health_checks', 'wrong_version_bump', 'no_post_deploy_monitoring', 'insufficient_post_deploy_monitoring', 'forgot_feature_flag'];

/** A deterministic pseudo-random generator (mulberry32): the same seed, the same history. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` events, ten minutes apart from `startIso`, with run ids `${prefix}-<i>`. */
export function syntheticEvents(count: number, options: { seed?: number; prefix?: string; startIso?: string } = {}): RunEvent[] {
  const next = random(options.seed ?? 1);
  const start = Date.parse(options.startIso ?? '2025-01-01T00:00:00.000Z');
  const prefix = options.prefix ?? 'run';
  const events: RunEvent[] = [];
  for (let i = 0; i < count; i++) {
    const phase = PHASES[Math.floor(next() * PHASES.length)]!;
    const at = new Date(start + i * 600_000).toISOString();
    const pitfalls = next() < 0.3 ? [PITFALLS[Math.floor(next() * PITFALLS.length)]!] : [];
    if (phase === 'retrospect') {
      const about = next() < 0.8 ? 'deploy' : 'gate';
      const named = next() < 0.3 && events.length > 0 ? events[events.length - 1]!.runId : `${prefix}-${i}`;
      events.push({ v: 1, runId: named, at, phase, outcome: 'noted', pitfalls, about, ...(next() < 0.5 ? { note: `lesson ${i}`, author: 'ana' } : {}) });
      continue;
    }
    const roll = next();
    const outcome = phase === 'gate' && roll < 0.2 ? 'blocked' : roll < 0.1 ? 'rolled_back' : roll < 0.15 ? 'failed' : 'succeeded';
    events.push({
      v: 1, runId: `${prefix}-${i}`, at, phase, outcome, pitfalls,
      environment: next() < 0.85 ? 'production' : 'staging',
      version: `1.${i}.0`,
      durationMs: Math.round(60_000 + next() * 900_000),
      ...(outcome === 'rolled_back' ? { rollbackTrigger: 'error_rate above 0.05' } : {}),
    });
  }
  return events;
}

export function jsonLines(events: readonly RunEvent[]): string {
  return events.map((e) => `${JSON.stringify(e)}\n`).join('');
}
