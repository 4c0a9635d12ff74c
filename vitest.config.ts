import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Gate state lives outside the repository, per user (project/state-dir.ts). Tests never touch the real
// ~/.local/state: every run gets its own state root, and each temp project its own folder inside it.
const stateRoot = process.env.SHIPGATE_TEST_STATE_DIR ?? mkdtempSync(join(tmpdir(), 'shipgate-test-state-'));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: process.env.CI ? ['default'] : ['default'],
    env: { SHIPGATE_STATE_DIR: stateRoot },
  },
});
