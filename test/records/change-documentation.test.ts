/**
 * #14.4 on a real project: seed 000's record sections come from data (deviations from the plan,
 * configuration changes since the environment's last deploy, stakeholder communications) and seed 003's
 * ship report carries the deployment id, production URL, release URL, monitoring plan and the exact
 * rollback command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { git, makeProject, passReceipt, release, type Project } from '../deploy/helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';

let project: Project;

beforeAll(async () => {
  project = await makeProject(
    (text) =>
      text.replace(/environments:[\s\S]*$/, `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    url: http://127.0.0.1:9/app
    provider:
      type: command
      deploy: [node, -e, "require('fs').writeFileSync('live.txt', process.argv[1])", "{version}"]
      undo: [node, -e, "require('fs').writeFileSync('live.txt', process.argv[1])", "{version}"]
      timeout: 20s
    monitor: { duration: 0s, interval: 1s }
`),
    { platform: false },
  );
  await mkdir(join(project.root, 'specs', '001-search'), { recursive: true });
  await writeFile(join(project.root, 'specs', '001-search', 'spec.md'), '# Search\n');
  git(project.root, 'add', '-A');
  git(project.root, 'commit', '-q', '-m', 'docs: spec');
  git(project.root, 'remote', 'set-url', 'origin', 'git@github.com:acme/shop.git');
}, 60_000);
afterAll(async () => project?.cleanup());

describe('records tell the whole story', () => {
  it('first deploy: no previous release, so the whole configuration is new and there is no rollback command', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (result.dryRun) throw new Error('dry');
    const markdown = await readFile(result.outcome.record.files.markdown, 'utf8');
    expect(markdown).toContain('## Configuration changes since the last deploy\n\nFirst deploy of this environment');
    expect(markdown).toContain('## Stakeholder communications\n\nNone sent by shipgate');
    expect(markdown).toMatch(/## Deviations from the plan\n\n(- health skipped|None)/);
    const report = await readFile(join(project.root, 'specs', '001-search', 'production-ship-report.md'), 'utf8');
    expect(report).toContain(`**Deployment ID:** ${result.outcome.record.id}`);
    expect(report).toContain('**Production URL:** http://127.0.0.1:9/app');
    expect(report).toContain('**Release URL:** https://github.com/acme/shop/releases/tag/v1.1.0');
    expect(report).toContain('none: this is the first deploy');
  }, 90_000);

  it('second deploy: the config diff since v1.1.0, skipped steps as deviations, the monitoring plan and the exact rollback command', async () => {
    const configFile = join(project.root, 'shipgate.config.yaml');
    await writeFile(configFile, (await readFile(configFile, 'utf8')).replace('interval: 1s', 'interval: 2s'));
    await release(project.root, '1.2.0');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (result.dryRun) throw new Error('dry');
    const record = result.outcome.record;
    expect(record.previous?.tag).toBe('v1.1.0');
    expect(record.facts?.configChanges).toEqual(['-    monitor: { duration: 0s, interval: 1s }', '+    monitor: { duration: 0s, interval: 2s }']);
    const markdown = await readFile(record.files.markdown, 'utf8');
    expect(markdown).toContain('Since v1.1.0:\n\n```diff\n-    monitor: { duration: 0s, interval: 1s }\n+    monitor: { duration: 0s, interval: 2s }\n```');
    const skipped = record.steps.filter((s) => s.status === 'skipped').map((s) => s.id);
    expect(skipped.length).toBeGreaterThan(0);
    for (const id of skipped) expect(markdown).toContain(`- ${id} skipped`);
    const report = await readFile(join(project.root, 'specs', '001-search', 'production-ship-report.md'), 'utf8');
    expect(report).toContain('## Monitoring plan\n- watch 0ms every 2s');
    expect(report).toContain('`shipgate rollback --env production --to 1.1.0 --reason "<why>"`');
    expect(report).toContain('**Release URL:** https://github.com/acme/shop/releases/tag/v1.2.0');
  }, 90_000);
});
