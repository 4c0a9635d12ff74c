/** Each refusal happens before anything is touched: the repository stays byte-for-byte as it was. */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fixturesCleanedAfterEach, pkg, remoteRefs, snapshot, type Fixture } from './repo-fixture.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';
import { BlockedError, ConfigError, ShipgateError } from '../../mcp-server/src/errors.js';

const now = new Date('2026-11-22T10:00:00Z');
const fixture = fixturesCleanedAfterEach();

/** A leftover tag on a commit that is not in main's history (a botched earlier release). */
function tagOnSideBranch(f: Fixture, tag: string): void {
  f.git('switch', '-q', '-c', 'side');
  f.commit('chore: side');
  f.git('tag', tag);
  f.git('switch', '-q', 'main');
  f.git('branch', '-q', '-D', 'side');
}

async function expectRefused(f: Fixture, kind: abstract new (...args: never[]) => ShipgateError, pattern: RegExp, options: { push?: boolean } = {}): Promise<ShipgateError> {
  const before = snapshot(f);
  const remoteBefore = remoteRefs(f);
  const error = await runBump(f.root, { bump: 'auto', dryRun: false, push: options.push, now, skipLearnings: true }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(kind);
  const shipgateError = error as ShipgateError;
  expect(shipgateError.describe()).toMatch(pattern);
  expect(shipgateError.details.hint ?? '').not.toBe('');
  expect(snapshot(f)).toEqual(before);
  expect(remoteRefs(f)).toBe(remoteBefore);
  return shipgateError;
}

describe('refusals change nothing', () => {
  it('dirty tree (tracked change)', async () => {
    const f = fixture();
    f.commit('feat: x');
    f.write('package.json', pkg('1.0.0', { description: 'edited' }));
    const error = await expectRefused(f, BlockedError, /uncommitted change.*package\.json/);
    expect(error.details.hint).toMatch(/stash/);
  });

  it('dirty tree (untracked file)', async () => {
    const f = fixture();
    f.commit('feat: x');
    f.write('notes.txt', 'wip');
    await expectRefused(f, BlockedError, /uncommitted change.*notes\.txt/);
  });

  it('detached HEAD', async () => {
    const f = fixture();
    f.commit('feat: x');
    f.git('checkout', '-q', '--detach', 'HEAD');
    const error = await expectRefused(f, BlockedError, /detached/);
    expect(error.details.hint).toMatch(/git switch/);
  });

  it('tag already exists locally', async () => {
    const f = fixture();
    tagOnSideBranch(f, 'v1.1.0');
    f.commit('feat: x');
    await expectRefused(f, BlockedError, /Tag v1\.1\.0 already exists in this repository/);
  });

  it('tag already exists on the remote', async () => {
    const f = fixture();
    f.commit('feat: x');
    f.git('tag', 'v1.1.0');
    f.git('push', '-q', 'origin', 'v1.1.0');
    f.git('tag', '-d', 'v1.1.0');
    await expectRefused(f, BlockedError, /Tag v1\.1\.0 already exists on origin/);
  });

  it('branch behind its upstream', async () => {
    const f = fixture();
    const other = join(f.base, 'other');
    execFileSync('git', ['clone', '-q', f.remote, other]);
    execFileSync('git', ['-c', 'user.name=o', '-c', 'user.email=o@x', 'commit', '-q', '--allow-empty', '-m', 'fix: elsewhere'], { cwd: other });
    execFileSync('git', ['push', '-q', 'origin', 'main'], { cwd: other });
    f.commit('feat: x');
    const error = await expectRefused(f, BlockedError, /1 commit behind origin\/main/);
    expect(error.details.hint).toMatch(/git pull --rebase origin main/);
  });

  it('a version file that cannot be parsed', async () => {
    const f = fixture({ 'package.json': pkg('1.0.0'), 'app.json': '{ "expo": { "version": "1.0.0", } }\n', 'shipgate.config.yaml': 'versioning:\n  files:\n    - path: app.json\n      key: expo.version\n' });
    f.commit('feat: x');
    const error = await expectRefused(f, ConfigError, /app\.json cannot be parsed as JSON/);
    expect(error.details.hint).toMatch(/Fix the JSON syntax of app\.json/);
  });

  it('a version pattern that matches nothing', async () => {
    const f = fixture({ 'package.json': pkg('1.0.0'), 'src/v.ts': 'export const V = 1;\n', 'shipgate.config.yaml': "versioning:\n  files:\n    - path: src/v.ts\n      pattern: \"VERSION = '([^']+)'\"\n" });
    f.commit('feat: x');
    await expectRefused(f, ConfigError, /does not find a version in src\/v\.ts/);
  });

  it('a package.json without a valid version', async () => {
    const f = fixture({ 'package.json': '{ "name": "x", "version": "one" }\n' });
    f.commit('feat: x');
    await expectRefused(f, ConfigError, /no valid semantic version/);
  });

  it('not on the configured release branch', async () => {
    const f = fixture({ 'package.json': pkg('1.0.0'), 'shipgate.config.yaml': 'versioning:\n  branch: main\n' });
    f.git('switch', '-q', '-c', 'feature');
    f.commit('feat: x');
    const error = await expectRefused(f, BlockedError, /Releases are cut from main/);
    expect(error.details.hint).toMatch(/git switch main/);
  });

  it('--push without the remote', async () => {
    const f = fixture();
    f.commit('feat: x');
    f.git('remote', 'remove', 'origin');
    await expectRefused(f, BlockedError, /--push needs the remote "origin"/, { push: true });
  });

  it('a dry run lists every refusal without throwing and exits not-ok', async () => {
    const f = fixture();
    tagOnSideBranch(f, 'v1.1.0');
    f.commit('feat: x');
    f.write('wip.txt', 'x');
    const before = snapshot(f);
    const result = await runBump(f.root, { bump: 'auto', dryRun: true, now, skipLearnings: true });
    expect(result.ok).toBe(false);
    expect(result.plan.refusals.map((r) => r.id).sort()).toEqual(['dirty-tree', 'tag-exists']);
    expect(snapshot(f)).toEqual(before);
  });
});
