/**
 * The SessionStart text cached by recordRun (`session-summary.json`), keyed by the size and mtime of
 * events.jsonl: when they still match, the hook prints it without reading a single event. Imports
 * only node built-ins so the hook's fast path loads almost nothing.
 *
 * Good: cache `{ size: 5120, mtimeMs: … }` and events.jsonl unchanged → cached text.
 * Bad:  trusting the cache after a git merge changed events.jsonl (size/mtime differ → recomputed).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

export const SESSION_CACHE_FILE = 'session-summary.json';

export interface SessionCache {
  v: 1;
  size: number;
  mtimeMs: number;
  text: string;
}

export type SessionCacheLookup = { state: 'no-store' } | { state: 'hit'; text: string } | { state: 'miss' };

export async function lookupSessionCache(storeDir: string): Promise<SessionCacheLookup> {
  const info = await stat(join(storeDir, 'events.jsonl')).catch(() => undefined);
  if (!info) return { state: 'no-store' };
  const cached = await readFile(join(storeDir, SESSION_CACHE_FILE), 'utf8')
    .then((text) => JSON.parse(text) as SessionCache)
    .catch(() => undefined);
  if (cached && cached.v === 1 && cached.size === info.size && cached.mtimeMs === info.mtimeMs && typeof cached.text === 'string') {
    return { state: 'hit', text: cached.text };
  }
  return { state: 'miss' };
}
