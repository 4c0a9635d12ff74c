/**
 * The content-hash cache key of one Markdown file: sha1(salt + path + kind + bytes). Its own module so a
 * worker thread can compute it next to the bytes it read, without loading the cache (its file, its
 * atomic writer) that only the main thread keeps.
 */
import { createHash } from 'node:crypto';

export function cacheKey(salt: string, path: string, kind: string, bytes: Uint8Array): string {
  return createHash('sha1').update(salt).update('\0').update(path).update('\0').update(kind).update('\0').update(bytes).digest('hex');
}
