/** Attestations under concurrency and age limits: every line intact, only this commit counts. */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, appendFile } from 'node:fs/promises';
import { makeRepo, type FixtureRepo } from './fixture-repo.js';
import { recordAttestation, findAttestation, readAttestations } from '../../mcp-server/src/gates/attestations.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';

let repo: FixtureRepo | undefined;
afterEach(async () => repo?.cleanup());

describe('attestations', () => {
  it('20 concurrent records all land as whole JSON lines', async () => {
    repo = await makeRepo({ 'a.txt': 'a' });
    const root = repo.root;
    await Promise.all(Array.from({ length: 20 }, (_, i) => recordAttestation({ projectRoot: root, environment: 'production', checkId: `check_${i}`, by: `person ${i}`, evidence: 'e'.repeat(1500) })));
    const lines = (await readFile(statePaths(root).attestations, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(20);
    expect(new Set(lines.map((l) => JSON.parse(l).checkId)).size).toBe(20);
  });

  it('finds only attestations for this commit and environment, younger than max age; skips damaged lines', async () => {
    repo = await makeRepo({ 'a.txt': 'a' });
    const root = repo.root;
    const commit = repo.git('rev-parse', 'HEAD');
    const at = new Date('2026-11-18T10:00:00Z');
    await recordAttestation({ projectRoot: root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'ok', now: () => at });
    await appendFile(statePaths(root).attestations, '{ damaged\n');
    const find = (over: Partial<Parameters<typeof findAttestation>[0]>) => findAttestation({ projectRoot: root, environment: 'production', checkId: 'code_review', commit, now: () => at, ...over });
    expect((await find({}))?.by).toBe('Ada');
    expect(await find({ environment: 'staging' })).toBeUndefined();
    expect(await find({ commit: '0'.repeat(40) })).toBeUndefined();
    expect(await find({ maxAgeMs: 60_000, now: () => new Date(at.getTime() + 61_000) })).toBeUndefined();
    expect((await find({ maxAgeMs: 60_000, now: () => new Date(at.getTime() + 59_000) }))?.by).toBe('Ada');
    const log = await readAttestations(root);
    expect(log.attestations).toHaveLength(1);
    expect(log.refusedLines).toEqual([2]);
  });

  it('by and evidence follow the one free-text rule: a line break or a C1/line-separator control in "by" is refused and nothing is written; evidence may span lines', async () => {
    repo = await makeRepo({ 'a.txt': 'a' });
    const root = repo.root;
    const base = { projectRoot: root, environment: 'production', checkId: 'code_review' };
    for (const by of ['Ada\nLovelace', 'Ada\u009b2J', 'Ada\u2028Lovelace', 'Ada\u0000', ' ', 'x'.repeat(101)]) {
      await expect(recordAttestation({ ...base, by, evidence: 'PR #12 approved' })).rejects.toThrow(/The by is not valid: it (contains control characters or a line break|is empty|is 101 characters long)\./);
    }
    await expect(recordAttestation({ ...base, by: 'Ada', evidence: 'PR #12\u001b[2J approved' })).rejects.toThrow(/The evidence is not valid: it contains control characters\./);
    await expect(readFile(statePaths(root).attestations, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    await recordAttestation({ ...base, by: 'Ada Lovelace', evidence: 'PR #12 approved\nstaging soak 2 h, dashboards green' });
    const log = await readAttestations(root);
    expect(log.attestations.map((a) => a.evidence)).toEqual(['PR #12 approved\nstaging soak 2 h, dashboards green']);
  });
});
