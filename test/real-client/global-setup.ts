/**
 * Once per real-client run: rebuild the bundle (under the build lock the stdio tests use; in CI, where
 * `.ci/run` just rebuilt and checked it, not again), then copy what the plugin runs into a temp folder and
 * hand that folder to every scenario (`inject('pluginDir')`). The sessions load the plugin from the copy,
 * as Claude Code loads an installed plugin, and a parallel `npm run build` (which empties dist/ first)
 * can never pull the bundle away from a running client.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PLUGIN_ROOT } from './run-claude.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pluginDir: string;
  }
}

const RUNTIME = ['.claude-plugin', '.mcp.json', 'commands', 'skills', 'hooks', 'learnings', 'mcp-server/dist', 'package.json', 'LICENSE'];
let copy: string | undefined;

export function setup(project: TestProject): void {
  const lock = '/tmp/build.lock';
  const build = process.env.CI === 'true' ? ['-s', lock, 'true'] : [lock, 'npm', 'run', 'build'];
  copy = mkdtempSync(join(tmpdir(), 'shipgate-plugin-copy-'));
  // Build (or, in CI, just wait for any running build) and copy under the lock, so the copy is whole.
  execFileSync('flock', build, { cwd: PLUGIN_ROOT, stdio: 'pipe' });
  execFileSync('flock', ['-s', lock, process.execPath, '-e', `const fs=require('node:fs');const path=require('node:path');for (const p of ${JSON.stringify(RUNTIME)}) fs.cpSync(path.join(${JSON.stringify(PLUGIN_ROOT)}, p), path.join(${JSON.stringify(copy)}, p), { recursive: true });`], { stdio: 'pipe' });
  project.provide('pluginDir', copy);
}

export function teardown(): void {
  if (copy) rmSync(copy, { recursive: true, force: true });
}
