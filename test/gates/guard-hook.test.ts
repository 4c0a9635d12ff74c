/**
 * The PreToolUse hook as Claude Code runs it: a bundled process reading the hook JSON on stdin.
 * Bundled here into a temp folder with esbuild (same options as scripts/build.mjs) so the test does
 * not depend on someone else's build.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

/** Same banner as scripts/build.mjs: bundled CommonJS dependencies (yaml) need `require`. */
const BANNER = "import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);";
let dir: string;
let hook: string;
let project: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-hook-'));
  hook = join(dir, 'guard-hook.js');
  await build({ entryPoints: { 'guard-hook': 'mcp-server/src/cli/guard-hook-main.ts' }, outdir: dir, splitting: true, chunkNames: 'chunks/[name]-[hash]', bundle: true, format: 'esm', platform: 'node', target: 'node20', logLevel: 'warning', banner: { js: BANNER } });
  project = join(dir, 'project');
  await mkdir(join(project, '.git'), { recursive: true });
  await writeFile(join(project, 'shipgate.config.yaml'), 'environments:\n  production:\n    provider:\n      type: command\n      deploy: [./scripts/ship.sh, "{version}"]\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function runHook(input: unknown): { status: number | null; stderr: string; stdout: string } {
  const result = spawnSync(process.execPath, [hook], { input: typeof input === 'string' ? input : JSON.stringify(input), encoding: 'utf8', timeout: 10_000 });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

const bash = (command: string, cwd = project) => ({ session_id: 's', hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd });

describe('guard hook process', () => {
  it('exits 2 with a reason pointing to /deploy-production for a raw production deploy', () => {
    const result = runHook(bash('bash -c "git push origin HEAD:production"'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('/deploy-production');
    expect(result.stderr).toContain('production');
    expect(result.stdout).toBe('');
  });

  it('blocks the configured command provider deploy found in the project config', () => {
    expect(runHook(bash('./scripts/ship.sh 1.4.0')).status).toBe(2);
    expect(runHook(bash('./scripts/ship.sh 1.4.0', dir)).status).toBe(0);
  });

  it('refuses Write/Edit of receipts and attestations, and nothing else', () => {
    const write = (tool: string, file_path: string) => ({ tool_name: tool, tool_input: { file_path, content: '{}' }, cwd: project });
    const refused = runHook(write('Write', join(project, '.claude/shipgate/receipts/production.json')));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('/deploy-production');
    expect(runHook(write('Edit', '.claude/shipgate/attestations.jsonl')).status).toBe(2);
    expect(runHook(write('Write', join(project, 'src/index.ts'))).status).toBe(0);
    expect(runHook(write('Write', join(project, '.claude/shipgate/learnings/notes.md'))).status).toBe(0);
  });

  it('passes everything else silently', () => {
    for (const input of [bash('npm test'), bash('git push origin main'), { tool_name: 'Read', tool_input: { file_path: 'x' } }, 'not json', '']) {
      const result = runHook(input);
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe('');
    }
  });
});
