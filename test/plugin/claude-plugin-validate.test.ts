/**
 * The judge for the manifests is Claude Code itself: `claude plugin validate --strict` (the installed dev
 * dependency, offline) on the plugin root (marketplace.json) and on the plugin manifest.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runArgv } from '../../mcp-server/src/exec/run.js';
import { PLUGIN_ROOT } from './plugin-files.js';

const claude = join(PLUGIN_ROOT, 'node_modules', '.bin', 'claude');
const env = { CI: 'true', DISABLE_AUTOUPDATER: '1', DISABLE_TELEMETRY: '1', HOME: process.env.HOME };

describe('claude plugin validate --strict', () => {
  it('has the Claude Code CLI installed as a dev dependency', () => {
    expect(existsSync(claude), `${claude} missing: run npm ci`).toBe(true);
  });

  for (const target of ['.', '.claude-plugin/plugin.json']) {
    it(`passes on ${target}`, async () => {
      const result = await runArgv(claude, ['plugin', 'validate', target, '--strict'], { cwd: PLUGIN_ROOT, timeoutMs: 60_000, env });
      const output = `${result.stdout}\n${result.stderr}`;
      expect(result.exitCode, output).toBe(0);
      expect(output).toMatch(/Validation passed/);
    }, 70_000);
  }
});
