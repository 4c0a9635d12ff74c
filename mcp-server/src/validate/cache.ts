/**
 * Content-hash cache for re-runs: a file's document-rule diagnostics and facts depend only on its path,
 * kind and bytes (document rules are pure), so they are stored under sha1(version + rule set + strict +
 * path + kind + bytes). Project rules (links, manifests, cross-file ids) always run fresh.
 * Lives in `node_modules/.cache/shipgate/` when the project has node_modules, else in the OS temp dir.
 * A corrupt or foreign cache file is ignored, never trusted.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { FileResult } from './process-file.js';
import { cacheKey } from './cache-key.js';

const FORMAT = 1;
const MAX_ENTRIES = 50_000;

export class ResultCache {
  private entries: Map<string, FileResult>;
  private readonly used = new Map<string, FileResult>();
  private dirty = false;

  private constructor(readonly file: string, entries: Map<string, FileResult>, private readonly salt: string) {
    this.entries = entries;
  }

  static open(cwd: string, salt: string): ResultCache {
    const file = cacheFile(cwd);
    let entries = new Map<string, FileResult>();
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; entries?: Record<string, FileResult> };
      if (parsed.format === FORMAT && parsed.entries && typeof parsed.entries === 'object') entries = new Map(Object.entries(parsed.entries));
    } catch {
      // Missing or corrupt: start empty.
    }
    return new ResultCache(file, entries, salt);
  }

  key(path: string, kind: string, bytes: Uint8Array): string {
    return cacheKey(this.salt, path, kind, bytes);
  }

  /** What the cache was salted with: workers compute keys themselves (cache-key.ts). */
  get keySalt(): string {
    return this.salt;
  }

  /** Whether `key` has a stored result (no use recorded: `get` does that when the result is taken). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Every stored key, for workers that look up their files' keys without the results. */
  keys(): string[] {
    return [...this.entries.keys()];
  }

  get(key: string): FileResult | undefined {
    const hit = this.entries.get(key);
    if (hit) this.used.set(key, hit);
    return hit;
  }

  set(key: string, result: FileResult): void {
    this.entries.set(key, result);
    this.used.set(key, result);
    this.dirty = true;
  }

  async save(): Promise<void> {
    if (!this.dirty) return;
    // Keep what this run used plus the most recent others, bounded.
    const kept = new Map(this.used);
    for (const [key, value] of this.entries) {
      if (kept.size >= MAX_ENTRIES) break;
      kept.set(key, value);
    }
    try {
      mkdirSync(join(this.file, '..'), { recursive: true });
      await writeFileAtomic(this.file, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(kept) }));
    } catch {
      // A read-only project or temp dir only costs speed.
    }
  }
}

export function cacheFile(cwd: string): string {
  if (existsSync(join(cwd, 'node_modules'))) return join(cwd, 'node_modules', '.cache', 'shipgate', 'validate-cache.json');
  const id = createHash('sha1').update(cwd).digest('hex').slice(0, 12);
  return join(tmpdir(), 'shipgate-cache', `validate-${id}.json`);
}
