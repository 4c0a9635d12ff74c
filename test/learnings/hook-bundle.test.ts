/**
 * The SessionStart hook as shipped: built with the build's own options (hookBuildOptions) into a temp
 * folder, run with Node's module tracing (NODE_DEBUG=module, CommonJS). Its fast path loads no file but
 * its own; a start without cached text loads the slow-path file and nothing else; only a config with a
 * `learnings:` section loads the config loader's file. Each path prints the same lessons as the source.
 * Node's own modules count too: with stdout a pipe (as Claude Code runs it), neither path starts the ES
 * module loader (an import() in CommonJS would) nor builds a stdout stream (node:stream, node:net).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { recordRun } from '../../mcp-server/src/learnings/record-run.js';
import { runNode, steppingClock } from './helpers.js';

const repoRoot = resolve(__dirname, '../..');
let work: string;
let hook: string;

/** The files of the bundle this run loaded (paths inside the temp dist folder). */
function loadedFiles(stderr: string, dist: string): string[] {
  return [...stderr.matchAll(/load "([^"]+)" for module/g)].map((m) => m[1]!).filter((f) => f.startsWith(dist)).map((f) => f.slice(dist.length + 1)).sort();
}

async function project(name: string, config: string): Promise<string> {
  const root = join(work, name);
  await mkdir(root, { recursive: true });
  execFileSync('git', ['init', '-q'], { cwd: root });
  await writeFile(join(root, 'shipgate.config.yaml'), config);
  const clock = steppingClock('2026-04-01T09:00:00.000Z');
  for (let i = 0; i < 3; i++) await recordRun(root, { phase: 'deploy', outcome: 'succeeded', environment: 'production', deployedCommitTagged: false }, { onWarning: () => {}, pluginRoot: repoRoot, now: clock });
  return root;
}

describe('the built SessionStart hook', () => {
  let dist: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'shipgate-hook-bundle-'));
    dist = join(work, 'dist');
    const { hookBuildOptions } = (await import(pathToFileURL(join(repoRoot, 'scripts/build.mjs')).href)) as { hookBuildOptions: (outdir: string) => Parameters<typeof build>[0] };
    await build({ ...hookBuildOptions(dist), absWorkingDir: repoRoot, logLevel: 'error' });
    hook = join(dist, 'session-start-hook.cjs');
  }, 60_000);
  afterAll(async () => rm(work, { recursive: true, force: true }));

  it('cached text: loads only its own file; no text cached: the slow path file too, and the same lessons', async () => {
    const root = await project('default', 'app: hook\n');
    await rm(join(root, '.claude/shipgate/learnings/session-summary.json'), { force: true });
    const env = { ...process.env, CLAUDE_PROJECT_DIR: root, CLAUDE_PLUGIN_ROOT: repoRoot, NODE_DEBUG: 'module' };
    const miss = await runNode(hook, [], { env });
    expect(miss.code).toBe(0);
    expect(miss.stdout).toMatch(/^shipgate lessons from 3 recorded runs/);
    expect(loadedFiles(miss.stderr, dist)).toEqual(['chunks/hook-lessons.cjs', 'session-start-hook.cjs']);
    const hit = await runNode(hook, [], { env });
    expect(hit.stdout).toBe(miss.stdout);
    expect(loadedFiles(hit.stderr, dist)).toEqual(['session-start-hook.cjs']);
  });

  it('with stdout a pipe, neither path loads the ES module loader nor the streams stack', async () => {
    const root = await project('builtins', 'app: hook\n');
    await rm(join(root, '.claude/shipgate/learnings/session-summary.json'), { force: true });
    const preload = join(work, 'builtins-preload.cjs');
    const listFile = join(work, 'builtins.txt');
    // process.moduleLoadList: every Node built-in the process loaded, internal ones included.
    await writeFile(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(listFile)}, process.moduleLoadList.join('\\n')));\n`);
    const env = { ...process.env, CLAUDE_PROJECT_DIR: root, CLAUDE_PLUGIN_ROOT: repoRoot, NODE_OPTIONS: `--require ${preload}` };
    for (const path of ['miss', 'hit']) {
      const run = await runNode(hook, [], { env });
      expect(run.code, path).toBe(0);
      expect(run.stdout, path).toMatch(/^shipgate lessons from 3 recorded runs/);
      const builtins = (await readFile(listFile, 'utf8')).split('\n');
      expect(builtins.length, path).toBeGreaterThan(20);
      expect(builtins.filter((m) => /esm\/loader|streams\/writable|^NativeModule net$/.test(m)), path).toEqual([]);
    }
  });

  it('a config with a learnings section: the config loader file, and the store it names', async () => {
    const root = await project('custom', 'app: hook\nlearnings:\n  dir: .lessons\n');
    await rm(join(root, '.lessons/session-summary.json'), { force: true });
    const env = { ...process.env, CLAUDE_PROJECT_DIR: root, CLAUDE_PLUGIN_ROOT: repoRoot, NODE_DEBUG: 'module' };
    const run = await runNode(hook, [], { env });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^shipgate lessons from 3 recorded runs/);
    expect(loadedFiles(run.stderr, dist)).toEqual(['chunks/hook-config.cjs', 'chunks/hook-lessons.cjs', 'session-start-hook.cjs']);

    await writeFile(join(root, 'shipgate.config.yaml'), 'app: hook\nlearnings:\n  dir: ../outside\n');
    const refused = await runNode(hook, [], { env: { ...env, NODE_DEBUG: '' } });
    expect(refused.code).toBe(0); // a hook never breaks a session
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^shipgate lessons unavailable: .*outside the project/);
  });
});
