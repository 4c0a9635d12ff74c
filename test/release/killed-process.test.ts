/**
 * A real process SIGKILLed at each step of apply (SHIPGATE_TEST_CRASH_MODE=kill): nothing half-made
 * reaches the remote, and the next run detects the journal, undoes the half-release and releases once.
 */
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createFixture, remoteRefs, snapshot } from './repo-fixture.js';
import { runBump } from '../../mcp-server/src/release/run-bump.js';

let outdir: string;
beforeAll(async () => {
  outdir = mkdtempSync(join(tmpdir(), 'shipgate-kill-entry-'));
  await build({
    entryPoints: [join(import.meta.dirname, 'kill-entry.ts')],
    outfile: join(outdir, 'kill-entry.mjs'),
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
});
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('SIGKILL during apply', () => {
  for (const step of ['write-files:partial', 'commit', 'tag', 'push'] as const) {
    it(`killed at ${step}`, async () => {
      const f = createFixture();
      try {
        f.commit('feat: x');
        const before = snapshot(f);
        const remoteBefore = remoteRefs(f);
        const child = spawnSync(process.execPath, [join(outdir, 'kill-entry.mjs'), f.root, '--push'], {
          env: { ...process.env, SHIPGATE_TEST_CRASH_AT: step, SHIPGATE_TEST_CRASH_MODE: 'kill' },
          encoding: 'utf8',
        });
        expect(child.signal).toBe('SIGKILL');
        expect(child.stdout).not.toContain('released');
        expect(existsSync(statePaths(f.root).releases)).toBe(true);
        expect(remoteRefs(f)).toBe(remoteBefore);

        const result = await runBump(f.root, { bump: 'auto', dryRun: false, push: true, now: new Date(), skipLearnings: true });
        expect(result.recovery?.action).toBe('rolled-back');
        expect(result.applied?.tag).toBe('v1.1.0');
        expect(f.git('rev-parse', 'HEAD^')).toBe(before.head);
        expect(f.git('log', '--format=%s', '-1')).toBe('chore(release): v1.1.0');
        expect(remoteRefs(f)).toContain(`refs/heads/main ${f.git('rev-parse', 'HEAD')}`);
      } finally {
        f.cleanup();
      }
    });
  }
});
