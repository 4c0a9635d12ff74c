/**
 * Issue #14.6: a first deploy (nothing served before) says at plan time that there is no previous
 * version, and when it fails the record and the message say "no previous version to return to;
 * production needs attention", never "rolled back to: nothing" nor a `rolled_back` status.
 * Real platform (sample app servers), real git, the command provider, the CLI's real output.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { makeProject, passReceipt, release, startPlatform, type Platform, type Project } from '../deploy/helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { formatPlan } from '../../mcp-server/src/deploy/plan-deploy.js';

let project: Project;
let platform: Platform;

beforeAll(async () => {
  project = await makeProject((text) => text.replace('duration: 4s', 'duration: 1s'));
  platform = await startPlatform(project.root);
  // No bootstrap: the platform serves nothing, shipgate has never deployed here.
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await project?.cleanup();
});

describe('first deploy', () => {
  it('the plan carries a notice that there is nothing to return to', async () => {
    await release(project.root, '1.1.0', 'error');
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'rolling', dryRun: true });
    expect(result.plan.previous).toBeUndefined();
    expect(result.plan.notices[0]).toContain('First deploy to production: if it fails there is no previous version to return to; production needs attention');
    expect(formatPlan(result.plan)).toContain('notice: First deploy to production');
  });

  it('a failing first deploy is `failed` (exit 1), and the record says production needs attention', async () => {
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'rolling' });
    if (result.dryRun) throw new Error('unexpected dry run');
    const { outcome } = result;
    expect(outcome.status).toBe('failed');
    expect(outcome.exitCode).toBe(1);
    const json = JSON.parse(await readFile(outcome.record.files.json, 'utf8')) as { status: string; reason: string; previous?: unknown; rollback?: { detail?: string } };
    expect(json.status).toBe('failed');
    expect(json.previous).toBeUndefined();
    expect(json.reason).toMatch(/no previous version to return to; production needs attention$/);
    expect(json.rollback?.detail).toContain('First deploy: no previous version to return to; production needs attention');
    const md = await readFile(outcome.record.files.markdown, 'utf8');
    expect(md).toContain('**Rolled back to:** nothing: no previous version to return to; production needs attention');
    expect(md).not.toContain('ROLLED BACK');
  }, 60_000);
});
