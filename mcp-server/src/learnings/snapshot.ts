/**
 * A snapshot is the learnings state plus exactly how far into events.jsonl it reaches: the byte count
 * (always a line end) and a fingerprint of the bytes just before it. It stays valid while those bytes
 * are still there: appends keep it valid, a union merge that puts the other branch's lines after ours
 * keeps it valid, anything that rewrites the covered part (a rebase, a checkout) does not.
 *
 * Two homes: `summary-cache.json`, local and gitignored, rewritten by every record; and
 * `checkpoints.jsonl`, committed and `merge=union`, one snapshot per line, appended every
 * CHECKPOINT_EVERY_BYTES of events, so a fresh clone starts from the newest checkpoint that is still
 * valid and reads only the events after it. Both are derived data: an invalid or corrupt one is
 * skipped (the next older one, or a rebuild from the events, takes over), never an error.
 *
 * Good: a clone of a store with 100,000 events reads one checkpoint line and ≤ 256 KiB of events.
 * Bad:  a committed rendered summary, which conflicts whenever two branches both recorded a run.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { LearningsState } from './state.js';
import { fingerprintAt, fingerprintMatches } from './fingerprint.js';

export { fingerprintAt };
import { appendLine, CHECKPOINTS_FILE, SUMMARY_CACHE_FILE } from './store.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** Events between two committed checkpoints (a fresh clone parses at most this much). */
export const CHECKPOINT_EVERY_BYTES = 256 * 1024;
/** How far back from the end of checkpoints.jsonl a reader looks for a valid checkpoint. */
const CHECKPOINT_SCAN_BYTES = 4 * 1024 * 1024;
/** Messages of unreadable lines kept (the count is exact). */
export const KEPT_WARNINGS = 20;

export interface Snapshot {
  v: 1;
  /** Bytes of events.jsonl the state covers. */
  coveredBytes: number;
  /** Lines in those bytes (line numbers of later warnings). */
  lines: number;
  fingerprint: string;
  /** Bytes covered by the newest committed checkpoint known here (when to write the next one). */
  checkpointBytes: number;
  /** Unreadable lines so far: how many, and the first messages. */
  warnings: { count: number; messages: string[] };
  state: LearningsState;
}

export async function stillValid(snapshot: Snapshot, handle: FileHandle, size: number): Promise<boolean> {
  return snapshot.coveredBytes <= size && (await fingerprintMatches(handle, snapshot.coveredBytes, snapshot.fingerprint));
}

export async function readLocalSnapshot(storeDir: string): Promise<Snapshot | undefined> {
  const text = await readFile(join(storeDir, SUMMARY_CACHE_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : asSnapshot(text);
}

/** Temp file + rename (no fsync: a cache lost in a crash is rebuilt). */
export async function writeLocalSnapshot(storeDir: string, snapshot: Snapshot): Promise<void> {
  await writeQuickly(join(storeDir, SUMMARY_CACHE_FILE), JSON.stringify(snapshot));
}

/** Temp file + rename without fsync: a cache lost in a crash is rebuilt (util/atomic-write.ts). */
export async function writeQuickly(path: string, data: string): Promise<void> {
  await writeFileAtomic(path, data, { durable: false });
}

/** The newest checkpoint that is still valid for events.jsonl (scanning from the end), if any. */
export async function readValidCheckpoint(storeDir: string, events: FileHandle, eventsSize: number): Promise<Snapshot | undefined> {
  let handle: FileHandle;
  try {
    handle = await open(join(storeDir, CHECKPOINTS_FILE), 'r');
  } catch {
    return undefined;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - CHECKPOINT_SCAN_BYTES);
    let end = size;
    let carry = '';
    const chunkSize = 64 * 1024;
    while (end > start) {
      const from = Math.max(start, end - chunkSize);
      const buffer = Buffer.alloc(end - from);
      await handle.read(buffer, 0, buffer.length, from);
      const text = buffer.toString('utf8') + carry;
      const lines = text.split('\n');
      // The first piece may be a partial line unless the chunk starts the file: keep it for the next round.
      carry = from > 0 ? lines.shift()! : '';
      for (let i = lines.length - 1; i >= 0; i--) {
        const snapshot = asSnapshot(lines[i]!, true);
        if (snapshot && (await stillValid(snapshot, events, eventsSize))) return { ...snapshot, checkpointBytes: snapshot.coveredBytes };
      }
      end = from;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}

export async function appendCheckpoint(storeDir: string, snapshot: Snapshot): Promise<void> {
  const { checkpointBytes: _ignored, ...line } = snapshot;
  await appendLine(join(storeDir, CHECKPOINTS_FILE), JSON.stringify(line));
}

/** The unreadable-line messages to show, with how many more there were. */
export function warningLines(snapshot: Snapshot): string[] {
  const { count, messages } = snapshot.warnings;
  return count > messages.length ? [...messages, `… and ${count - messages.length} more unreadable lines`] : [...messages];
}

/** A snapshot read back from disk, or undefined when it is not one (corrupt cache, foreign line). */
function asSnapshot(text: string, checkpoint = false): Snapshot | undefined {
  if (!text.startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const s = value as Partial<Snapshot>;
  const state = s.state as Partial<LearningsState> | undefined;
  const ok =
    s.v === 1 &&
    Number.isSafeInteger(s.coveredBytes) && s.coveredBytes! >= 0 &&
    Number.isSafeInteger(s.lines) &&
    typeof s.fingerprint === 'string' &&
    (checkpoint || Number.isSafeInteger(s.checkpointBytes)) &&
    typeof s.warnings === 'object' && s.warnings !== null && Array.isArray(s.warnings.messages) &&
    typeof state === 'object' && state !== null && state.v === 1 &&
    typeof state.pitfalls === 'object' && typeof state.windows === 'object' &&
    Array.isArray(state.recentLessons) && Array.isArray(state.recentRuns) && Array.isArray(state.notes) &&
    typeof state.production === 'object' && state.production !== null && Array.isArray(state.production.recent);
  return ok ? ({ ...s, checkpointBytes: s.checkpointBytes ?? 0 } as Snapshot) : undefined;
}
