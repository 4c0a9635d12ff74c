/**
 * The SessionStart text cached next to the summary (`session-summary.json`), tied to events.jsonl by
 * the bytes it covers and their fingerprint: when the file still has exactly those bytes, the hook
 * prints the text without reading a single event. Imports only node built-ins so the hook's fast path
 * loads almost nothing.
 *
 * Good: cache `{ coveredBytes: 5120, fingerprint: … }` and events.jsonl unchanged → cached text.
 * Bad:  trusting the cache after a git merge changed events.jsonl (size or fingerprint differ → recomputed).
 */
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fingerprintMatches } from './fingerprint.js';

export const SESSION_CACHE_FILE = 'session-summary.json';

export interface SessionCache {
  v: 2;
  coveredBytes: number;
  fingerprint: string;
  text: string;
}

export type SessionCacheLookup = { state: 'no-store' } | { state: 'hit'; text: string } | { state: 'miss' };

export async function lookupSessionCache(storeDir: string): Promise<SessionCacheLookup> {
  let handle;
  try {
    handle = await open(join(storeDir, 'events.jsonl'), 'r');
  } catch {
    return { state: 'no-store' };
  }
  try {
    const cached = await readFile(join(storeDir, SESSION_CACHE_FILE), 'utf8')
      .then((text) => JSON.parse(text) as Partial<SessionCache>)
      .catch(() => undefined);
    if (!cached || cached.v !== 2 || typeof cached.text !== 'string' || typeof cached.coveredBytes !== 'number') return { state: 'miss' };
    const { size } = await handle.stat();
    if (size !== cached.coveredBytes || typeof cached.fingerprint !== 'string' || !(await fingerprintMatches(handle, size, cached.fingerprint))) return { state: 'miss' };
    return { state: 'hit', text: cached.text };
  } finally {
    await handle.close();
  }
}
