/** The pure parts: Conventional Commit parsing, bump rules, next version, changelog text. */
import { describe, expect, it } from 'vitest';
import { parseCommitMessage } from '../../mcp-server/src/release/commits.js';
import { impliedBump } from '../../mcp-server/src/release/bump-rules.js';
import { decideVersion } from '../../mcp-server/src/release/next-version.js';
import { updateChangelog } from '../../mcp-server/src/release/changelog.js';
import { replacePattern, setJsonKeys } from '../../mcp-server/src/util/version-text.js';
import { ConfigError } from '../../mcp-server/src/errors.js';

const c = (message: string, hash = 'a'.repeat(40)) => parseCommitMessage(hash, message);

describe('parseCommitMessage', () => {
  it.each([
    ['feat(api)!: drop v1', { type: 'feat', scope: 'api', subject: 'drop v1', breaking: true }],
    ['fix: a\n\nbody\n\nBREAKING CHANGE: renamed key', { type: 'fix', breaking: true, breakingNotes: ['renamed key'] }],
    ['perf: faster', { type: 'perf', breaking: false }],
    ['Feat: capitalised type', { type: 'feat' }],
    ["Merge branch 'x' into main", { type: null, breaking: false }],
    ['Update stuff', { type: null, header: 'Update stuff' }],
    ['docs: mention BREAKING changes policy', { type: 'docs', breaking: false }],
  ])('%s', (message, expected) => {
    expect(c(message)).toMatchObject(expected);
  });
});

describe('impliedBump and decideVersion', () => {
  it('takes the highest level and keeps its commits as the reason', () => {
    const implied = impliedBump([c('fix: a'), c('feat: b'), c('feat: c'), c('chore: d')], '1.0.0', 'minor');
    expect(implied.level).toBe('minor');
    expect(implied.reasons.map((r) => r.header)).toEqual(['feat: b', 'feat: c']);
  });
  it('breaking below 1.0.0 follows the setting', () => {
    expect(impliedBump([c('feat!: x')], '0.2.0', 'minor').level).toBe('minor');
    expect(impliedBump([c('feat!: x')], '0.2.0', 'major').level).toBe('major');
    expect(impliedBump([c('feat!: x')], '1.2.0', 'minor').level).toBe('major');
  });
  it('flags an explicit level smaller than implied', () => {
    expect(decideVersion('1.2.3', 'major', 'minor')).toEqual({ next: '1.3.0', chosen: 'minor', tooSmall: true });
    expect(decideVersion('1.2.3', 'patch', 'major')).toEqual({ next: '2.0.0', chosen: 'major', tooSmall: false });
    expect(decideVersion('1.2.3', 'none', 'auto')).toEqual({ next: null, chosen: 'none', tooSmall: false });
  });
  it('prerelease sequences', () => {
    expect(decideVersion('2.0.0', 'patch', 'prerelease', 'beta').next).toBe('2.0.1-beta.0');
    expect(decideVersion('2.0.1-beta.0', 'patch', 'prerelease', 'beta').next).toBe('2.0.1-beta.1');
    expect(decideVersion('2.0.1-beta.1', 'patch', 'auto').next).toBe('2.0.1');
    expect(decideVersion('2.0.0', 'major', 'prerelease', 'rc').next).toBe('3.0.0-rc.0');
  });
});

describe('changelog text', () => {
  it('keeps CRLF line endings', () => {
    const out = updateChangelog({ existing: '# Changelog\r\n\r\n## [Unreleased]\r\n\r\n- x\r\n', version: '1.0.1', tag: 'v1.0.1', previousTag: 'v1.0.0', date: '2026-11-22', commits: [] });
    expect(out.text).toBe('# Changelog\r\n\r\n## [Unreleased]\r\n\r\n## [1.0.1] - 2026-11-22\r\n\r\n- x\r\n');
    expect(out.excerpt).toBe('- x');
  });
  it('inserts above older releases when there is no Unreleased heading', () => {
    const out = updateChangelog({ existing: '# Changelog\n\n## [1.0.0] - 2026-01-01\n\n- first\n', version: '1.1.0', tag: 'v1.1.0', previousTag: 'v1.0.0', date: '2026-11-22', commits: [c('feat: second', 'b'.repeat(40))] });
    expect(out.text).toBe('# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-11-22\n\n### Added\n\n- second (bbbbbbb)\n\n## [1.0.0] - 2026-01-01\n\n- first\n');
  });
});

describe('version file edits', () => {
  it('regex patterns need exactly one capture group that holds a version', () => {
    expect(replacePattern('const v = "1.0.0";', 'v = "([^"]+)"', '1.1.0', 'a.ts')).toBe('const v = "1.1.0";');
    expect(() => replacePattern('v = "1.0.0"', 'v = "[^"]+"', '1.1.0', 'a.ts')).toThrow(ConfigError);
    expect(() => replacePattern('v = "x"', 'v = "([^"]+)"', '1.1.0', 'a.ts')).toThrow(/does not find a version/);
    expect(() => replacePattern('v', '(', '1.1.0', 'a.ts')).toThrow(/not a valid regular expression/);
  });
  it('JSON key paths keep tab indentation and refuse a missing key', () => {
    expect(setJsonKeys('{\n\t"a": {\n\t\t"v": "1.0.0"\n\t}\n}\n', [['a', 'v']], '2.0.0', 'x.json')).toBe('{\n\t"a": {\n\t\t"v": "2.0.0"\n\t}\n}\n');
    expect(setJsonKeys('{"name":"x","version":"1.0.0"}', [['version']], '1.0.1', 'p.json')).toBe('{"name":"x","version":"1.0.1"}');
    expect(() => setJsonKeys('{"a": {}}', [['a', 'v']], '2.0.0', 'x.json')).toThrow(/no version string at "a.v"/);
  });
});
