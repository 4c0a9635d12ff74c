import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';

// Gate state lives outside the repository, per user (project/state-dir.ts). Tests never touch the real
// ~/.local/state: every run gets its own state root, and each temp project its own folder inside it.
const stateRoot = process.env.SHIPGATE_TEST_STATE_DIR ?? mkdtempSync(join(tmpdir(), 'shipgate-test-state-'));

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
    env: { SHIPGATE_STATE_DIR: stateRoot },
    // Two projects: `npm test` runs both; `.ci/run` runs them as separate steps so the real-client suite
    // (the real `claude` binary against a local Messages API stand-in) is timed against its 3-minute budget.
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/real-client/**'], globalSetup: ['test/global-build.ts'] } },
      { extends: true, test: { name: 'real-client', include: ['test/real-client/**/*.test.ts'], globalSetup: ['test/real-client/global-setup.ts'], testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
