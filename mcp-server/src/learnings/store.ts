/**
 * The learnings store: `events.jsonl` in the user's repository, one JSON event per line, append-only.
 * No lock: each event is ONE write(2) of one whole line to a file opened with O_APPEND, which the
 * kernel places at the end atomically, so 20 processes appending at once neither lose nor interleave
 * lines. `.gitattributes` marks it (and `checkpoints.jsonl`) `merge=union` so two people's runs merge
 * by keeping both sides' lines. A line that does not parse is skipped with a warning (with its line
 * number) and never costs the other events. A crash mid-line leaves a fragment that the next append
 * starts a fresh line after.
 *
 * Good: `{"v":1,"runId":"r1","at":"2026-01-01T00:00:00.000Z","phase":"deploy","outcome":"succeeded","pitfalls":[]}`
 * Bad:  `{"v":1,"runId":"r1"` (skipped: "events.jsonl:7: not a JSON event").
 */
import { appendFile, mkdir, open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { RUN_PHASES, type RunEvent, type RunOutcome, type RunPhase } from './event.js';
import { redactDeep } from '../util/redact-secrets.js';
import { SESSION_CACHE_FILE } from './session-cache.js';
import { atPath, printable } from '../errors.js';

/** Same pattern as learnings/record-lesson.ts PITFALL_ID (not imported: the hook's reader stays small). */
const PITFALL_ID_PATTERN = /^[a-z][a-z0-9_]{1,63}$/;

export const EVENTS_FILE = 'events.jsonl';
/** Committed summaries of the events so far (see snapshot.ts): a fresh clone reads the last one. */
export const CHECKPOINTS_FILE = 'checkpoints.jsonl';
/** The local summary (state + how far into events.jsonl it reaches), rewritten by every record. */
export const SUMMARY_CACHE_FILE = 'summary-cache.json';
/** Rendered on this machine for people to read; never committed (rendered text conflicts in merges). */
export const RENDERED_FILE = 'learnings.md';
export const CATALOG_SNAPSHOT_FILE = 'catalog.json';
/** The lock file of shipgate ≤ 0.2 (appends no longer lock); still ignored so an old one is not committed. */
export const LOCK_FILE = 'events.lock';
/** Machine-local caches and rendered text: never committed (the events and checkpoints are the truth). */
const IGNORED = [RENDERED_FILE, SUMMARY_CACHE_FILE, CATALOG_SNAPSHOT_FILE, SESSION_CACHE_FILE, LOCK_FILE, '.*.tmp'];
const GITIGNORE_HEADER = '# shipgate learnings: local caches and rendered text, rebuilt from events.jsonl';
const UNION_FILES = [EVENTS_FILE, CHECKPOINTS_FILE];
const GITATTRIBUTES_HEADER = "# shipgate learnings: two branches' runs merge by keeping every line.";

/** `2026-03-02T10:00:00.000Z`, what toISOString writes: accepted without a Date.parse. */
const CANONICAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const PHASES: ReadonlySet<string> = new Set<RunPhase>(RUN_PHASES);
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

/**
 * The events file open for reading, or undefined when there is none yet. A folder in its place opens on
 * Linux and fails only at read(2), with an EISDIR that names no file: refused here, by name.
 */
export async function openEvents(file: string): Promise<FileHandle | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  if ((await handle.stat()).isDirectory()) {
    await handle.close();
    atPath(file)(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', syscall: 'read' }));
  }
  return handle;
}

/**
 * Read every valid event, oldest first (file order). Corrupt lines are reported, not fatal.
 * A long-lived process (the MCP server, a benchmark) keeps what it parsed: when the file is the same
 * inode, only grew, and the bytes just before the old end are unchanged, only the appended bytes are
 * parsed. Anything else (a merge or checkout rewrote it, a truncation) reads the whole file again.
 */
export async function readEvents(storeDir: string): Promise<StoreContents> {
  const file = eventsPath(storeDir);
  const handle = await openEvents(file);
  if (!handle) {
    parsedCache.delete(file);
    return { events: [], warnings: [], exists: false };
  }
  try {
    const info = await handle.stat();
    const cached = parsedCache.get(file);
    let state: ParseState;
    if (cached && cached.ino === info.ino && cached.dev === info.dev && info.size >= cached.size && cached.endsWithNewline && (await sameTail(handle, cached))) {
      state = cached.state;
      if (info.size > cached.size) {
        const grown = Buffer.alloc(info.size - cached.size);
        await handle.read(grown, 0, grown.length, cached.size);
        parseInto(state, grown.toString('utf8'));
      }
    } else {
      state = newState();
      parseInto(state, (await handle.readFile()).toString('utf8'));
    }
    const tail = Buffer.alloc(Math.min(TAIL_BYTES, info.size));
    if (tail.length > 0) await handle.read(tail, 0, tail.length, info.size - tail.length);
    parsedCache.set(file, { ino: info.ino, dev: info.dev, size: info.size, tail, endsWithNewline: tail.length === 0 || tail[tail.length - 1] === 0x0a, state });
    return { events: state.events.slice(), warnings: state.warnings.slice(), exists: true };
  } finally {
    await handle.close();
  }
}

/** Pure: whole lines of a chunk of events.jsonl that starts after `linesBefore` lines (for line numbers). */
export function parseEventLines(text: string, linesBefore: number): { events: RunEvent[]; warnings: StoreWarning[]; lines: number } {
  const state = newState();
  state.lines = linesBefore;
  parseInto(state, text);
  return { events: state.events, warnings: state.warnings, lines: state.lines };
}

interface ParseState {
  events: RunEvent[];
  warnings: StoreWarning[];
  seen: Set<string>;
  /** Lines consumed so far (for 1-based line numbers of later chunks). */
  lines: number;
}

interface CachedParse {
  ino: number;
  dev: number;
  size: number;
  tail: Buffer;
  endsWithNewline: boolean;
  state: ParseState;
}

const TAIL_BYTES = 256;
const parsedCache = new Map<string, CachedParse>();

function newState(): ParseState {
  return { events: [], warnings: [], seen: new Set(), lines: 0 };
}

async function sameTail(handle: import('node:fs/promises').FileHandle, cached: CachedParse): Promise<boolean> {
  if (cached.tail.length === 0) return true;
  const now = Buffer.alloc(cached.tail.length);
  await handle.read(now, 0, now.length, cached.size - now.length);
  return now.equals(cached.tail);
}

/** Parse whole lines of `text` (which starts at a line boundary) into the state. */
function parseInto(state: ParseState, text: string): void {
  const lines = text.split('\n');
  // A text ending in "\n" yields a last empty element: not a line.
  const count = text.endsWith('\n') ? lines.length - 1 : lines.length;
  // Fast path: one JSON.parse of all lines as an array (much cheaper than 10,000 calls on a cold
  // start); any bad line makes it throw and we fall back to line by line, which locates the damage.
  let values: unknown[] | undefined;
  if (count > 1) {
    try {
      const nonEmpty = lines.slice(0, count).filter((l) => l.trim() !== '');
      const parsed: unknown = JSON.parse(`[${nonEmpty.join(',')}]`);
      values = Array.isArray(parsed) && parsed.length === nonEmpty.length ? parsed : undefined;
    } catch {
      values = undefined;
    }
  }
  let valueIndex = 0;
  for (let index = 0; index < count; index++) {
    const lineNumber = state.lines + index + 1;
    const raw = lines[index]!;
    const line = raw.charCodeAt(0) === 0x7b && raw.charCodeAt(raw.length - 1) === 0x7d ? raw : raw.trim();
    if (line === '') continue;
    let value: unknown;
    try {
      value = values ? values[valueIndex++] : JSON.parse(line);
    } catch {
      state.warnings.push({ line: lineNumber, message: `${EVENTS_FILE}:${lineNumber}: not a JSON event, skipped (${printable(line.length > 60 ? `${line.slice(0, 60)}…` : line, true)})` });
      continue;
    }
    const problem = eventProblem(value);
    if (problem) {
      state.warnings.push({ line: lineNumber, message: `${EVENTS_FILE}:${lineNumber}: ${problem}, skipped` });
      continue;
    }
    const event = value as RunEvent;
    // One timestamp format (toISOString) so ordering can compare strings.
    if (!CANONICAL_TIME.test(event.at)) event.at = new Date(event.at).toISOString();
    const key = `${event.runId}\u0000${event.phase}\u0000${event.at}`;
    if (state.seen.has(key)) continue;
    state.seen.add(key);
    state.events.push(event);
  }
  state.lines += count;
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
  // Ids become headings and anchors in learnings.md: one that is not snake_case was not written by shipgate.
  const badId = event.pitfalls.find((p) => !PITFALL_ID_PATTERN.test(p as string));
  if (badId !== undefined) return `expected snake_case pitfall ids, found ${JSON.stringify(String(badId).slice(0, 40))}`;
  return undefined;
}

/**
 * Append one event as one line with a single O_APPEND write (no lock; see the header), creating the
 * folder first and `.gitattributes` and `.gitignore` alongside. Durable before it returns (fdatasync).
 */
export async function appendEvent(storeDir: string, event: RunEvent): Promise<void> {
  await mkdir(storeDir, { recursive: true });
  // Three files, no order needed between them: all are in place when this returns.
  await Promise.all([ensureGitattributes(storeDir), ensureGitignore(storeDir), appendLine(eventsPath(storeDir), JSON.stringify(redactDeep(event)))]);
}

/**
 * One line, one write(2) on an O_APPEND descriptor. A fragment left by a crash (no final newline) gets
 * a newline first, in the same write. Two writers racing after such a crash may both add one: a blank
 * line, which readers ignore.
 */
export async function appendLine(file: string, line: string): Promise<void> {
  // One descriptor both reads the last byte and appends (O_APPEND places every write at the end).
  const handle = await open(file, 'a+');
  try {
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    const data = Buffer.from(`${prefix}${line}\n`, 'utf8');
    const { bytesWritten } = await handle.write(data, 0, data.length);
    // A regular file takes the whole buffer in one call; a short write (disk full) is finished, not dropped.
    if (bytesWritten < data.length) await handle.write(data, bytesWritten, data.length - bytesWritten);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function ensureGitattributes(storeDir: string): Promise<void> {
  const file = join(storeDir, '.gitattributes');
  const current = await readFile(file, 'utf8').catch(() => undefined);
  const missing = UNION_FILES.filter((name) => !new RegExp(`^${name.replace('.', '\\.')}\\s+merge=union\\s*$`, 'm').test(current ?? ''));
  if (missing.length === 0) return;
  const header = current?.includes(GITATTRIBUTES_HEADER) ? [] : [GITATTRIBUTES_HEADER];
  const added = [...header, ...missing.map((name) => `${name} merge=union`)].join('\n');
  await writeFile(file, current ? `${current.trimEnd()}\n${added}\n` : `${added}\n`, 'utf8');
}

/** `.gitignore` of the store: adds the names it lacks (a store made by an older shipgate lacks some). */
async function ensureGitignore(storeDir: string): Promise<void> {
  const file = join(storeDir, '.gitignore');
  const current = await readFile(file, 'utf8').catch(() => undefined);
  const lines = new Set((current ?? '').split('\n').map((line) => line.trim()));
  const missing = IGNORED.filter((name) => !lines.has(name));
  if (missing.length === 0) return;
  const header = current?.includes(GITIGNORE_HEADER) ? [] : [GITIGNORE_HEADER];
  const added = [...header, ...missing].join('\n');
  await writeFile(file, current ? `${current.trimEnd()}\n${added}\n` : `${added}\n`, 'utf8');
}
