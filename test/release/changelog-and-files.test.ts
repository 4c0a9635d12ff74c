/** CHANGELOG.md both ways, package-lock.json, JSON key paths and regex constants, on real repositories. */
import { describe, expect, it } from 'vitest';
import { fixturesCleanedAfterEach, pkg, type Fixture } from './repo-fixture.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';

const now = new Date('2026-11-22T10:00:00Z');
const fixture = fixturesCleanedAfterEach();

const KEEP_A_CHANGELOG = `# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

### Added

- Search across projects.

## [1.0.0] - 2026-01-02

### Added

- First release.

[Unreleased]: https://github.com/acme/app/compare/v1.0.0...HEAD
[1.0.0]: https://github.com/acme/app/releases/tag/v1.0.0
`;

describe('changelog', () => {
  it('turns the Unreleased section into the new version, keeps an empty Unreleased, moves the links', async () => {
    const f = fixture({ 'package.json': pkg('1.0.0'), 'CHANGELOG.md': KEEP_A_CHANGELOG });
    f.commit('feat: search');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.plan.changelog?.source).toBe('unreleased');
    const text = f.read('CHANGELOG.md');
    expect(text).toBe(`# Changelog

All notable changes to this project will be documented in this file.

## [Unreleased]

## [1.1.0] - 2026-11-22

### Added

- Search across projects.

## [1.0.0] - 2026-01-02

### Added

- First release.

[Unreleased]: https://github.com/acme/app/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/acme/app/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/acme/app/releases/tag/v1.0.0
`);
    const tagMessage = f.git('for-each-ref', '--format=%(contents)', 'refs/tags/v1.1.0');
    expect(tagMessage).toContain('Release v1.1.0');
    expect(tagMessage).toContain('### Added');
    expect(tagMessage).toContain('- Search across projects.');
    expect(f.git('cat-file', '-t', 'v1.1.0')).toBe('tag');
    expect(f.git('log', '-1', '--format=%s')).toBe('chore(release): v1.1.0');
  });

  it('generates an entry grouped by type when Unreleased is empty', async () => {
    const f = fixture({ 'package.json': pkg('1.0.0'), 'CHANGELOG.md': '# Changelog\n\n## [Unreleased]\n\n## [1.0.0] - 2026-01-02\n\n- First.\n' });
    f.commit('feat(ui): dark mode');
    f.commit('fix: crash on empty list');
    f.commit('perf: faster boot');
    f.commit('chore: deps');
    f.commit('feat(api)!: remove v1\n\nBREAKING CHANGE: the /v1 routes are gone');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.plan.changelog?.source).toBe('generated');
    const text = f.read('CHANGELOG.md');
    const section = text.slice(text.indexOf('## [2.0.0] - 2026-11-22'), text.indexOf('## [1.0.0]'));
    expect(text.indexOf('## [Unreleased]')).toBeLessThan(text.indexOf('## [2.0.0]'));
    expect(section).toMatch(/### BREAKING CHANGES\n\n- \*\*api:\*\* the \/v1 routes are gone \([0-9a-f]{7}\)/);
    expect(section).toMatch(/### Added\n\n- \*\*ui:\*\* dark mode \([0-9a-f]{7}\)\n- \*\*api:\*\* remove v1/);
    expect(section).toMatch(/### Fixed\n\n- crash on empty list/);
    expect(section).toMatch(/### Performance\n\n- faster boot/);
    expect(section).not.toMatch(/deps/);
  });

  it('creates CHANGELOG.md when there is none', async () => {
    const f = fixture();
    f.commit('fix: x');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.plan.files.find((file) => file.path === 'CHANGELOG.md')?.before).toBeNull();
    expect(f.read('CHANGELOG.md')).toMatch(/^# Changelog[\s\S]*## \[Unreleased\]\n\n## \[1\.0\.1\] - 2026-11-22\n\n### Fixed\n\n- x/);
    expect(f.git('ls-files', 'CHANGELOG.md')).toBe('CHANGELOG.md');
  });
});

describe('version files', () => {
  it('updates package.json, package-lock.json (root and packages[""]), a JSON key path and a regex constant', async () => {
    const lock = `${JSON.stringify({ name: 'demo-app', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'demo-app', version: '1.0.0' }, 'node_modules/x': { version: '1.0.0' } } }, null, 2)}\n`;
    const f = fixture({
      'package.json': `{\n    "name": "demo-app",\n    "version": "1.0.0"\n}\n`,
      'package-lock.json': lock,
      'app.json': `{\n  "expo": {\n    "version": "1.0.0",\n    "name": "demo"\n  }\n}\n`,
      'src/version.ts': "export const VERSION = '1.0.0';\nexport const OTHER = '1.0.0';\n",
      'shipgate.config.yaml': `versioning:\n  files:\n    - path: app.json\n      key: expo.version\n    - path: src/version.ts\n      pattern: "VERSION = '([^']+)'"\n`,
    });
    f.commit('feat: x');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.applied?.version).toBe('1.1.0');
    expect(f.read('package.json')).toBe(`{\n    "name": "demo-app",\n    "version": "1.1.0"\n}\n`);
    const newLock = JSON.parse(f.read('package-lock.json'));
    expect(newLock.version).toBe('1.1.0');
    expect(newLock.packages[''].version).toBe('1.1.0');
    expect(newLock.packages['node_modules/x'].version).toBe('1.0.0');
    expect(JSON.parse(f.read('app.json')).expo).toEqual({ version: '1.1.0', name: 'demo' });
    expect(f.read('src/version.ts')).toBe("export const VERSION = '1.1.0';\nexport const OTHER = '1.0.0';\n");
    expect(f.git('show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(['CHANGELOG.md', 'app.json', 'package-lock.json', 'package.json', 'src/version.ts']);
    expect(f.git('status', '--porcelain')).toBe('');
  });

  it('leaves a package-lock.json the repository ignores alone', async () => {
    const f = fixture({ 'package.json': pkg('1.0.0'), '.gitignore': 'package-lock.json\n' });
    f.write('package-lock.json', '{ "version": "1.0.0" }\n');
    f.commit('fix: x');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.applied?.files).toEqual(['package.json', 'CHANGELOG.md']);
    expect(f.read('package-lock.json')).toBe('{ "version": "1.0.0" }\n');
  });

  it('works with no package.json: the version comes from the last tag', async () => {
    const f = fixture({ 'README.md': '# x\n' }, { tag: 'v0.2.0' });
    f.commit('fix: y');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, now, skipLearnings: true });
    expect(result.plan.currentVersion).toBe('0.2.0');
    expect(result.applied?.tag).toBe('v0.2.1');
  });
});
