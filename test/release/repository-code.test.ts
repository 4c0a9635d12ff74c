/**
 * shipgate's own git runs outside any sandbox, with the user's key in reach, so it must not run code the
 * agent can write: a `post-commit` hook in `.git/hooks`, a hook in a working-tree `core.hooksPath` folder
 * (husky's `.husky/`), or a `core.fsmonitor` command. A real `shipgate bump` commits and tags with all
 * three planted; none runs, and the release is made.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixture, type Fixture } from './repo-fixture.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';

const now = new Date('2026-11-22T10:00:00Z');
const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((f) => f.cleanup()));

function plant(file: string, marker: string): void {
  writeFileSync(file, `#!/bin/sh\necho ran > "${marker}"\n`);
  chmodSync(file, 0o755);
}

describe('bump never runs the repository\'s own code', () => {
  it('hooks in .git/hooks, hooks in a working-tree hooksPath, an fsmonitor command: none runs', async () => {
    const f = createFixture();
    fixtures.push(f);
    f.commit('feat: x');
    const markers = { gitHooks: join(f.base, 'ran-git-hooks'), husky: join(f.base, 'ran-husky'), fsmonitor: join(f.base, 'ran-fsmonitor') };
    for (const name of ['pre-commit', 'commit-msg', 'post-commit', 'reference-transaction']) plant(join(f.root, '.git', 'hooks', name), markers.gitHooks);
    // Control: plain git does run the planted hook, so the test can see a hook that runs.
    f.git('-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '--allow-empty', '-m', 'chore: control');
    expect(existsSync(markers.gitHooks)).toBe(true);
    rmSync(markers.gitHooks);

    mkdirSync(join(f.root, '.husky'));
    for (const name of ['pre-commit', 'post-commit']) plant(join(f.root, '.husky', name), markers.husky);
    f.git('add', '.husky');
    f.git('-c', 'core.hooksPath=/dev/null', '-c', 'user.name=t', '-c', 'user.email=t@e', 'commit', '-q', '-m', 'build: husky hooks');
    f.git('config', 'core.hooksPath', '.husky');
    plant(join(f.base, 'fsmonitor.sh'), markers.fsmonitor);
    f.git('config', 'core.fsmonitor', join(f.base, 'fsmonitor.sh'));

    const result = await runBump(f.root, { bump: 'auto', dryRun: false, push: false, now, skipLearnings: true });
    expect(result.applied).toBeDefined();
    expect(f.git('tag', '--list', 'v1.1.0')).toBe('v1.1.0');
    for (const marker of Object.values(markers)) expect(existsSync(marker), marker).toBe(false);
  });
});
