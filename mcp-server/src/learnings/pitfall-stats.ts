/**
 * Pure frequency arithmetic over the learnings state. A pitfall's frequency is "seen in k of the last
 * 5 runs of its phase" (`★★★☆☆ (3/5)`); its count is every event that names it; last seen is the
 * newest such event. A lesson (retrospect) adds its pitfalls to the run whose runId it names, else to
 * the newest run of the phase it is `about` that is not newer than the lesson; with no run of that
 * phase before it, it stands for a run itself (a deploy done by hand). Runs are ordered by (time, run
 * id), never by file position, so a union merge of two branches' stores gives the same stars as one
 * long history.
 *
 * Good: deploy runs [A, A, -, A, -] for pitfall A → 3/5.   Bad: counting gate runs in a deploy pitfall's window.
 */
import type { CatalogEntry } from './catalog-entry.js';
import type { RunEvent, RunPhase } from './event.js';
import { titleFromId } from './merge-catalog.js';
import { compareEntries, FREQUENCY_WINDOW, foldEvents, type LearningsState } from './state.js';
import { compareText } from '../util/compare-text.js';

export { FREQUENCY_WINDOW };

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

interface Run {
  at: string;
  runId: string;
  pitfalls: Set<string>;
}

/** The newest runs of each phase with the lessons attached to them. */
export function windowRuns(state: LearningsState): Map<RunPhase, Run[]> {
  const byPhase = new Map<RunPhase, Run[]>();
  const byId = new Map<string, Run>();
  for (const [phase, window] of Object.entries(state.windows) as [RunPhase, NonNullable<LearningsState['windows'][RunPhase]>][]) {
    const runs = window.newest.map((r) => ({ at: r.at, runId: r.runId, pitfalls: new Set(r.pitfalls) }));
    byPhase.set(phase, runs);
    for (const run of runs) byId.set(run.runId, run);
  }
  for (const lesson of [...state.recentLessons].sort(compareEntries)) {
    const named = byId.get(lesson.runId);
    if (named) {
      for (const id of lesson.pitfalls) named.pitfalls.add(id);
      continue;
    }
    const runs = byPhase.get(lesson.about) ?? [];
    const before = runs.filter((run) => run.at <= lesson.at);
    const target = before[before.length - 1];
    if (target) {
      for (const id of lesson.pitfalls) target.pitfalls.add(id);
      continue;
    }
    // No run of the phase before the lesson in the window: when the window holds every run of the
    // phase, there is none at all and the lesson stands for one; else the lesson is older than the window.
    if ((state.windows[lesson.about]?.total ?? 0) > FREQUENCY_WINDOW) continue;
    const standIn = { at: lesson.at, runId: lesson.runId, pitfalls: new Set(lesson.pitfalls) };
    runs.push(standIn);
    runs.sort(compareEntries);
    byPhase.set(lesson.about, runs);
    byId.set(lesson.runId, standIn);
  }
  for (const [phase, runs] of byPhase) byPhase.set(phase, runs.slice(-FREQUENCY_WINDOW));
  return byPhase;
}

export function pitfallStatsFromState(state: LearningsState, catalog: readonly CatalogEntry[]): PitfallStat[] {
  const runsByPhase = windowRuns(state);
  const entries = new Map(catalog.map((entry) => [entry.id, entry]));
  for (const id of Object.keys(state.pitfalls)) {
    if (!entries.has(id)) entries.set(id, { id, title: titleFromId(id), phase: 'deploy', source: 'recorded event', detectable: false });
  }
  return [...entries.values()].map((entry) => {
    const recent = runsByPhase.get(entry.phase) ?? [];
    const recorded = state.pitfalls[entry.id];
    return {
      id: entry.id,
      title: entry.title,
      impact: entry.impact,
      prevention: entry.prevention,
      detection: entry.detection,
      phase: entry.phase,
      seen: recent.filter((run) => run.pitfalls.has(entry.id)).length,
      window: FREQUENCY_WINDOW,
      runsInWindow: recent.length,
      count: recorded?.count ?? 0,
      lastSeen: recorded?.lastSeen,
      source: entry.source,
      detectable: entry.detectable,
    };
  });
}

/** The stats of a whole history (tests, filtered views). */
export function computePitfallStats(events: readonly RunEvent[], catalog: readonly CatalogEntry[]): PitfallStat[] {
  return pitfallStatsFromState(foldEvents(events), catalog);
}

/** Most relevant first: seen in the window, then total count, then most recent. */
export function rankPitfalls(stats: readonly PitfallStat[]): PitfallStat[] {
  return [...stats].sort(
    (a, b) => b.seen - a.seen || b.count - a.count || compareText(b.lastSeen ?? '', a.lastSeen ?? ''),
  );
}

/**
 * `★★★☆☆ (3/5)`; `☆☆☆☆☆ (0/5 - not yet seen)` when never seen at all; and when it was seen only
 * before the window, says so (`0/5 - not in the last 5 deploy runs`), so a "0/5" never sits next to
 * a recent "last seen" date without an explanation.
 */
export function formatFrequency(stat: Pick<PitfallStat, 'seen' | 'window' | 'count'> & { phase?: RunPhase }): string {
  const stars = '★'.repeat(stat.seen) + '☆'.repeat(Math.max(0, stat.window - stat.seen));
  if (stat.count === 0) return `${stars} (0/${stat.window} - not yet seen)`;
  if (stat.seen === 0) return `${stars} (0/${stat.window} - not in the last ${stat.window}${stat.phase ? ` ${stat.phase}` : ''} runs)`;
  return `${stars} (${stat.seen}/${stat.window})`;
}
