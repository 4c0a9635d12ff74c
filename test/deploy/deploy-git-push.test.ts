/**
 * git-push provider end to end: a bare remote is production. A release whose health fails is undone by
 * pushing the previous release's commit back with --force-with-lease; a deploy whose provider command
 * fails midway (command provider) is undone too; a health endpoint that hangs times out and rolls back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { git, makeProject, passReceipt, release, type Project } from './helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { runRollback } from '../../mcp-server/src/deploy/rollback.js';

let server: Server;
let url = '';
let mode: 'ok' | 'error' | 'hang' = 'ok';

beforeAll(async () => {
  server = createServer((request, response) => {
    if (mode === 'hang') return; // never answers
    response.writeHead(mode === 'ok' ? 200 : 500, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ status: mode === 'ok' ? 'ok' : 'broken' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function gitPushConfig(text: string): string {
  const env = `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    url: ${url}
    provider: { type: git-push, remote: origin, branch: production }
    strategy: { type: rolling }
    health:
      checks:
        - { name: health, path: /health, status: 200, timeout: 500ms, retries: 0 }
    monitor: { duration: 1s, interval: 300ms, failureLimit: 2 }
`;
  return text.replace(/environments:[\s\S]*$/, env);
}

function remoteSha(project: Project): string {
  return git(project.root, 'ls-remote', project.remote, 'refs/heads/production').split(/\s+/)[0] ?? '';
}

describe('git-push provider', () => {
  let project: Project;
  beforeAll(async () => {
    project = await makeProject(gitPushConfig, { platform: false });
  });
  afterAll(async () => project?.cleanup());

  it('deploys the tag commit to the production branch, then undoes a bad release with --force-with-lease', async () => {
    mode = 'ok';
    const good = await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const first = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (first.dryRun) throw new Error('dry');
    expect(first.outcome.status).toBe('succeeded');
    expect(remoteSha(project)).toBe(good);

    await release(project.root, '1.2.0');
    await passReceipt(project.root);
    mode = 'error';
    const second = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (second.dryRun) throw new Error('dry');
    expect(second.outcome.exitCode).toBe(3);
    expect(remoteSha(project)).toBe(good);
    const json = JSON.parse(await readFile(second.outcome.record.files.json, 'utf8'));
    expect(json.rollback.trigger).toContain('status 500');
    expect(json.rollback.steps[0].commands[0].join(' ')).toContain('--force-with-lease');
    // Production answers 500 whatever runs (the stand-in server): the record says verification failed.
    expect(json.rollback.verified).toBe(false);
  });

  it('a hanging health endpoint times out and rolls back', async () => {
    mode = 'ok';
    const before = remoteSha(project);
    await release(project.root, '1.3.0');
    await passReceipt(project.root);
    mode = 'hang';
    const started = Date.now();
    const result = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (result.dryRun) throw new Error('dry');
    expect(result.outcome.exitCode).toBe(3);
    expect(result.outcome.trigger).toContain('no answer within 500 ms');
    expect(remoteSha(project)).toBe(before);
    expect(Date.now() - started).toBeLessThan(15_000);
    mode = 'ok';
  });

  it('on-demand rollback needs a reason, goes only to a release that served, and is recorded', async () => {
    mode = 'ok';
    await expect(runRollback({ projectRoot: project.root, environment: 'production', reason: ' ' })).rejects.toThrow(/reason/);
    // v1.0.0 is tagged but never served production: not a rollback target.
    const before = remoteSha(project);
    await expect(runRollback({ projectRoot: project.root, environment: 'production', to: '1.0.0', reason: 'checkout broken' })).rejects.toThrow(/v1\.0\.0 never served production[\s\S]*/);
    expect(remoteSha(project)).toBe(before);
    const servedFirst = before;
    await release(project.root, '1.4.0');
    await passReceipt(project.root);
    const deployed = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (deployed.dryRun) throw new Error('dry');
    expect(deployed.outcome.status).toBe('succeeded');
    const result = await runRollback({ projectRoot: project.root, environment: 'production', reason: 'checkout broken' });
    if ('dryRun' in result) throw new Error('dry');
    expect(result.status).toBe('succeeded');
    expect(result.plan.to.version).toBe('1.1.0');
    expect(remoteSha(project)).toBe(servedFirst);
    const json = JSON.parse(await readFile(result.record.files.json, 'utf8'));
    expect(json.kind).toBe('rollback');
    expect(json.reason).toBe('checkout broken');
  });
});

describe('command provider failing midway', () => {
  let project: Project;
  beforeAll(async () => {
    project = await makeProject((text) =>
      text.replace(/environments:[\s\S]*$/, `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    provider:
      type: command
      deploy: [node, -e, "require('fs').writeFileSync(process.env.SHIPGATE_PROJECT_ROOT + '/live.txt', process.argv[1]); if (process.argv[1] === '1.2.0') process.exit(7)", "{version}"]
      undo: [node, -e, "require('fs').writeFileSync(process.env.SHIPGATE_PROJECT_ROOT + '/live.txt', process.argv[1])", "{version}"]
      timeout: 20s
    # recreate in production must be allowed explicitly (seed 002: recreate is for dev/staging)
    strategy: { type: recreate, allowProduction: true }
`),
    { platform: false },
  );
  });
  afterAll(async () => project?.cleanup());

  // The provider runs in a clean checkout of the release (project/trusted-tree.ts); SHIPGATE_PROJECT_ROOT
  // names the project folder, where this stand-in production keeps its state.
  it('undoes to the previous release when the deploy command fails', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const ok = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (ok.dryRun) throw new Error('dry');
    expect(ok.outcome.status).toBe('succeeded');
    expect(await readFile(`${project.root}/live.txt`, 'utf8')).toBe('1.1.0');
    await release(project.root, '1.2.0');
    await passReceipt(project.root);
    const bad = await runDeploy({ projectRoot: project.root, environment: 'production' });
    if (bad.dryRun) throw new Error('dry');
    expect(bad.outcome.exitCode).toBe(3);
    expect(bad.outcome.trigger).toContain('exit 7');
    expect(await readFile(`${project.root}/live.txt`, 'utf8')).toBe('1.1.0');
  });
});
