/**
 * Issue #14.7 from a real deploy: the signals the deploy engine hands the learnings are what happened.
 * Production (a bare git remote) behind a stand-in HTTP server; a 2-second monitor window configured.
 * A good deploy, then two releases whose health answers 500 and roll back: the events carry the
 * configured window (monitorPlannedMs 2000, not 0) and the catalog's detectors fire on them:
 * insufficient_post_deploy_monitoring (window under 30 minutes; health failing after deploy),
 * missing_rollback_verification and deploy_without_staging_validation (the example gate has neither
 * check), and missing_rollback_plan on the first deploy (nothing served before it). The lessons then read 3/5 for it, never "0/5" with a last-seen date.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { makeProject, passReceipt, release, type Project } from '../deploy/helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { readEvents } from '../../mcp-server/src/learnings/store.js';
import { readLearnings } from '../../mcp-server/src/learnings/read-learnings.js';

let server: Server;
let url = '';
let healthy = true;
let project: Project;

beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(healthy ? 200 : 500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: healthy ? 'ok' : 'broken' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  project = await makeProject((text) => text.replace(/environments:[\s\S]*$/, `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    url: ${url}
    provider: { type: git-push, remote: origin, branch: production }
    strategy: { type: rolling }
    health:
      checks:
        - { name: health, path: /health, status: 200, timeout: 500ms, retries: 0 }
    monitor: { duration: 2s, interval: 500ms, failureLimit: 2 }
`), { platform: false });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await project?.cleanup();
});

describe('learnings signals from real deploys', () => {
  it('records the configured monitor window and fires the detectors its text describes', async () => {
    healthy = true;
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const good = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (good.dryRun) throw new Error('dry');
    expect(good.outcome.status).toBe('succeeded');
    for (const version of ['1.2.0', '1.3.0']) {
      await release(project.root, version);
      await passReceipt(project.root);
      healthy = false;
      const bad = await runDeploy({ projectRoot: project.root, environment: 'production' });
      healthy = true;
      if (bad.dryRun) throw new Error('dry');
      expect(bad.outcome.status).toBe('rolled_back');
    }

    const store = join(project.root, '.claude/shipgate/learnings');
    const deploys = (await readEvents(store)).events.filter((e) => e.phase === 'deploy');
    expect(deploys.map((e) => e.outcome)).toEqual(['succeeded', 'rolled_back', 'rolled_back']);
    for (const event of deploys) expect(event.signals).toMatchObject({ monitorPlannedMs: 2000, rollbackVerified: false });
    // The first deploy had no version that served before it to return to: missing_rollback_plan (seed 004).
    expect(deploys[0]!.signals).toMatchObject({ postDeployHealthFailed: false, monitorCompleted: true, rollbackReady: false });
    expect(deploys[0]!.pitfalls.sort()).toEqual(['deploy_without_staging_validation', 'insufficient_post_deploy_monitoring', 'missing_rollback_plan', 'missing_rollback_verification']);
    for (const bad of deploys.slice(1)) {
      expect(bad.signals).toMatchObject({ postDeployHealthFailed: true, rollbackReady: true });
      expect(bad.pitfalls).not.toContain('missing_rollback_plan');
      expect(bad.pitfalls).toContain('insufficient_post_deploy_monitoring');
      expect(bad.pitfalls).not.toContain('no_post_deploy_monitoring'); // the monitor caught it
    }

    const view = await readLearnings(project.root);
    const monitoring = view.summary.pitfalls.find((p) => p.id === 'insufficient_post_deploy_monitoring')!;
    expect([monitoring.seen, monitoring.count, monitoring.frequency]).toEqual([3, 3, '★★★☆☆ (3/5)']);
    // No contradiction anywhere: a pitfall with a last-seen date is never a bare "0/5".
    for (const p of view.summary.pitfalls) if (p.lastSeen) expect(p.frequency).not.toMatch(/\(0\/5\)/);
    expect(view.markdown).toMatch(/from \d+ recorded runs/);
  }, 120_000);
});
