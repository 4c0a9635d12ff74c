/**
 * Pure frequency arithmetic. A pitfall's frequency is "seen in k of the last 5 runs of its phase"
 * (`★★★☆☆ (3/5)`); its count is every event that names it; last seen is the newest such event.
 * A retrospect event's pitfalls belong to the run whose runId it names, else to the newest run of the
 * phase it is `about`; with no such run it stands for a run of that phase itself (a deploy done by
 * hand). Events are ordered by time, then file order, so a union merge of two branches' stores gives
 * the same result as one long history.
 *
 * Good: deploy runs [A, A, -, A, -] for pitfall A → 3/5.   Bad: counting gate runs in a deploy pitfall's window.
 */
import type { CatalogEntry } from './catalog-entry.js';
import type { RunEvent, RunPhase } from './event.js';
import { titleFromId } from './merge-catalog.js';

export const FREQUENCY_WINDOW = 5;

export interface PitfallStat extends Pick<CatalogEntry, 'id' | 'title' | 'impact' | 'prevention' | 'detection' | 'phase'> {
  /** Runs of the phase in the window that showed the pitfall. */
  seen: number;
  /** The window size (always FREQUENCY_WINDOW: `3/5`). */
  window: number;
  /** Runs of the phase that exist inside the window (≤ window). */
  runsInWindow: number;
  /** Every event that named the pitfall. */
  count: number;
  /** ISO timestamp of the newest event that named it. */
  lastSeen?: string;
  source: string;
  detectable: boolean;
}

/**
 * Stable chronological order: by `at`, ties kept in file order. A store written by one clone is
 * already in order (checked in one pass, no sort); a union-merged one is sorted once.
 */
export function chronological(events: readonly RunEvent[]): RunEvent[] {
  let sorted = true;
  for (let i = 1; i < events.length; i++) {
    if (events[i - 1]!.at > events[i]!.at) {
      sorted = false;
      break;
    }
  }
  if (sorted) return events.slice();
  return events
    .map((event, index) => ({ event, index, time: Date.parse(event.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index)
    .map((entry) => entry.event);
}

export function computePitfallStats(events: readonly RunEvent[], catalog: readonly CatalogEntry[], window = FREQUENCY_WINDOW): PitfallStat[] {
  const ordered = chronological(events);
  // Runs per phase, each with the set of pitfalls it showed (its own + retrospects attached to it).
  const runsByPhase = new Map<RunPhase, Set<string>[]>();
  const runsById = new Map<string, Set<string>>();
  const count = new Map<string, number>();
  const lastSeen = new Map<string, string>();
  for (const event of ordered) {
    for (const id of new Set(event.pitfalls)) {
      count.set(id, (count.get(id) ?? 0) + 1);
      lastSeen.set(id, event.at);
    }
    if (event.phase === 'retrospect') {
      const runs = event.about ? runsByPhase.get(event.about) : undefined;
      const target = runsById.get(event.runId) ?? runs?.[runs.length - 1];
      if (target) {
        for (const id of event.pitfalls) target.add(id);
        continue;
      }
      if (!event.about || event.pitfalls.length === 0) continue;
      // A lesson about a run shipgate never saw (deployed by hand): it stands for that run.
    }
    const phase = event.phase === 'retrospect' ? event.about! : event.phase;
    const run = new Set(event.pitfalls);
    const runs = runsByPhase.get(phase) ?? [];
    runs.push(run);
    runsByPhase.set(phase, runs);
    runsById.set(event.runId, run);
  }

  const entries = new Map(catalog.map((entry) => [entry.id, entry]));
  for (const id of count.keys()) {
    if (!entries.has(id)) {
      entries.set(id, { id, title: titleFromId(id), phase: 'deploy', source: 'recorded event', detectable: false });
    }
  }
  return [...entries.values()].map((entry) => {
    const recent = (runsByPhase.get(entry.phase) ?? []).slice(-window);
    return {
      id: entry.id,
      title: entry.title,
      impact: entry.impact,
      prevention: entry.prevention,
      detection: entry.detection,
      phase: entry.phase,
      seen: recent.filter((run) => run.has(entry.id)).length,
      window,
      runsInWindow: recent.length,
      count: count.get(entry.id) ?? 0,
      lastSeen: lastSeen.get(entry.id),
      source: entry.source,
      detectable: entry.detectable,
    };
  });
}

/** Most relevant first: seen in the window, then total count, then most recent. */
export function rankPitfalls(stats: readonly PitfallStat[]): PitfallStat[] {
  return [...stats].sort(
    (a, b) => b.seen - a.seen || b.count - a.count || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''),
  );
}

/** `★★★☆☆ (3/5)`, or `☆☆☆☆☆ (0/5 - not yet seen)` when it was never seen at all. */
export function formatFrequency(stat: Pick<PitfallStat, 'seen' | 'window' | 'count'>): string {
  const stars = '★'.repeat(stat.seen) + '☆'.repeat(Math.max(0, stat.window - stat.seen));
  if (stat.count === 0) return `${stars} (0/${stat.window} - not yet seen)`;
  return `${stars} (${stat.seen}/${stat.window})`;
}
