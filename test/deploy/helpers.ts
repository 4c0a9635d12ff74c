/** Shared setup for the deploy end-to-end tests: a real git project copied from examples/, a bare remote, the local platform. */
import { cp, mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../../mcp-server/src/config/load-config.js';
import { gateSettings } from '../../mcp-server/src/gates/gate-settings.js';
import { gateHash, resolveGateFiles } from '../../mcp-server/src/gates/load-gate-skills.js';
import { issueReceipt } from '../../mcp-server/src/gates/receipts.js';

export const EXAMPLES = resolve(__dirname, '../../examples');

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
}

export interface Project {
  root: string;
  remote: string;
  cleanup(): Promise<void>;
}

/** examples/ copied into a temp git repository with a bare remote; v1.0.0 tagged. */
export async function makeProject(editConfig?: (text: string) => string, options: { platform?: boolean } = {}): Promise<Project> {
  const base = await mkdtemp(join(tmpdir(), 'shipgate-deploy-'));
  const root = join(base, 'app');
  const remote = join(base, 'remote.git');
  await cp(EXAMPLES, root, { recursive: true, filter: (src) => !src.includes('.platform') });
  if (editConfig) {
    const file = join(root, 'shipgate.config.yaml');
    await writeFile(file, editConfig(await readFile(file, 'utf8')));
  }
  if (options.platform === false) {
    // Without the local platform the example skill's rollback step (`ctl.mjs status`) cannot pass.
    const skill = join(root, 'skills', 'release-gate', 'SKILL.md');
    await writeFile(skill, (await readFile(skill, 'utf8')).replace(/<rollback_procedure>[\s\S]*<\/rollback_procedure>\n?/, ''));
  }
  git(base, 'init', '-q', '--bare', remote);
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', 'chore: sample app 1.0.0');
  git(root, 'tag', '-a', 'v1.0.0', '-m', 'v1.0.0\n\n- first release');
  git(root, 'remote', 'add', 'origin', remote);
  git(root, 'push', '-q', 'origin', 'main', '--tags');
  return { root, remote, cleanup: () => rm(base, { recursive: true, force: true }) };
}

/** Commit a new release of the sample app; `fault` makes it bad for real (in the commit). */
export async function release(root: string, version: string, fault?: 'error' | 'hang'): Promise<string> {
  const pkgFile = join(root, 'sample-app', 'package.json');
  const pkg = JSON.parse(await readFile(pkgFile, 'utf8')) as { version: string };
  pkg.version = version;
  await writeFile(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  const faultFile = join(root, 'sample-app', 'fault.json');
  if (fault) await writeFile(faultFile, JSON.stringify({ mode: fault }));
  else await rm(faultFile, { force: true });
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', `chore(release): ${version}`);
  git(root, 'tag', '-a', `v${version}`, '-m', `v${version}\n\n- release ${version}${fault ? ` (${fault})` : ''}`);
  return git(root, 'rev-parse', 'HEAD');
}

/** A passing receipt for HEAD, the way a passing gate writes it (bound to config and gate hash). */
export async function passReceipt(root: string, environment = 'production'): Promise<void> {
  const loaded = await loadConfig(root);
  const settings = gateSettings(loaded, environment);
  const files = await resolveGateFiles(root, settings.gates);
  await issueReceipt({ projectRoot: root, environment, commit: git(root, 'rev-parse', 'HEAD'), gateHash: gateHash(files), configHash: loaded.hash, ttlMs: 30 * 60_000, now: new Date(), checks: [{ id: 'app_tests_pass', status: 'passed' }] });
}

export interface Platform {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
  status(): Promise<{ primary: string; candidate: { color: string; weight: number } | null; live: { sha: string; version: string } | null }>;
}

/** Start examples/platform/router.mjs for the project and point the config's URLs at it. */
export async function startPlatform(root: string): Promise<Platform> {
  await mkdir(join(root, '.platform'), { recursive: true });
  await rm(join(root, '.platform', 'url'), { force: true });
  const child = spawn(process.execPath, [join(root, 'platform', 'router.mjs'), '--repo', root], { stdio: 'ignore' });
  let url = '';
  for (let i = 0; i < 200 && !url; i += 1) {
    await new Promise((r) => setTimeout(r, 25));
    if (existsSync(join(root, '.platform', 'url'))) url = readFileSync(join(root, '.platform', 'url'), 'utf8').trim();
  }
  if (!url) throw new Error('platform did not start');
  const configFile = join(root, 'shipgate.config.yaml');
  const text = await readFile(configFile, 'utf8');
  await writeFile(configFile, text.replaceAll('http://127.0.0.1:8080', url));
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '--allow-empty', '-m', 'chore: point config at the local platform');
  return {
    url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
    async status() {
      const response = await fetch(`${url}/__admin/status`);
      return ((await response.json()) as { status: Awaited<ReturnType<Platform['status']>> }).status;
    },
  };
}

/** Put a release on the platform directly (what production ran before shipgate). */
export async function bootstrap(platform: Platform, sha: string): Promise<void> {
  const response = await fetch(`${platform.url}/__admin/deploy`, { method: 'POST', body: JSON.stringify({ color: 'stable', sha }) });
  if (!response.ok) throw new Error(await response.text());
}

/** The version the platform's public URL serves. */
export async function servedVersion(url: string): Promise<string> {
  const response = await fetch(`${url}/api/version`);
  return ((await response.json()) as { version: string }).version;
}
