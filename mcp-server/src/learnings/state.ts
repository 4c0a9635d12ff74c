/**
 * Pure: the learnings summary as a small, bounded state that each event updates in O(1), so no command
 * re-reads the whole history. Everything the lessons show is kept here: counts and last-seen per
 * pitfall, the newest runs of each phase (the frequency window), the newest lessons that may attach
 * to them, production deploy totals with a duration histogram and the newest 20 attempts (trend and
 * sparkline), the newest runs and notes (for learnings.md).
 *
 * Order does not matter: every bounded list keeps the newest entries by (time, run id), and totals are
 * sums, so applying a union-merged file (ours, then theirs) gives the same state as one long history.
 * Duplicates (the same run, phase and time twice, e.g. after a cherry-pick) are skipped while the
 * first copy is still in a bounded list; a full rebuild (`foldEvents`) skips every duplicate.
 *
 * Good: `applyEvent(state, deployEvent)` → `state.windows.deploy.newest` gains it, the 6th oldest drops.
 * Bad:  keeping every event in memory to re-sort and re-count on each record (O(n) per event).
 */
import type { RunEvent, RunOutcome, RunPhase } from './event.js';

/** `★★★☆☆ (3/5)`: runs of a phase in the frequency window. */
export const FREQUENCY_WINDOW = 5;
/** Attempts kept for the trend (last 10 vs the 10 before) and the sparkline. */
export const RECENT_ATTEMPTS = 20;
/** Lessons (retrospects with pitfalls) kept to attach to the runs of the window. */
export const RECENT_LESSONS = 50;
/** learnings.md shows the newest runs and retrospective notes. */
export const RECENT_RUNS = 5;
export const RECENT_NOTES = 10;
/** Succeeded rollbacks remembered by run id (a rollback naming a deploy's run id marks it rolled back). */
const RECENT_ROLLBACKS = 100;

export interface WindowRun {
  at: string;
  runId: string;
  pitfalls: string[];
}

export interface Lesson {
  at: string;
  runId: string;
  about: RunPhase;
  pitfalls: string[];
}

export interface Attempt {
  at: string;
  runId: string;
  outcome: RunOutcome;
  rolledBack: boolean;
  durationMs?: number;
}

export type RecentRun = Pick<RunEvent, 'at' | 'runId' | 'phase' | 'environment' | 'version' | 'outcome' | 'durationMs' | 'failedChecks' | 'rollbackTrigger' | 'pitfalls'>;

export interface Note {
  at: string;
  runId: string;
  author?: string;
  note: string;
}

export interface ProductionTotals {
  /** Deploys the gate let through (a blocked deploy was not attempted). */
  attempts: number;
  /** Succeeded and not rolled back later. */
  succeeded: number;
  rolledBack: number;
  /**
   * Duration of attempts, in seconds rounded down to 64 steps per doubling (exact below 128 s, within
   * 1.6 % above) → how many: the median without keeping every value, in a few hundred keys at most.
   */
  durationSeconds: Record<string, number>;
  /** Newest attempts, oldest first. */
  recent: Attempt[];
  /** Succeeded deploys with no pitfall. */
  clean: number;
  lastClean?: { at: string; version?: string };
  /** Newest production deploy of any outcome (blocked ones too): how the last one ended. */
  last?: { at: string; runId: string; version?: string; outcome: RunOutcome; rollbackTrigger?: string };
  /** Run ids of succeeded rollbacks, newest last. */
  rollbackRunIds: string[];
}

export interface LearningsState {
  v: 1;
  productionEnvironment: string;
  /** Events applied (duplicates skipped). */
  events: number;
  /** Events that are runs (not retrospects). */
  runs: number;
  /** Retrospect events (what humans recorded). */
  lessons: number;
  /** Newest event time. */
  updated?: string;
  pitfalls: Record<string, { count: number; lastSeen: string }>;
  /** Per phase: how many runs, and the newest FREQUENCY_WINDOW of them, oldest first. */
  windows: Partial<Record<RunPhase, { total: number; newest: WindowRun[] }>>;
  /** Newest lessons that name pitfalls, oldest first. */
  recentLessons: Lesson[];
  production: ProductionTotals;
  recentRuns: RecentRun[];
  notes: Note[];
}

export function emptyState(productionEnvironment = 'production'): LearningsState {
  return {
    v: 1,
    productionEnvironment,
    events: 0,
    runs: 0,
    lessons: 0,
    pitfalls: {},
    windows: {},
    recentLessons: [],
    production: { attempts: 0, succeeded: 0, rolledBack: 0, durationSeconds: {}, recent: [], clean: 0, rollbackRunIds: [] },
    recentRuns: [],
    notes: [],
  };
}

/** The identity of an event: the same run, phase and time twice is one event. */
export function eventKey(event: Pick<RunEvent, 'runId' | 'phase' | 'at'>): string {
  return `${event.runId}\u0000${event.phase}\u0000${event.at}`;
}

/** (time, run id) order: a total order that does not depend on where a line sits in the file. */
export function compareEntries(a: { at: string; runId: string }, b: { at: string; runId: string }): number {
  return a.at < b.at ? -1 : a.at > b.at ? 1 : a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : 0;
}

export function isProductionEnvironment(environment: string | undefined, productionEnvironment: string): boolean {
  return environment === undefined || environment === productionEnvironment;
}

/** Apply one event; returns false when it was a duplicate still held by a bounded list. */
export function applyEvent(state: LearningsState, event: RunEvent): boolean {
  if (isKnownDuplicate(state, event)) return false;
  state.events += 1;
  if (state.updated === undefined || event.at > state.updated) state.updated = event.at;
  for (const id of new Set(event.pitfalls)) {
    const stat = state.pitfalls[id];
    if (!stat) state.pitfalls[id] = { count: 1, lastSeen: event.at };
    else {
      stat.count += 1;
      if (event.at > stat.lastSeen) stat.lastSeen = event.at;
    }
  }
  if (event.phase === 'retrospect') {
    state.lessons += 1;
    if (event.pitfalls.length > 0 && event.about) {
      insertNewest(state.recentLessons, { at: event.at, runId: event.runId, about: event.about, pitfalls: [...new Set(event.pitfalls)] }, RECENT_LESSONS);
    }
    if (event.note) insertNewest(state.notes, { at: event.at, runId: event.runId, ...(event.author ? { author: event.author } : {}), note: event.note }, RECENT_NOTES);
    return true;
  }
  state.runs += 1;
  const window = (state.windows[event.phase] ??= { total: 0, newest: [] });
  window.total += 1;
  insertNewest(window.newest, { at: event.at, runId: event.runId, pitfalls: [...new Set(event.pitfalls)] }, FREQUENCY_WINDOW);
  insertNewest(state.recentRuns, recentRun(event), RECENT_RUNS);
  if (isProductionEnvironment(event.environment, state.productionEnvironment)) {
    if (event.phase === 'deploy') applyDeploy(state.production, event);
    if (event.phase === 'rollback' && event.outcome === 'succeeded') applyRollback(state.production, event.runId);
  }
  return true;
}

/** Fold a whole history (a rebuild, a filtered view, tests), skipping every duplicate. */
export function foldEvents(events: Iterable<RunEvent>, productionEnvironment = 'production'): LearningsState {
  const state = emptyState(productionEnvironment);
  const seen = new Set<string>();
  for (const event of events) {
    const key = eventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    applyEvent(state, event);
  }
  return state;
}

function applyDeploy(production: ProductionTotals, event: RunEvent): void {
  if (!production.last || compareEntries(event, production.last) > 0) {
    production.last = { at: event.at, runId: event.runId, outcome: event.outcome, ...(event.version ? { version: event.version } : {}), ...(event.rollbackTrigger ? { rollbackTrigger: event.rollbackTrigger } : {}) };
  }
  if (event.outcome === 'blocked') return;
  const rolledBack = event.outcome === 'rolled_back' || production.rollbackRunIds.includes(event.runId);
  production.attempts += 1;
  if (rolledBack) production.rolledBack += 1;
  else if (event.outcome === 'succeeded') production.succeeded += 1;
  if (typeof event.durationMs === 'number' && event.durationMs >= 0) {
    const bucket = String(durationBucket(event.durationMs));
    production.durationSeconds[bucket] = (production.durationSeconds[bucket] ?? 0) + 1;
  }
  insertNewest(production.recent, { at: event.at, runId: event.runId, outcome: event.outcome, rolledBack, ...(typeof event.durationMs === 'number' ? { durationMs: event.durationMs } : {}) }, RECENT_ATTEMPTS);
  if (event.outcome === 'succeeded' && event.pitfalls.length === 0) {
    production.clean += 1;
    if (!production.lastClean || event.at >= production.lastClean.at) production.lastClean = { at: event.at, ...(event.version ? { version: event.version } : {}) };
  }
}

/** Whole seconds, rounded down to a step of 2^(⌊log2 s⌋ - 6) seconds (1 s below 128 s). */
export function durationBucket(durationMs: number): number {
  const seconds = Math.round(durationMs / 1000);
  if (seconds < 128) return seconds;
  const step = 2 ** (Math.floor(Math.log2(seconds)) - 6);
  return Math.floor(seconds / step) * step;
}

/** A succeeded rollback that names a deploy's run id: that deploy counts as rolled back. */
function applyRollback(production: ProductionTotals, runId: string): void {
  if (!production.rollbackRunIds.includes(runId)) {
    production.rollbackRunIds.push(runId);
    if (production.rollbackRunIds.length > RECENT_ROLLBACKS) production.rollbackRunIds.shift();
  }
  const attempt = production.recent.find((a) => a.runId === runId && !a.rolledBack);
  if (!attempt) return;
  attempt.rolledBack = true;
  production.rolledBack += 1;
  if (attempt.outcome === 'succeeded') production.succeeded -= 1;
}

function isKnownDuplicate(state: LearningsState, event: RunEvent): boolean {
  const same = (entry: { at: string; runId: string }) => entry.at === event.at && entry.runId === event.runId;
  if (event.phase === 'retrospect') return state.recentLessons.some(same) || state.notes.some(same);
  return (state.windows[event.phase]?.newest ?? []).some(same);
}

function recentRun(event: RunEvent): RecentRun {
  const run: RecentRun = { at: event.at, runId: event.runId, phase: event.phase, outcome: event.outcome, pitfalls: [...event.pitfalls] };
  if (event.environment !== undefined) run.environment = event.environment;
  if (event.version !== undefined) run.version = event.version;
  if (event.durationMs !== undefined) run.durationMs = event.durationMs;
  if (event.failedChecks?.length) run.failedChecks = [...event.failedChecks];
  if (event.rollbackTrigger !== undefined) run.rollbackTrigger = event.rollbackTrigger.slice(0, 500);
  return run;
}

/** Insert in (time, run id) order and keep only the newest `limit` entries (oldest first). */
function insertNewest<T extends { at: string; runId: string }>(list: T[], entry: T, limit: number): void {
  let index = list.length;
  while (index > 0 && compareEntries(list[index - 1]!, entry) > 0) index -= 1;
  if (list.length >= limit && index === 0) return; // older than everything kept
  list.splice(index, 0, entry);
  if (list.length > limit) list.shift();
}
