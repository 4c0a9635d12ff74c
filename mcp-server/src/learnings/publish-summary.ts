/**
 * Leaves a computed summary where the next reader finds it: the local `summary-cache.json`, the
 * SessionStart text, and (for a record) the rendered `learnings.md` people read; every one gitignored.
 * When the events have grown past the snapshot a committed checkpoint is due, it is appended to
 * `checkpoints.jsonl` (merge=union, committed with the events), so a fresh clone starts near the end.
 *
 * Good: recordRun → publishSummary(dir, snapshot, { sessionText, markdown, checkpoint: true }).
 * Bad:  the SessionStart hook appending checkpoints (a hook only refreshes local caches).
 */
import { join } from 'node:path';
import { SESSION_CACHE_FILE, type SessionCache } from './session-cache.js';
import { appendCheckpoint, CHECKPOINT_EVERY_BYTES, writeLocalSnapshot, writeQuickly, type Snapshot } from './snapshot.js';
import { RENDERED_FILE } from './store.js';
import { remember } from './load-state.js';

export interface PublishOptions {
  sessionText?: string;
  markdown?: string;
  /** Append a committed checkpoint when one is due (record only). */
  checkpoint?: boolean;
}

export async function publishSummary(storeDir: string, snapshot: Snapshot, options: PublishOptions): Promise<void> {
  if (options.checkpoint && snapshot.coveredBytes - snapshot.checkpointBytes >= CHECKPOINT_EVERY_BYTES) {
    await appendCheckpoint(storeDir, snapshot);
    snapshot.checkpointBytes = snapshot.coveredBytes;
    remember(storeDir, snapshot);
  }
  // Three files, each replaced whole by a rename: independent, so written side by side.
  const writes = [writeLocalSnapshot(storeDir, snapshot)];
  if (options.sessionText !== undefined) {
    const cache: SessionCache = { v: 2, coveredBytes: snapshot.coveredBytes, fingerprint: snapshot.fingerprint, text: options.sessionText };
    writes.push(writeQuickly(join(storeDir, SESSION_CACHE_FILE), JSON.stringify(cache)));
  }
  if (options.markdown !== undefined) writes.push(writeQuickly(join(storeDir, RENDERED_FILE), options.markdown));
  await Promise.all(writes);
}
