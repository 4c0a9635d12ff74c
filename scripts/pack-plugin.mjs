// Writes the `plugin` branch: only what the installed plugin runs (the committed bundle, skills, commands,
// hooks, learnings, the manifests) and a package.json without dependencies or a lockfile.
//
// Why a branch: `claude plugin install` copies the plugin's source and, when it finds a package.json next
// to a lockfile, runs `npm ci --ignore-scripts` there, which installs every devDependency of this
// repository (the Claude Code CLI, the Inspector, vitest, esbuild: ~470 MB, over a minute). The bundle in
// mcp-server/dist needs no node_modules at all, so the marketplace entry points at this branch instead
// (`"source": { "source": "url", "url": ..., "ref": "plugin" }`), and nothing is installed.
//
// Usage: node scripts/pack-plugin.mjs [--ref HEAD] [--branch plugin]. Reads the files from the commit
// (not the working tree), so the branch is reproducible; writes no working-tree file. Run it at each
// release and push the branch with the tag: `git push origin plugin`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** What the installed plugin needs, and nothing else. */
export const PLUGIN_PATHS = ['.claude-plugin/plugin.json', '.mcp.json', 'commands', 'skills', 'hooks', 'learnings', 'mcp-server/dist', 'LICENSE', 'README.md'];

const { values } = parseArgs({ options: { ref: { type: 'string', default: 'HEAD' }, branch: { type: 'string', default: 'plugin' } } });
const git = (args, options = {}) => execFileSync('git', args, { encoding: 'utf8', ...options }).trim();

const commit = git(['rev-parse', '--verify', `${values.ref}^{commit}`]);
const manifest = JSON.parse(git(['show', `${commit}:package.json`]));
// What `shipgate --version` and the bundle read; no dependencies: the bundle carries its own.
const runtimePackage = {
  name: manifest.name,
  version: manifest.version,
  description: manifest.description,
  type: manifest.type,
  license: manifest.license,
  engines: manifest.engines,
  bin: manifest.bin,
};

const indexDir = mkdtempSync(join(tmpdir(), 'shipgate-pack-'));
const env = { ...process.env, GIT_INDEX_FILE: join(indexDir, 'index') };
try {
  git(['read-tree', '--empty'], { env });
  const listed = git(['ls-tree', '-r', '--full-tree', commit, '--', ...PLUGIN_PATHS]).split('\n').filter(Boolean);
  const missing = PLUGIN_PATHS.filter((path) => !listed.some((line) => line.split('\t')[1] === path || line.split('\t')[1].startsWith(`${path}/`)));
  if (missing.length > 0) throw new Error(`pack-plugin: ${commit.slice(0, 12)} lacks ${missing.join(', ')}; run \`npm run build\` and commit mcp-server/dist first.`);
  const entries = listed.map((line) => line.replace(/^(\d+) blob ([0-9a-f]+)\t/, '$1,$2,'));
  const packageBlob = git(['hash-object', '-w', '--stdin'], { input: `${JSON.stringify(runtimePackage, null, 2)}\n` });
  entries.push(`100644,${packageBlob},package.json`);
  for (let i = 0; i < entries.length; i += 200) git(['update-index', '--add', ...entries.slice(i, i + 200).flatMap((e) => ['--cacheinfo', e])], { env });
  const tree = git(['write-tree'], { env });
  const parent = (() => {
    try {
      return git(['rev-parse', '--verify', '--quiet', `refs/heads/${values.branch}`], { stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      return '';
    }
  })();
  const message = `shipgate ${manifest.version} plugin from ${commit.slice(0, 12)}`;
  const made = git(['commit-tree', tree, ...(parent ? ['-p', parent] : []), '-m', message], {
    env: { ...process.env, GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME ?? 'shipgate release', GIT_AUTHOR_EMAIL: process.env.GIT_AUTHOR_EMAIL ?? 'release@shipgate.invalid', GIT_COMMITTER_NAME: process.env.GIT_COMMITTER_NAME ?? 'shipgate release', GIT_COMMITTER_EMAIL: process.env.GIT_COMMITTER_EMAIL ?? 'release@shipgate.invalid' },
  });
  git(['update-ref', `refs/heads/${values.branch}`, made]);
  process.stdout.write(`${values.branch} → ${made.slice(0, 12)}: ${message} (${entries.length} files)\n`);
} finally {
  rmSync(indexDir, { recursive: true, force: true });
}
