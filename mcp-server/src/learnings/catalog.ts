/**
 * The learnings catalog of a repository: every `<pitfall>` in the plugin's skills and in the project's
 * own skills (`.claude/skills/*\/SKILL.md`, `skills/*\/SKILL.md`), read through the skill model, merged
 * with the detection rules. Parsing skills costs tens of milliseconds, so the result is cached as
 * `catalog.json` in the store, keyed by each skill file's size and mtime (and kept in memory by a
 * long-lived process, one build shared by concurrent callers); the SessionStart hook reads only that
 * snapshot.
 *
 * Good: a project adds `<pitfall name="forgot_feature_flag">` to its own skill → it appears in learnings.md.
 * Bad:  writing the catalog into the plugin folder (a plugin update would drop it).
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CatalogEntry } from './catalog-entry.js';
import { detectionRules } from './detect/index.js';
import { mergeCatalog, type SkillPitfall } from './merge-catalog.js';
import { findPluginRoot } from './plugin-root.js';
import { readSkillPitfalls } from './skill-pitfalls.js';
import { CATALOG_SNAPSHOT_FILE } from './store.js';
import { readSnapshot, type CatalogSnapshot, type CatalogSourceFile } from './catalog-snapshot.js';
import { writeFileAtomic } from '../util/atomic-write.js';

type SourceFile = CatalogSourceFile;

export interface CatalogOptions {
  pluginRoot?: string;
  /** Problems reading a skill (reported, never fatal). */
  onWarning?: (message: string) => void;
  /** Write the `catalog.json` snapshot (default true; false for read-only callers with no store yet). */
  writeSnapshot?: boolean;
}

/** Skill files that may define pitfalls: the plugin's first, then the project's own (deduplicated). */
export async function listSkillFiles(projectRoot: string, pluginRoot: string | undefined): Promise<string[]> {
  const roots: string[] = [];
  if (pluginRoot) roots.push(join(pluginRoot, 'skills'));
  roots.push(join(projectRoot, '.claude', 'skills'), join(projectRoot, 'skills'));
  const seen = new Set<string>();
  const files: string[] = [];
  for (const root of roots) {
    const names = await readdir(root).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const file = join(root, name, 'SKILL.md');
      const real = await realpath(file).catch(() => undefined);
      if (!real || seen.has(real)) continue;
      seen.add(real);
      files.push(real);
    }
  }
  return files;
}

/** Catalogs this process built, by store and skill-file stamps; concurrent callers share one build. */
const built = new Map<string, Promise<{ entries: CatalogEntry[]; written: boolean }>>();
const BUILT_LIMIT = 32;

export async function loadCatalog(projectRoot: string, storeDir: string, options: CatalogOptions = {}): Promise<CatalogEntry[]> {
  const pluginRoot = options.pluginRoot ?? findPluginRoot();
  const files = await listSkillFiles(projectRoot, pluginRoot);
  const sources: SourceFile[] = [];
  for (const path of files) {
    const info = await stat(path);
    sources.push({ path, size: info.size, mtimeMs: info.mtimeMs });
  }
  const key = `${storeDir}\u0000${JSON.stringify(sources)}`;
  const write = options.writeSnapshot !== false;
  let pending = built.get(key);
  if (!pending) {
    if (built.size >= BUILT_LIMIT) built.clear();
    pending = buildCatalog(projectRoot, storeDir, pluginRoot, files, sources, options);
    built.set(key, pending);
    pending.catch(() => built.delete(key));
  }
  const result = await pending;
  // Built for a read-only caller (no store yet): the first caller that may write leaves the snapshot.
  if (write && !result.written) {
    result.written = true;
    await writeSnapshot(storeDir, sources, result.entries);
  }
  return result.entries;
}

async function writeSnapshot(storeDir: string, sources: SourceFile[], entries: CatalogEntry[]): Promise<void> {
  await writeFileAtomic(join(storeDir, CATALOG_SNAPSHOT_FILE), `${JSON.stringify({ v: 1, files: sources, entries } satisfies CatalogSnapshot)}\n`).catch(() => undefined);
}

async function buildCatalog(projectRoot: string, storeDir: string, pluginRoot: string | undefined, files: string[], sources: SourceFile[], options: CatalogOptions): Promise<{ entries: CatalogEntry[]; written: boolean }> {
  const cached = await readSnapshot(storeDir);
  if (cached && sameSources(cached.files, sources)) return { entries: cached.entries, written: true };

  const pitfalls: SkillPitfall[] = [];
  for (const file of files) {
    try {
      const root = pluginRoot && !relative(pluginRoot, file).startsWith('..') ? pluginRoot : projectRoot;
      for (const p of await readSkillPitfalls(file)) pitfalls.push({ ...p, source: `${relative(root, p.file)}:${p.line}` });
    } catch (error) {
      options.onWarning?.(`Could not read pitfalls from ${file}: ${(error as Error).message}`);
    }
  }
  const entries = mergeCatalog(pitfalls, detectionRules);
  const write = options.writeSnapshot !== false;
  if (write) await writeSnapshot(storeDir, sources, entries);
  return { entries, written: write };
}

function sameSources(a: SourceFile[], b: SourceFile[]): boolean {
  return a.length === b.length && a.every((file, i) => file.path === b[i]!.path && file.size === b[i]!.size && file.mtimeMs === b[i]!.mtimeMs);
}
