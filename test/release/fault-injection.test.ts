/**
 * Fault injection at every step of apply (crash-hook.ts): no partial release, ever.
 *  - a failure at a step restores files and removes the commit and tag (nothing reaches the remote);
 *  - a "kill" at a step (abandon: no cleanup runs) leaves a journal the next run repairs.
 */
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createFixture, remoteRefs, snapshot, type Fixture } from './repo-fixture.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';
import { FailedError, ShipgateError } from '../../mcp-server/src/errors.js';
import { TestCrash } from '../../mcp-server/src/release/crash-hook.js';

const now = new Date('2026-11-22T10:00:00Z');
const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((f) => f.cleanup()));

const CHANGELOG = '# Changelog\n\n## [Unreleased]\n\n- Something.\n';

function releasable(): Fixture {
  const f = createFixture({
    'package.json': `${JSON.stringify({ name: 'a', version: '1.0.0' }, null, 2)}\n`,
    'CHANGELOG.md': CHANGELOG,
    'src/version.ts': "export const VERSION = '1.0.0';\n",
    'shipgate.config.yaml': "versioning:\n  files:\n    - path: src/version.ts\n      pattern: \"VERSION = '([^']+)'\"\n",
  });
  fixtures.push(f);
  f.commit('feat: x');
  return f;
}

const journal = (f: Fixture) => statePaths(f.root).releases;
const PRE_PUSH_STEPS = ['write-files', 'write-files:partial', 'stage', 'commit', 'tag', 'push'] as const;

describe('a failure at any step before the push leaves no release', () => {
  for (const step of PRE_PUSH_STEPS) {
    it(`fails at ${step}: files restored, no commit, no tag, nothing pushed`, async () => {
      const f = releasable();
      const before = snapshot(f);
      const remoteBefore = remoteRefs(f);
      const error = await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true, env: { SHIPGATE_TEST_CRASH_AT: step } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ShipgateError);
      expect((error as ShipgateError).describe()).toMatch(new RegExp(`step "${step.split(':')[0]}"`));
      expect((error as ShipgateError).details.hint).toMatch(/Nothing was released/);
      expect(snapshot(f)).toEqual(before);
      expect(remoteRefs(f)).toBe(remoteBefore);
      expect(existsSync(journal(f))).toBe(false);
    });
  }

  it('fails at finish (no push): the local release is undone too', async () => {
    const f = releasable();
    const before = snapshot(f);
    await expect(runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true, env: { SHIPGATE_TEST_CRASH_AT: 'finish' } })).rejects.toBeInstanceOf(FailedError);
    expect(snapshot(f)).toEqual(before);
  });

  it('fails after the push: nothing is undone and the error says the release exists', async () => {
    const f = releasable();
    const error = await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true, env: { SHIPGATE_TEST_CRASH_AT: 'pushed' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailedError);
    expect((error as FailedError).message).toMatch(/v1\.1\.0 was pushed/);
    expect(remoteRefs(f)).toMatch(/refs\/tags\/v1\.1\.0/);
    expect(f.git('rev-parse', 'HEAD')).toBe(f.git('rev-parse', 'v1.1.0^{commit}'));
    expect(existsSync(journal(f))).toBe(false);
  });
});

describe('a process killed at any step: the next run detects and repairs', () => {
  for (const step of PRE_PUSH_STEPS) {
    it(`killed at ${step}: dry run explains, real run undoes it and releases once`, async () => {
      const f = releasable();
      const before = snapshot(f);
      const remoteBefore = remoteRefs(f);
      const crash = await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true, env: { SHIPGATE_TEST_CRASH_AT: step, SHIPGATE_TEST_CRASH_MODE: 'abandon' } }).catch((e: unknown) => e);
      expect(crash).toBeInstanceOf(TestCrash);
      expect(existsSync(journal(f))).toBe(true);
      expect(remoteRefs(f)).toBe(remoteBefore); // nothing half-made is ever pushed

      const dry = await runBump(f.root, { bump: 'auto', dryRun: true, push: true, now, skipLearnings: true });
      expect(dry.ok).toBe(false);
      expect(dry.plan.refusals[0]?.id).toBe('interrupted-release');
      expect(dry.recovery?.action).toBe('needs-repair');
      expect(existsSync(journal(f))).toBe(true);

      const result = await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true });
      expect(result.recovery?.action).toBe('rolled-back');
      expect(result.applied?.tag).toBe('v1.1.0');
      expect(f.git('log', '--format=%s', `${before.head as string}..HEAD`)).toBe('chore(release): v1.1.0');
      expect(f.git('rev-parse', 'HEAD^')).toBe(before.head);
      expect(f.read('src/version.ts')).toBe("export const VERSION = '1.1.0';\n");
      expect(f.git('status', '--porcelain')).toBe('');
      expect(remoteRefs(f)).toMatch(/refs\/tags\/v1\.1\.0/);
      expect(existsSync(journal(f))).toBe(false);
    });
  }

  it('killed after the push: the next run sees the tag on the remote and only clears the journal', async () => {
    const f = releasable();
    await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true, env: { SHIPGATE_TEST_CRASH_AT: 'pushed', SHIPGATE_TEST_CRASH_MODE: 'abandon' } }).catch(() => undefined);
    const head = f.git('rev-parse', 'HEAD');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.recovery?.action).toBe('completed');
    expect(result.nothingToRelease).toBe(true);
    expect(f.git('rev-parse', 'HEAD')).toBe(head);
    expect(f.git('tag', '--list', 'v1.1.0')).toBe('v1.1.0');
    expect(existsSync(journal(f))).toBe(false);
  });
});
