/**
 * The learnings store: `events.jsonl` in the user's repository, one JSON event per line, append-only,
 * written under a cross-process lock. `.gitattributes` marks it `merge=union` so two people's runs
 * merge by keeping both sides' lines. A line that does not parse is skipped with a warning (with its
 * line number) and never costs the other events. A crash mid-line leaves a fragment that the next
 * append starts a fresh line after.
 *
 * Good: `{"v":1,"runId":"r1","at":"2026-01-01T00:00:00.000Z","phase":"deploy","outcome":"succeeded","pitfalls":[]}`
 * Bad:  `{"v":1,"runId":"r1"` (skipped: "events.jsonl:7: not a JSON event").
 */
import { appendFile, mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunEvent, RunOutcome, RunPhase } from './event.js';
import { withFileLock } from './lock.js';
import { SESSION_CACHE_FILE } from './session-cache.js';

export const EVENTS_FILE = 'events.jsonl';
export const RENDERED_FILE = 'learnings.md';
export const CATALOG_SNAPSHOT_FILE = 'catalog.json';
export const LOCK_FILE = 'events.lock';
/** Machine-local caches and the lock: never committed (the events are the truth). */
const GITIGNORE = `# shipgate learnings: local caches, rebuilt from events.jsonl\n${CATALOG_SNAPSHOT_FILE}\n${SESSION_CACHE_FILE}\n${LOCK_FILE}\n.*.tmp\n`;
const GITATTRIBUTES = `# shipgate learnings: two branches' runs merge by keeping every line.\n${EVENTS_FILE} merge=union\n`;

/** `2026-03-02T10:00:00.000Z`, what toISOString writes: accepted without a Date.parse. */
const CANONICAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const PHASES: ReadonlySet<string> = new Set<RunPhase>(['gate', 'bump', 'deploy', 'rollback', 'retrospect']);
const OUTCOMES: ReadonlySet<string> = new Set<RunOutcome>(['succeeded', 'blocked', 'failed', 'rolled_back', 'noted']);

export interface StoreWarning {
  line: number;
  message: string;
}

export interface StoreContents {
  events: RunEvent[];
  warnings: StoreWarning[];
  /** False when the folder or the events file does not exist. */
  exists: boolean;
}

export function eventsPath(storeDir: string): string {
  return join(storeDir, EVENTS_FILE);
}

/** Read every valid event, oldest first (file order). Corrupt lines are reported, not fatal. */
export async function readEvents(storeDir: string): Promise<StoreContents> {
  let text: string;
  try {
    text = await readFile(eventsPath(storeDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') {
      return { events: [], warnings: [], exists: false };
    }
    throw error;
  }
  return { ...parseEvents(text), exists: true };
}

/** Pure: JSON lines → events + warnings. Blank lines are ignored; an event present twice (same run, phase and time, e.g. after a merge) is kept once. */
export function parseEvents(text: string): { events: RunEvent[]; warnings: StoreWarning[] } {
  const events: RunEvent[] = [];
  const warnings: StoreWarning[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!;
    const line = raw.charCodeAt(0) === 0x7b && raw.charCodeAt(raw.length - 1) === 0x7d ? raw : raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warnings.push({ line: index + 1, message: `${EVENTS_FILE}:${index + 1}: not a JSON event, skipped (${line.length > 60 ? `${line.slice(0, 60)}…` : line})` });
      continue;
    }
    const problem = eventProblem(value);
    if (problem) {
      warnings.push({ line: index + 1, message: `${EVENTS_FILE}:${index + 1}: ${problem}, skipped` });
      continue;
    }
    const event = value as RunEvent;
    // One timestamp format (toISOString) so ordering can compare strings.
    if (!CANONICAL_TIME.test(event.at)) event.at = new Date(event.at).toISOString();
    const key = `${event.runId}\u0000${event.phase}\u0000${event.at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push(event);
  }
  return { events, warnings };
}

function eventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'expected a JSON object';
  const event = value as Record<string, unknown>;
  if (event.v !== 1) return `expected "v": 1, found ${JSON.stringify(event.v)}`;
  if (typeof event.runId !== 'string' || event.runId === '') return 'expected a "runId" string';
  if (typeof event.at !== 'string' || (!CANONICAL_TIME.test(event.at) && Number.isNaN(Date.parse(event.at)))) return 'expected "at" as an ISO date';
  if (typeof event.phase !== 'string' || !PHASES.has(event.phase)) return `expected "phase" to be one of ${[...PHASES].join(', ')}`;
  if (typeof event.outcome !== 'string' || !OUTCOMES.has(event.outcome)) return `expected "outcome" to be one of ${[...OUTCOMES].join(', ')}`;
  if (!Array.isArray(event.pitfalls) || !event.pitfalls.every((p) => typeof p === 'string')) return 'expected "pitfalls" as a list of ids';
  return undefined;
}

/**
 * Append one event under the lock, then run `afterAppend` (re-rendering) while still holding it, so
 * the rendered file always reflects a complete store. Creates the folder and `.gitattributes`.
 */
export async function appendEvent<T>(storeDir: string, event: RunEvent, afterAppend?: () => Promise<T>): Promise<T | undefined> {
  await mkdir(storeDir, { recursive: true });
  await ensureGitattributes(storeDir);
  await writeFile(join(storeDir, '.gitignore'), GITIGNORE, { encoding: 'utf8', flag: 'wx' }).catch(() => undefined);
  return withFileLock(join(storeDir, LOCK_FILE), async () => {
    const file = eventsPath(storeDir);
    const prefix = (await endsWithNewline(file)) ? '' : '\n';
    await appendFile(file, `${prefix}${JSON.stringify(event)}\n`, { encoding: 'utf8', flush: true } as Parameters<typeof appendFile>[2]);
    return afterAppend ? afterAppend() : undefined;
  });
}

async function endsWithNewline(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return true; // No file yet: nothing to separate from.
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer[0] === 0x0a;
  } finally {
    await handle.close();
  }
}

async function ensureGitattributes(storeDir: string): Promise<void> {
  const file = join(storeDir, '.gitattributes');
  const current = await readFile(file, 'utf8').catch(() => undefined);
  if (current !== undefined && /merge=union/.test(current)) return;
  await writeFile(file, current ? `${current.trimEnd()}\n${GITATTRIBUTES}` : GITATTRIBUTES, 'utf8');
}
