/** Every bump rule, on real temporary git repositories (commits since the last tag → next version). */
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesCleanedAfterEach, pkg, snapshot, type Fixture } from './repo-fixture.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

const now = new Date('2026-11-22T10:00:00Z');
const fixture = fixturesCleanedAfterEach();

describe('bump rules (auto)', () => {
  const cases: Array<[string, string, string[], string, string]> = [
    ['fix → patch', '1.0.0', ['fix: handle empty input', 'chore: tidy'], '1.0.1', 'patch'],
    ['perf → patch', '1.0.0', ['perf(db): index lookups'], '1.0.1', 'patch'],
    ['feat → minor', '1.4.2', ['fix: a', 'feat(api): add search', 'docs: readme'], '1.5.0', 'minor'],
    ['! → major', '1.4.2', ['feat: a', 'feat(api)!: drop v1 routes'], '2.0.0', 'major'],
    ['BREAKING CHANGE footer → major', '1.4.2', ['fix: a\n\nBREAKING CHANGE: config key renamed'], '2.0.0', 'major'],
    ['BREAKING-CHANGE footer → major', '3.0.0', ['refactor: x\n\nBREAKING-CHANGE: y'], '4.0.0', 'major'],
    ['breaking below 1.0.0 → minor', '0.3.1', ['feat!: new config format'], '0.4.0', 'minor'],
    ['feat below 1.0.0 → minor', '0.3.1', ['feat: thing'], '0.4.0', 'minor'],
  ];
  for (const [name, current, messages, next, level] of cases) {
    it(name, async () => {
      const f = fixture({ 'package.json': pkg(current) }, { tag: `v${current}` });
      for (const message of messages) f.commit(message);
      const result = await runBump(f.root, { bump: 'auto', dryRun: true, now, skipLearnings: true });
      expect(result.plan.nextVersion).toBe(next);
      expect(result.plan.chosen).toBe(level);
      expect(result.plan.reasons.length).toBeGreaterThan(0);
      expect(result.plan.reason).toContain(level);
      expect(result.ok).toBe(true);
    });
  }

  it('breakingBelowOne: major in shipgate.config.yaml makes 0.x breaking changes major', async () => {
    const f = fixture({ 'package.json': pkg('0.9.0'), 'shipgate.config.yaml': 'versioning:\n  breakingBelowOne: major\n' }, { tag: 'v0.9.0' });
    f.commit('feat!: stable API');
    const result = await runBump(f.root, { bump: 'auto', dryRun: true, now, skipLearnings: true });
    expect(result.plan.nextVersion).toBe('1.0.0');
  });

  it('no releasable commits: says so and changes nothing', async () => {
    const f = fixture();
    f.commit('chore: deps');
    f.commit('docs: typo');
    f.commit('Update readme');
    const before = snapshot(f);
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.nothingToRelease).toBe(true);
    expect(result.plan.nextVersion).toBeNull();
    expect(result.plan.commitCount).toBe(3);
    expect(result.applied).toBeNull();
    expect(snapshot(f)).toEqual(before);
  });

  it('counts commits since the last v-tag only', async () => {
    const f = fixture();
    // before the tag: a feat already released in v1.0.0 (the fixture tags the initial commit), then a new fix
    f.commit('fix: after the release');
    const result = await runBump(f.root, { bump: 'auto', dryRun: true, now, skipLearnings: true });
    expect(result.plan.lastTag).toBe('v1.0.0');
    expect(result.plan.commitCount).toBe(1);
    expect(result.plan.nextVersion).toBe('1.0.1');
  });
});

describe('explicit level', () => {
  it('major overrides a patch-level history', async () => {
    const f = fixture();
    f.commit('fix: a');
    const result = await runBump(f.root, { bump: 'major', dryRun: true, now, skipLearnings: true });
    expect(result.plan.nextVersion).toBe('2.0.0');
    expect(result.plan.implied).toBe('patch');
  });

  it('explicit level with no releasable commits still releases', async () => {
    const f = fixture();
    f.commit('chore: a');
    const result = await runBump(f.root, { bump: 'patch', dryRun: false, now, skipLearnings: true });
    expect(result.applied?.tag).toBe('v1.0.1');
  });

  it('a level smaller than implied is refused, changes nothing, and records wrong_version_bump', async () => {
    const f = fixture();
    f.commit('feat!: new API');
    const before = snapshot(f);
    const error = await runBump(f.root, { bump: 'patch', dryRun: false, now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as BlockedError).describe()).toMatch(/smaller than the commits imply/);
    expect((error as BlockedError).details.hint).toMatch(/--force/);
    expect(snapshot(f)).toEqual(before);
    const events = join(f.root, '.claude/shipgate/learnings/events.jsonl');
    expect(existsSync(events)).toBe(true);
    const event = JSON.parse(readFileSync(events, 'utf8').trim().split('\n').pop() ?? '{}');
    expect(event.phase).toBe('bump');
    expect(event.pitfalls).toContain('wrong_version_bump');
  });

  it('--force allows the smaller level', async () => {
    const f = fixture();
    f.commit('feat: thing');
    const result = await runBump(f.root, { bump: 'patch', force: true, dryRun: false, now, skipLearnings: true });
    expect(result.applied?.version).toBe('1.0.1');
  });
});

describe('prereleases', () => {
  it('2.0.0 → 2.0.1-beta.0 → 2.0.1-beta.1 → 2.0.1', async () => {
    const f = fixture({ 'package.json': pkg('2.0.0') }, { tag: 'v2.0.0' });
    f.commit('fix: first');
    const first = await runBump(f.root, { bump: 'prerelease', preid: 'beta', dryRun: false, now, skipLearnings: true });
    expect(first.applied?.tag).toBe('v2.0.1-beta.0');
    f.commit('fix: second');
    const second = await runBump(f.root, { bump: 'prerelease', preid: 'beta', dryRun: false, now, skipLearnings: true });
    expect(second.applied?.tag).toBe('v2.0.1-beta.1');
    expect(second.plan.lastTag).toBe('v2.0.1-beta.0');
    const release = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(release.applied?.tag).toBe('v2.0.1');
    // graduating looks at every commit since the last stable release
    expect(release.plan.lastTag).toBe('v2.0.0');
    expect(JSON.parse(f.read('package.json')).version).toBe('2.0.1');
    expect(f.git('tag', '--list', 'v2*').split('\n')).toEqual(['v2.0.0', 'v2.0.1', 'v2.0.1-beta.0', 'v2.0.1-beta.1']);
  });

  it('a feat makes a preminor; a new preid restarts the counter', async () => {
    const f = fixture({ 'package.json': pkg('1.2.0') }, { tag: 'v1.2.0' });
    f.commit('feat: x');
    const alpha = await runBump(f.root, { bump: 'prerelease', preid: 'alpha', dryRun: false, now, skipLearnings: true });
    expect(alpha.applied?.version).toBe('1.3.0-alpha.0');
    const rc = await runBump(f.root, { bump: 'prerelease', preid: 'rc', dryRun: true, now, skipLearnings: true });
    expect(rc.plan.nextVersion).toBe('1.3.0-rc.0');
  });
});
