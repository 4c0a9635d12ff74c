/**
 * Blue-green under load on the local platform: the idle color gets the release, is checked through its
 * preview URL, takes all traffic with zero failed requests, and the old color is retired after the
 * scale-down delay. A bad release is rejected on the idle color before any user sees it. The runbook is
 * generated from the same configuration for all four strategies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, git, makeProject, passReceipt, release, servedVersion, startPlatform, type Platform, type Project } from './helpers.js';
import { runDeploy, loadDeployContext } from '../../mcp-server/src/deploy/run-deploy.js';
import { startLoad } from '../../mcp-server/src/deploy/load-loop.js';
import { renderRunbook } from '../../mcp-server/src/deploy/runbook.js';

type Slots = Record<string, { port: number }>;
const slotsOf = (status: unknown): Slots => (status as { slots: Slots }).slots;

/** Resolves once nothing accepts connections on the port (the process there has exited); bounded. */
async function untilRefused(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/api/version`, { signal: AbortSignal.timeout(500) });
    } catch (error) {
      // Refused (not merely slow): the process has exited.
      if ((error as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED') return;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the retired color on port ${port} still answers after ${timeoutMs} ms`);
}

let project: Project;
let platform: Platform;

beforeAll(async () => {
  project = await makeProject((text) =>
    text
      .replace(/strategy:\n      type: canary\n      steps:\n.*\n.*\n/, 'strategy: { type: blue-green, scaleDownDelay: 1s }\n')
      .replace('duration: 4s', 'duration: 2s'),
  );
  platform = await startPlatform(project.root);
  await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
});

afterAll(async () => {
  await platform?.stop();
  await project?.cleanup();
});

describe('blue-green', () => {
  it('switches a good release under 200 requests/s with zero failed requests', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const retiredPort = slotsOf(await platform.status())['blue']?.port;
    expect(retiredPort).toBeDefined();
    const load = startLoad(`${platform.url}/api/status`, 200);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production' });
    // Keep the load on until the retired color's process is gone (the router stops it after a grace
    // period for in-flight requests), so a request lost to its exit would be counted.
    await untilRefused(retiredPort!, 10_000);
    const stats = await load.stop();
    if (result.dryRun) throw new Error('dry');
    expect(result.plan.strategy).toBe('blue-green');
    expect(result.outcome.status).toBe('succeeded');
    expect(stats.sent).toBeGreaterThan(200);
    expect(stats.failed).toBe(0);
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    const status = await platform.status();
    expect(status.primary).toBe('green');
    expect(Object.keys(slotsOf(status))).toEqual(['green']);
  });

  it('rejects a bad release on the idle color: users never see it', async () => {
    await release(project.root, '1.2.0', 'error');
    await passReceipt(project.root);
    const load = startLoad(`${platform.url}/api/status`, 100);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production' });
    const stats = await load.stop();
    if (result.dryRun) throw new Error('dry');
    expect(result.outcome.status).toBe('failed');
    expect(result.outcome.exitCode).toBe(1);
    expect(result.outcome.trigger).toContain('health-blue');
    expect(stats.failed).toBe(0);
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    expect((await platform.status()).primary).toBe('green');
  });

  it('writes a runbook for each of the four strategies from the real configuration', async () => {
    for (const strategy of ['rolling', 'recreate', 'blue-green', 'canary']) {
      const context = await loadDeployContext(project.root, 'production', strategy);
      const markdown = renderRunbook({ app: 'sample-app', environmentName: 'production', environment: context.environment });
      expect(markdown).toContain(`(${strategy} via command)`);
      expect(markdown).toContain('## 1. Pre-deployment checks');
      expect(markdown).toContain('## 4. Rollback');
      expect(markdown).toContain('node platform/ctl.mjs deploy');
      expect(markdown).toContain('/api/status');
    }
  });
});
