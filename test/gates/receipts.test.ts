/**
 * Receipts: the only proof `deploy` accepts. Every bypass attempt is refused with BlockedError and
 * changes nothing in the repository (HEAD, status and the receipt file stay as they were).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, type FixtureRepo } from './fixture-repo.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { requireReceipt, receiptPath } from '../../mcp-server/src/gates/receipts.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

let repo: FixtureRepo;
let gatedCommit: string;
const later = (minutes: number) => () => new Date(WEDNESDAY().getTime() + minutes * 60_000);

beforeEach(async () => {
  repo = await makeRepo({
    'shipgate.config.yaml': CONFIG(),
    '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="tests_pass"><command>true</command></check>'),
    'package.json': '{ "name": "app", "version": "1.0.0" }\n',
    'CHANGELOG.md': '# Changelog\n',
    'src/index.ts': 'export const a = 1;\n',
    // shipgate's learnings are committed on their own, never inside a release commit (bump adds only its files).
    '.gitignore': '.claude/shipgate/\n',
  });
  const result = await runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY });
  expect(result.ok).toBe(true);
  gatedCommit = result.commit;
});
afterEach(() => repo.cleanup());

async function snapshot() {
  return { head: repo.git('rev-parse', 'HEAD'), status: repo.git('status', '--porcelain'), receipt: await readFile(receiptPath(repo.root, 'production'), 'utf8').catch(() => null) };
}

async function expectRefused(input: Partial<Parameters<typeof requireReceipt>[0]>, message: RegExp) {
  const before = await snapshot();
  const attempt = requireReceipt({ projectRoot: repo.root, environment: 'production', commit: repo.git('rev-parse', 'HEAD'), now: later(5), ...input });
  await expect(attempt).rejects.toBeInstanceOf(BlockedError);
  await expect(attempt).rejects.toThrow(message);
  expect(await snapshot()).toEqual(before);
}

describe('requireReceipt', () => {
  it('accepts the receipt of a passing gate for the same commit, config and gate', async () => {
    const receipt = await requireReceipt({ projectRoot: repo.root, environment: 'production', commit: gatedCommit, now: later(29) });
    expect(receipt.commit).toBe(gatedCommit);
    expect(Date.parse(receipt.expiresAt) - Date.parse(receipt.issuedAt)).toBe(30 * 60_000);
  });

  it('refuses when there is no receipt at all', async () => {
    await expectRefused({ environment: 'staging' }, /No gate receipt for staging/);
  });

  it('refuses an expired receipt', async () => {
    await expectRefused({ now: later(31) }, /expired/);
  });

  it('refuses a receipt for another commit', async () => {
    await repo.write({ 'src/index.ts': 'export const a = 2;\n' });
    repo.commit('feat: change code');
    await expectRefused({}, /changes more than the version value and the changelog: src\/index\.ts/);
    await expectRefused({ commit: repo.git('rev-parse', 'HEAD~1').replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) }, /receipt is for commit/);
  });

  it('refuses after the gate skill changed', async () => {
    await repo.write({ '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="tests_pass"><command>exit 0</command></check>') });
    await expectRefused({ commit: gatedCommit }, /gate skill changed since the receipt was issued/);
  });

  it('refuses after the config changed', async () => {
    await repo.write({ 'shipgate.config.yaml': `${CONFIG()}# edited\n` });
    await expectRefused({ commit: gatedCommit }, /configuration changed/);
  });

  it('refuses a made-up receipt id', async () => {
    await expectRefused({ commit: gatedCommit, receiptId: '00000000-0000-4000-8000-000000000000' }, /does not match/);
  });

  it('refuses a hand-edited receipt (extended expiry, or checks marked passed)', async () => {
    const path = receiptPath(repo.root, 'production');
    const original = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...original, expiresAt: '2099-01-01T00:00:00.000Z' }));
    await expectRefused({ commit: gatedCommit, now: later(60) }, /signature that does not match/);
    await writeFile(path, '{ not json');
    await expectRefused({ commit: gatedCommit }, /has no signature/);
  });

  it('accepts the release commit made on top touching only version files and the changelog', async () => {
    await repo.write({ 'package.json': '{ "name": "app", "version": "1.1.0" }\n', 'CHANGELOG.md': '# Changelog\n\n## 1.1.0\n' });
    const release = repo.commit('chore(release): 1.1.0');
    const receipt = await requireReceipt({ projectRoot: repo.root, environment: 'production', commit: release, now: later(5) });
    expect(receipt.commit).toBe(gatedCommit);
  });

  it('refuses a commit on top that also touches src/, and one two commits away', async () => {
    await repo.write({ 'package.json': '{ "name": "app", "version": "1.1.0" }\n', 'src/index.ts': 'export const a = 3;\n' });
    repo.commit('chore(release): 1.1.0 (sneaky)');
    await expectRefused({}, /src\/index\.ts/);
    await repo.write({ 'CHANGELOG.md': '# Changelog\n\nmore\n' });
    repo.commit('docs');
    await expectRefused({}, /receipt is for commit/);
  });

  it('a gate run that blocks revokes the earlier receipt (issue 14.10); a new passing one replaces it', async () => {
    await repo.write({ 'src/index.ts': 'export const a = 2;\n' });
    repo.commit('feat: more');
    const second = await runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY });
    expect(second.ok).toBe(true);
    await repo.write({ '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="tests_pass"><command>exit 1</command></check>') });
    repo.commit('gate: tests fail now');
    expect((await runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY })).ok).toBe(false);
    await expect(readFile(receiptPath(repo.root, 'production'), 'utf8')).rejects.toThrow(/ENOENT/);
    // The stale receipt of the earlier, passing run no longer deploys its commit.
    await expectRefused({ commit: second.commit }, /No gate receipt for production/);
  });
});
