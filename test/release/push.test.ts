/** `--push`: branch and tag land together (git push --atomic), or the local release is taken back. */
import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixture, remoteRefs, snapshot, type Fixture } from './repo-fixture.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';
import { ConflictError } from '../../mcp-server/src/errors.js';

const now = new Date('2026-11-22T10:00:00Z');
const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((f) => f.cleanup()));
function fixture(): Fixture {
  const f = createFixture();
  fixtures.push(f);
  return f;
}

describe('push', () => {
  it('pushes the release commit and the annotated tag', async () => {
    const f = fixture();
    f.commit('feat: x');
    const result = await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true });
    expect(result.applied?.pushed).toBe(true);
    const refs = remoteRefs(f);
    const head = f.git('rev-parse', 'HEAD');
    expect(refs).toContain(`refs/heads/main ${head}`);
    expect(refs).toContain(`refs/tags/v1.1.0 ${f.git('rev-parse', 'v1.1.0')}`);
    expect(execFileSync('git', ['cat-file', '-t', 'v1.1.0'], { cwd: f.remote, encoding: 'utf8' }).trim()).toBe('tag');
  });

  it('remote moved on (no upstream tracking to warn first): push rejected, no local commit or tag, clear resume path', async () => {
    const f = fixture();
    f.git('branch', '--unset-upstream');
    const other = join(f.base, 'other');
    execFileSync('git', ['clone', '-q', f.remote, other]);
    execFileSync('git', ['-c', 'user.name=o', '-c', 'user.email=o@x', 'commit', '-q', '--allow-empty', '-m', 'fix: elsewhere'], { cwd: other });
    execFileSync('git', ['push', '-q', 'origin', 'main'], { cwd: other });
    f.commit('feat: x');
    const before = snapshot(f);
    const remoteBefore = remoteRefs(f);
    const error = await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    expect(conflict.message).toMatch(/rejected; nothing was published/);
    expect(conflict.details.hint).toMatch(/git pull --rebase origin main/);
    expect(conflict.details.hint).toMatch(/deleted tag v1\.1\.0/);
    expect(snapshot(f)).toEqual(before);
    expect(remoteRefs(f)).toBe(remoteBefore);
    expect(remoteRefs(f)).not.toMatch(/v1\.1\.0/);
  });

  it('a remote that refuses the update (pre-receive hook): atomic, so the tag is not published either', async () => {
    const f = fixture();
    const hook = join(f.remote, 'hooks', 'pre-receive');
    writeFileSync(hook, '#!/bin/sh\necho "protected branch" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    f.commit('fix: y');
    const before = snapshot(f);
    const remoteBefore = remoteRefs(f);
    await expect(runBump(f.root, { bump: 'auto', dryRun: false, push: true, now, skipLearnings: true })).rejects.toBeInstanceOf(ConflictError);
    expect(snapshot(f)).toEqual(before);
    expect(remoteRefs(f)).toBe(remoteBefore);
  });
});
