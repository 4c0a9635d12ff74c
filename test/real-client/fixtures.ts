/**
 * Projects the real-client scenarios run in: the example app (examples/) as a real git repository with a
 * bare "production" remote, optionally with the local platform (examples/platform/router.mjs) serving
 * v1.0.0. The built bundle the plugin starts is prepared by global-setup.ts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { bootstrap, git, makeProject, startPlatform, type Platform } from '../deploy/helpers.js';
import { clientEnv, makeHome, pluginDir } from './run-claude.js';
import { join } from 'node:path';

/** The bundle is built once per run by global-setup.ts (and held there under a shared build lock). */
export function buildOnce(): void {
  // Kept as the files' explicit statement of what they need; the work happens in global-setup.ts.
}

export interface ExampleProject {
  root: string;
  remote: string;
  /**
   * The user's HOME for every client run and CLI call on this project: shipgate keeps per-user gate state
   * (receipts, served versions) outside the repository, so all runs must share one.
   */
  home: string;
  /** Run the built CLI in the project as that user; returns stdout, throws on a non-zero exit. */
  cli(...args: string[]): string;
  /** The same, returning the exit status and output instead of throwing. */
  cliRun(...args: string[]): { status: number | null; stdout: string; stderr: string };
  platform?: Platform;
  head(): string;
  cleanup(): Promise<void>;
}

export async function exampleProject(options: { platform?: boolean; editConfig?: (text: string) => string } = {}): Promise<ExampleProject> {
  const project = await makeProject(options.editConfig, { platform: options.platform ?? true });
  const home = makeHome();
  let platform: Platform | undefined;
  if (options.platform !== false) {
    platform = await startPlatform(project.root);
    await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
    git(project.root, 'push', '-q', 'origin', 'main');
  }
  return {
    root: project.root,
    remote: project.remote,
    platform,
    home: home.home,
    cli: (...args: string[]) =>
      execFileSync(process.execPath, [join(pluginDir(), 'mcp-server', 'dist', 'cli.js'), ...args], { cwd: project.root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: clientEnv(home.home, 'http://127.0.0.1:9') }),
    cliRun: (...args: string[]) => {
      const result = spawnSync(process.execPath, [join(pluginDir(), 'mcp-server', 'dist', 'cli.js'), ...args], { cwd: project.root, encoding: 'utf8', env: clientEnv(home.home, 'http://127.0.0.1:9') });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    head: () => git(project.root, 'rev-parse', 'HEAD'),
    async cleanup() {
      await platform?.stop();
      await project.cleanup();
      home.cleanup();
    },
  };
}
