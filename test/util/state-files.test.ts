/**
 * Every state file is read through its zod schema: a damaged one gets a ConfigError that names the
 * file and what was wrong, and the read changes nothing; never a crash deep inside or a silently
 * wrong value. Caches (the catalog snapshot) are a miss instead and get recomputed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { ConfigError, ShipgateError } from '../../mcp-server/src/errors.js';
import { readEnvironmentState, writeEnvironmentState } from '../../mcp-server/src/state/deploy-state.js';
import { journalPath, readJournal } from '../../mcp-server/src/release/journal.js';
import { readRecords } from '../../mcp-server/src/records/deployment-record.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { readCatalogSnapshot } from '../../mcp-server/src/learnings/catalog-snapshot.js';
import { CATALOG_SNAPSHOT_FILE } from '../../mcp-server/src/learnings/store.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'shipgate-state-files-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The error a read throws, checked to be a ConfigError naming `file`. */
async function damagedError(read: () => Promise<unknown>, file: string): Promise<ConfigError> {
  const error = await read().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  const config = error as ConfigError;
  expect(config.details.where).toBe(file);
  expect(config.exitCode).toBe(2);
  expect(config.details.hint).toBeTruthy();
  return config;
}

describe('state files through schemas', () => {
  it('deploy state: a wrong shape is named with its key path; the file is left as it was', async () => {
    const file = join(statePaths(root).base, 'deployments', 'production.json');
    await writeEnvironmentState(root, 'production', { liveColor: 'green', served: [] });
    expect((await readEnvironmentState(root, 'production')).liveColor).toBe('green');
    const damaged = JSON.stringify({ liveColor: 'green', served: 'v1.0.0' });
    await writeFile(file, damaged);
    const error = await damagedError(() => readEnvironmentState(root, 'production'), file);
    expect(error.details.found).toMatch(/^served: /);
    expect(await readFile(file, 'utf8')).toBe(damaged);
    await writeFile(file, '{ "liveColor": "gre');
    expect((await damagedError(() => readEnvironmentState(root, 'production'), file)).details.found).toMatch(/invalid JSON/);
    // No file at all is not damage: nothing has served yet.
    expect(await readEnvironmentState(root, 'staging')).toEqual({ liveColor: 'blue', served: [] });
  });

  it('release journal: a journal with an unknown step is named, not half-trusted', async () => {
    const file = journalPath(root);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ v: 1, pid: 1, startedAt: 'x', step: 'teleport', version: '1.0.0', tag: 'v1.0.0', branch: 'main', headBefore: 'abc', commitMessage: 'm', push: false, remote: 'origin', files: [] }));
    const error = await damagedError(() => readJournal(root), file);
    expect(error.details.found).toMatch(/^step: /);
    await rm(file);
    expect(await readJournal(root)).toBeNull();
  });

  it('deployment records: a damaged record is an error naming it, not skipped in silence', async () => {
    const dir = join(root, 'records');
    await mkdir(dir, { recursive: true });
    const file = join(dir, 'deployment-v1.0.0-2026-03-04.json');
    await writeFile(file, JSON.stringify({ v: 1, id: 'x', kind: 'deploy', status: 'in_progress' }));
    await damagedError(() => readRecords(dir), file);
    await expect(readRecords(dir)).rejects.toBeInstanceOf(ShipgateError);
  });

  it('catalog snapshot (a cache): a damaged one is a miss, recomputed from the detection rules', async () => {
    const storeDir = join(root, 'store');
    await mkdir(storeDir, { recursive: true });
    const fallback = await readCatalogSnapshot(storeDir);
    expect(fallback.length).toBeGreaterThan(0);
    await writeFile(join(storeDir, CATALOG_SNAPSHOT_FILE), JSON.stringify({ v: 1, files: [], entries: [{ id: 'missing_git_tag' }] }));
    expect(await readCatalogSnapshot(storeDir)).toEqual(fallback);
  });
});
