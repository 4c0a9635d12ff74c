/**
 * The learnings state for a store, reading as little as possible: start from the newest valid
 * snapshot (this process's memory, else the local `summary-cache.json`, else the newest valid
 * committed checkpoint, else nothing) and apply only the events after it. In the MCP server and on a
 * warm machine that is the one line just appended; on a fresh clone, at most one checkpoint interval;
 * only a store with no valid snapshot at all (a rewritten history) is read whole, once.
 *
 * Good: 100,000 events and a valid summary-cache.json → one small JSON read and the new lines.
 * Bad:  parsing every event of the history for each record or each session start.
 */
import type { FileHandle } from 'node:fs/promises';
import { applyEvent, emptyState } from './state.js';
import { eventsPath, openEvents, parseEventLines } from './store.js';
import { fingerprintAt, KEPT_WARNINGS, readLocalSnapshot, readValidCheckpoint, stillValid, type Snapshot } from './snapshot.js';

export type SnapshotSource = 'memory' | 'cache' | 'checkpoint' | 'events';

export interface LoadedState {
  /** False when the store (its events.jsonl) does not exist. */
  exists: boolean;
  snapshot: Snapshot;
  /** Where reading started (`events`: no snapshot was valid, so from the first line). */
  source: SnapshotSource;
  /** Bytes of events.jsonl parsed by this call. */
  parsedBytes: number;
}

/** What this process last computed per store: a long-lived server reads only what was appended since. */
const memory = new Map<string, Snapshot>();

export function emptySnapshot(): Snapshot {
  return { v: 1, coveredBytes: 0, lines: 0, fingerprint: '', checkpointBytes: 0, warnings: { count: 0, messages: [] }, state: emptyState() };
}

export async function loadState(storeDir: string): Promise<LoadedState> {
  const file = eventsPath(storeDir);
  const handle = await openEvents(file);
  if (!handle) {
    memory.delete(file);
    return { exists: false, snapshot: emptySnapshot(), source: 'events', parsedBytes: 0 };
  }
  try {
    const { size } = await handle.stat();
    let base: Snapshot | undefined;
    let source: SnapshotSource = 'events';
    const remembered = memory.get(file);
    if (remembered && (await stillValid(remembered, handle, size))) {
      // Cloned: two calls in flight in one process must not both advance the same object.
      [base, source] = [structuredClone(remembered), 'memory'];
    } else if (remembered) {
      memory.delete(file);
    }
    if (!base) {
      const local = await readLocalSnapshot(storeDir);
      if (local && (await stillValid(local, handle, size))) [base, source] = [local, 'cache'];
    }
    if (!base) {
      const checkpoint = await readValidCheckpoint(storeDir, handle, size);
      if (checkpoint) [base, source] = [checkpoint, 'checkpoint'];
    }
    const snapshot = base ?? emptySnapshot();
    const parsedBytes = await applyTail(snapshot, handle, size);
    remember(storeDir, snapshot);
    return { exists: true, snapshot, source, parsedBytes };
  } finally {
    await handle.close();
  }
}

/** Keep a snapshot as this process's starting point for the store (the one reaching furthest wins). */
export function remember(storeDir: string, snapshot: Snapshot): void {
  const file = eventsPath(storeDir);
  const known = memory.get(file);
  if (!known || known.coveredBytes <= snapshot.coveredBytes) memory.set(file, structuredClone(snapshot));
}

/** Parse the whole lines after the snapshot's end into it; a last line still being written waits. */
async function applyTail(snapshot: Snapshot, handle: FileHandle, size: number): Promise<number> {
  if (size <= snapshot.coveredBytes) return 0;
  const buffer = Buffer.alloc(size - snapshot.coveredBytes);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, snapshot.coveredBytes);
  const end = buffer.lastIndexOf(0x0a, bytesRead - 1) + 1;
  if (end === 0) return 0;
  const { events, warnings, lines } = parseEventLines(buffer.subarray(0, end).toString('utf8'), snapshot.lines);
  for (const event of events) applyEvent(snapshot.state, event);
  snapshot.warnings.count += warnings.length;
  for (const warning of warnings) if (snapshot.warnings.messages.length < KEPT_WARNINGS) snapshot.warnings.messages.push(warning.message);
  snapshot.lines = lines;
  snapshot.coveredBytes += end;
  snapshot.fingerprint = await fingerprintAt(handle, snapshot.coveredBytes);
  return end;
}
