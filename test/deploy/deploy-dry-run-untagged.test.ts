/**
 * `deploy --dry-run` on a commit with no release tag (issue #14.13): the plan is still shown, for the
 * release `bump` would cut, and it says a release is needed; a real deploy is still refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { git, makeProject, type Project } from './helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { formatPlan } from '../../mcp-server/src/deploy/plan-deploy.js';
import { main } from '../../mcp-server/src/cli/main.js';

let project: Project;

beforeEach(async () => {
  project = await makeProject();
  await writeFile(join(project.root, 'sample-app', 'feature.txt'), 'search\n');
  git(project.root, 'add', '-A');
  git(project.root, 'commit', '-q', '-m', 'feat: search');
});
afterEach(async () => {
  await project.cleanup();
});

describe('deploy --dry-run on an untagged commit', () => {
  it('shows the plan for the release bump would cut and says a release is needed', async () => {
    const head = git(project.root, 'rev-parse', 'HEAD');
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.plan.next).toMatchObject({ sha: head, tag: 'v1.1.0', version: '1.1.0' });
    expect(result.plan.releaseNeeded?.message).toContain('carries no release tag');
    expect(result.plan.steps.length).toBeGreaterThan(0);
    const text = formatPlan(result.plan);
    expect(text).toMatch(/RELEASE NEEDED: .*`shipgate bump` would cut v1\.1\.0/);
    // Nothing was made: no tag appeared.
    expect(git(project.root, 'tag', '--points-at', 'HEAD')).toBe('');
  }, 60_000);

  it('prints the plan from the CLI (exit 0) and the JSON carries releaseNeeded', async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c) => (out += String(c)));
    const code = await main(['deploy', '--dry-run', '--json'], { cwd: project.root, stdout, stderr: new PassThrough(), env: process.env, now: () => new Date() });
    expect(code).toBe(0);
    const doc = JSON.parse(out);
    expect(doc.plan.releaseNeeded.hint).toContain('shipgate bump');
  }, 60_000);

  it('a real deploy on the same commit is still refused for want of a release (and the receipt)', async () => {
    await expect(runDeploy({ projectRoot: project.root, environment: 'production' })).rejects.toThrow(/receipt|release tag/);
  }, 60_000);
});
