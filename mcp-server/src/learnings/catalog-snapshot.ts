/**
 * `catalog.json`, the learnings catalog cached in the store (catalog.ts builds it from the skills):
 * its shape and its reader. The SessionStart hook reads it on a fresh start, so it is checked with a
 * plain guard rather than zod, whose module alone costs that hook about 13 ms. It is a cache: anything
 * that does not fit exactly is a miss (recomputed from the skills, or the detection rules' fallback),
 * never a catalog with missing fields; unknown keys are dropped.
 *
 * Good: `{ v: 1, files: [{ path, size, mtimeMs }], entries: [{ id, title, phase: "deploy", source, detectable }] }`.
 * Bad:  `{ v: 1, files: [], entries: [{ id: "missing_git_tag" }] }` (an entry without its fields): a miss.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CatalogEntry } from './catalog-entry.js';
import { RUN_PHASES, type RunPhase } from './event.js';
import { detectionRules } from './detect/index.js';
import { mergeCatalog } from './merge-catalog.js';
import { CATALOG_SNAPSHOT_FILE } from './store.js';

export interface CatalogSourceFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface CatalogSnapshot {
  v: 1;
  files: CatalogSourceFile[];
  entries: CatalogEntry[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value === undefined || typeof value === 'string';

function sourceFile(value: unknown): CatalogSourceFile | undefined {
  if (!isObject(value) || typeof value.path !== 'string' || typeof value.size !== 'number' || typeof value.mtimeMs !== 'number') return undefined;
  return { path: value.path, size: value.size, mtimeMs: value.mtimeMs };
}

function catalogEntry(value: unknown): CatalogEntry | undefined {
  if (!isObject(value) || typeof value.id !== 'string' || typeof value.title !== 'string' || typeof value.source !== 'string' || typeof value.detectable !== 'boolean') return undefined;
  if (!RUN_PHASES.includes(value.phase as RunPhase) || !optionalString(value.impact) || !optionalString(value.prevention) || !optionalString(value.detection)) return undefined;
  const entry: CatalogEntry = { id: value.id, title: value.title, phase: value.phase as RunPhase, source: value.source, detectable: value.detectable };
  for (const key of ['impact', 'prevention', 'detection'] as const) if (typeof value[key] === 'string') entry[key] = value[key];
  return entry;
}

/** The snapshot when `value` is one exactly (unknown keys dropped), else undefined. */
export function asCatalogSnapshot(value: unknown): CatalogSnapshot | undefined {
  if (!isObject(value) || value.v !== 1 || !Array.isArray(value.files) || !Array.isArray(value.entries)) return undefined;
  const files = value.files.map(sourceFile);
  const entries = value.entries.map(catalogEntry);
  if (files.some((f) => !f) || entries.some((e) => !e)) return undefined;
  return { v: 1, files: files as CatalogSourceFile[], entries: entries as CatalogEntry[] };
}

export async function readSnapshot(storeDir: string): Promise<CatalogSnapshot | undefined> {
  try {
    return asCatalogSnapshot(JSON.parse(await readFile(join(storeDir, CATALOG_SNAPSHOT_FILE), 'utf8')));
  } catch {
    return undefined;
  }
}

/** The cached catalog, or the detection rules' fallback catalog when there is none (fresh clone). */
export async function readCatalogSnapshot(storeDir: string): Promise<CatalogEntry[]> {
  return (await readSnapshot(storeDir))?.entries ?? mergeCatalog([], detectionRules);
}
