/**
 * `shipgate demo`: the whole story on the bundled example, with nothing but Node and git. Copies
 * examples/ into a temp folder, makes it a git repository with a bare remote, starts the local platform
 * (platform/router.mjs) with the sample app's 1.0.0, and then, for real: a gate blocked by a failing
 * test, the fix, the gate passing, a bump, a canary of the good release under load (failed requests
 * counted), a bad release rolled back on its own, and where the records and learnings are.
 */
import { cp, readFile, writeFile, rm, mkdtemp, access, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runArgv } from '../../exec/run.js';
import { gitOk } from '../../project/git.js';
import { FailedError } from '../../errors.js';
import { startLoad } from '../load-loop.js';

export interface DemoOptions {
  say: (line: string) => void;
  /** Keep the temp folder (default true: the user reads the records afterwards). */
  keep?: boolean;
  signal?: AbortSignal;
}

export interface DemoResult {
  folder: string;
  records: string;
  learnings: string;
  canaryFailedRequests: number;
  canaryRequests: number;
  badReleaseExitCode: number;
}

const GIT_ENV = { GIT_AUTHOR_NAME: 'shipgate demo', GIT_AUTHOR_EMAIL: 'demo@example.com', GIT_COMMITTER_NAME: 'shipgate demo', GIT_COMMITTER_EMAIL: 'demo@example.com', GIT_TERMINAL_PROMPT: '0' };

/** The examples/ folder shipped with shipgate (next to mcp-server/ in the package). */
export async function findExamples(): Promise<string> {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i += 1) {
    try {
      await access(join(folder, 'examples', 'shipgate.config.yaml'));
      return join(folder, 'examples');
    } catch {
      folder = dirname(folder);
    }
  }
  throw new FailedError('The bundled examples/ folder was not found.', { hint: 'Reinstall shipgate: examples/ ships with the package.' });
}

export async function runDemo(options: DemoOptions): Promise<DemoResult> {
  const say = options.say;
  const started = Date.now();
  const base = await mkdtemp(join(tmpdir(), 'shipgate-demo-'));
  const root = join(base, 'sample-app-repo');
  const remote = join(base, 'production-remote.git');
  const git = async (...args: string[]) => (await gitOk(root, args, { timeoutMs: 30_000, env: GIT_ENV })).trim();
  const platformStop = new AbortController();
  let platform: Promise<unknown> | undefined;
  try {
    say(`1. Copying the example into ${root}`);
    await cp(await findExamples(), root, { recursive: true, filter: (source) => !source.includes('.platform') });
    await mkdir(root, { recursive: true });
    await gitOk(base, ['init', '-q', '--bare', remote], { timeoutMs: 30_000 });
    await git('init', '-q', '-b', 'main');
    await git('remote', 'add', 'origin', remote);

    say('2. Starting the local platform (a traffic router on 127.0.0.1) ...');
    platform = runArgv(process.execPath, [join(root, 'platform', 'router.mjs'), '--repo', root], { cwd: root, signal: platformStop.signal });
    const url = await waitForFile(join(root, '.platform', 'url'));
    const configFile = join(root, 'shipgate.config.yaml');
    await writeFile(configFile, (await readFile(configFile, 'utf8')).replaceAll('http://127.0.0.1:8080', url));
    await git('add', '-A');
    await git('commit', '-q', '-m', 'chore: sample app 1.0.0');
    await git('tag', '-a', 'v1.0.0', '-m', 'v1.0.0');
    await git('push', '-q', 'origin', 'main', '--tags');
    const ctl = await runArgv(process.execPath, ['platform/ctl.mjs', 'deploy', 'stable', await git('rev-parse', 'HEAD')], { cwd: root, timeoutMs: 30_000 });
    if (ctl.exitCode !== 0) throw new FailedError(`the platform did not start 1.0.0: ${ctl.stderr}`);
    say(`   production (${url}) serves sample-app 1.0.0`);

    const { runGate } = await import('../../gates/run-gate.js');
    const { runBump } = await import('../../release/run-bump.js');
    const { runDeploy } = await import('../run-deploy.js');

    say('3. A change breaks /health; the gate runs the app test and BLOCKS:');
    await writeFile(join(root, 'sample-app', 'fault.json'), JSON.stringify({ mode: 'error' }));
    await git('add', '-A');
    await git('commit', '-q', '-m', 'feat: faster status page');
    const blocked = await runGate({ projectRoot: root, environment: 'production', signal: options.signal });
    say(`   gate ${blocked.ok ? 'passed (unexpected!)' : `blocked by: ${blocked.blockedBy.join(', ')}`}`);
    const refused = await runDeploy({ projectRoot: root, environment: 'production', signal: options.signal }).then(() => 'deployed (unexpected!)', (error: Error) => error.message);
    say(`   deploy refused: ${refused}`);

    say('4. Fix, gate passes, bump cuts the release:');
    await rm(join(root, 'sample-app', 'fault.json'));
    await git('add', '-A');
    await git('commit', '-q', '-m', 'fix: status page answers again');
    const passed = await runGate({ projectRoot: root, environment: 'production', signal: options.signal });
    if (!passed.ok) throw new FailedError(`the gate should pass after the fix: ${passed.blockedBy.join(', ')}`);
    say(`   gate passed (receipt for ${passed.commit.slice(0, 12)})`);
    const bump = await runBump(root, { bump: 'auto', now: new Date(), dryRun: false, push: false });
    say(`   bumped to ${bump.plan.nextVersion} (tag v${bump.plan.nextVersion})`);

    say('5. Canary of the good release under load (100 requests/s):');
    const load = startLoad(`${url}/api/status`, 100);
    const good = await runDeploy({ projectRoot: root, environment: 'production', signal: options.signal, onProgress: (e) => say(`   [${e.index + 1}/${e.total}] ${e.step}: ${e.message}`) });
    const stats = await load.stop();
    if (good.dryRun) throw new FailedError('unexpected dry run');
    say(`   ${good.outcome.status}: ${stats.sent} requests, ${stats.failed} failed; served by ${JSON.stringify(stats.versions)}`);

    say('6. A bad release (500s on /api/status, which the unit test does not cover) ships and rolls back on its own:');
    await writeFile(join(root, 'sample-app', 'fault.json'), JSON.stringify({ mode: 'error', paths: ['/api/status'] }));
    await git('add', '-A');
    await git('commit', '-q', '-m', 'feat: richer status payload');
    const gate2 = await runGate({ projectRoot: root, environment: 'production', signal: options.signal });
    say(`   gate ${gate2.ok ? 'passed (its test only checks /health)' : 'blocked'}`);
    const bump2 = await runBump(root, { bump: 'auto', now: new Date(), dryRun: false, push: false });
    say(`   bumped to ${bump2.plan.nextVersion}`);
    const bad = await runDeploy({ projectRoot: root, environment: 'production', signal: options.signal, onProgress: (e) => say(`   [${e.index + 1}/${e.total}] ${e.step}: ${e.message}`) });
    if (bad.dryRun) throw new FailedError('unexpected dry run');
    const version = await fetch(`${url}/api/version`).then((r) => r.json() as Promise<{ version: string }>);
    say(`   ${bad.outcome.status} (exit ${bad.outcome.exitCode}): ${bad.outcome.trigger ?? ''}`);
    say(`   production serves ${version.version} again`);

    const records = join(root, '.claude', 'processes');
    const { resolveStoreDir } = await import('../../learnings/store-dir.js');
    const learnings = await resolveStoreDir(root).catch(() => join(root, '.claude', 'shipgate', 'learnings'));
    say('7. Where things are:');
    say(`   records:   ${records}`);
    say(`   learnings: ${learnings}`);
    say(`   the story took ${Math.round((Date.now() - started) / 1000)}s`);
    return { folder: root, records, learnings, canaryFailedRequests: stats.failed, canaryRequests: stats.sent, badReleaseExitCode: bad.outcome.exitCode };
  } finally {
    platformStop.abort();
    await platform?.catch(() => undefined);
    if (options.keep === false) await rm(base, { recursive: true, force: true });
  }
}

async function waitForFile(file: string): Promise<string> {
  for (let i = 0; i < 200; i += 1) {
    try {
      const text = (await readFile(file, 'utf8')).trim();
      if (text) return text;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new FailedError(`The local platform did not start (no ${file}).`);
}
