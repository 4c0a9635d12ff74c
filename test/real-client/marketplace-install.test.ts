/**
 * Installing from the marketplace, for real: a clone of this repository, its `plugin` branch written by
 * scripts/pack-plugin.mjs, `claude plugin marketplace add <clone>` and `claude plugin install
 * shipgate@shipgate` into a temporary config folder. The installed plugin holds only what runs (no
 * node_modules, no lockfile, so the installer runs no `npm ci`), is under 5 MB, installs in under 3 s
 * (scaled by the machine's load, printed), and works: a headless session offers the 11 tools.
 *
 * The one change to the clone: the marketplace entry's URL (GitHub) points at the clone itself, so the
 * test needs no network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMessagesStandIn } from './messages-stand-in.js';
import { CLAUDE_BIN, clientEnv, PLUGIN_ROOT, spawnClaude, TOOL } from './run-claude.js';
import { buildOnce } from './fixtures.js';

function folderBytes(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : statSync(full).size;
  }
  return total;
}

describe('marketplace install', () => {
  let base: string;
  beforeAll(() => {
    buildOnce();
    base = mkdtempSync(join(tmpdir(), 'shipgate-market-'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('installs only what runs: < 5 MB, no npm install, < 3 s (load-scaled), and the installed plugin serves its tools', async () => {
    const clone = join(base, 'clone');
    execFileSync('git', ['clone', '-q', PLUGIN_ROOT, clone]);
    const packed = execFileSync(process.execPath, ['scripts/pack-plugin.mjs'], { cwd: clone, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.x' } });
    expect(packed).toMatch(/^plugin → /);
    const marketplaceFile = join(clone, '.claude-plugin', 'marketplace.json');
    const marketplace = JSON.parse(readFileSync(marketplaceFile, 'utf8')) as { plugins: { source: { source: string; url: string; ref: string } }[] };
    expect(marketplace.plugins[0]!.source).toMatchObject({ source: 'url', ref: 'plugin' });
    marketplace.plugins[0]!.source.url = `file://${clone}`;
    writeFileSync(marketplaceFile, JSON.stringify(marketplace, null, 2));

    const home = join(base, 'home');
    const api = await startMessagesStandIn([{ text: 'installed and running' }]);
    try {
      const env = clientEnv(home, api.url);
      const added = await spawnClaude(CLAUDE_BIN, ['plugin', 'marketplace', 'add', clone], base, env, 60_000);
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
      const load = loadavg()[0]! / cpus().length;
      const installed = await spawnClaude(CLAUDE_BIN, ['plugin', 'install', 'shipgate@shipgate'], base, env, 60_000);
      expect(installed.exitCode, installed.stdout + installed.stderr).toBe(0);

      const cache = join(home, '.claude', 'plugins', 'cache', 'shipgate', 'shipgate');
      const [version] = readdirSync(cache);
      const root = join(cache, version!);
      const bytes = folderBytes(root);
      console.log(`marketplace install: ${installed.durationMs} ms, ${(bytes / 1e6).toFixed(2)} MB (1-min load ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
      expect(bytes).toBeLessThan(5_000_000);
      expect(installed.durationMs).toBeLessThan(3_000 * Math.max(1, load));
      // Only what runs: no dependencies were installed, no sources, tests or lockfile came along.
      const top = readdirSync(root).filter((name) => !['.git', '.in_use'].includes(name)).sort();
      expect(top).toEqual(['.claude-plugin', '.mcp.json', 'LICENSE', 'README.md', 'commands', 'hooks', 'learnings', 'mcp-server', 'package.json', 'skills']);
      expect(readdirSync(join(root, 'mcp-server'))).toEqual(['dist']);
      expect(existsSync(join(root, 'node_modules'))).toBe(false);
      expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))).not.toHaveProperty('dependencies');

      // The installed copy runs on its own: a session without --plugin-dir connects its server.
      const project = join(base, 'project');
      execFileSync('git', ['init', '-q', project]);
      const run = await spawnClaude(CLAUDE_BIN, ['-p', 'hello', '--output-format', 'json'], project, env, 90_000);
      expect(run.exitCode, run.stderr).toBe(0);
      const offered = (api.mainRequests()[0]?.tools ?? []).map((t) => t.name).filter((name) => name.startsWith(TOOL('')));
      expect(offered).toHaveLength(11);
    } finally {
      await api.close();
    }
  }, 180_000);
});
