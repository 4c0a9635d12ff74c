/**
 * Projects the real-client scenarios run in: the example app (examples/) as a real git repository with a
 * bare "production" remote, optionally with the local platform (examples/platform/router.mjs) serving
 * v1.0.0, and the built bundle the plugin starts (`mcp-server/dist`, rebuilt once per run under the
 * same lock the stdio tests use, so parallel builds never pull it away mid-test).
 */
import { execFileSync } from 'node:child_process';
import { bootstrap, git, makeProject, startPlatform, type Platform } from '../deploy/helpers.js';
import { PLUGIN_ROOT } from './run-claude.js';

const BUILD_LOCK = '/tmp/build.lock';
let built = false;

export function buildOnce(): void {
  if (built) return;
  execFileSync('flock', [BUILD_LOCK, 'npm', 'run', 'build'], { cwd: PLUGIN_ROOT, stdio: 'pipe' });
  built = true;
}

export interface ExampleProject {
  root: string;
  remote: string;
  platform?: Platform;
  head(): string;
  cleanup(): Promise<void>;
}

export async function exampleProject(options: { platform?: boolean; editConfig?: (text: string) => string } = {}): Promise<ExampleProject> {
  const project = await makeProject(options.editConfig, { platform: options.platform ?? true });
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
    head: () => git(project.root, 'rev-parse', 'HEAD'),
    async cleanup() {
      await platform?.stop();
      await project.cleanup();
    },
  };
}
