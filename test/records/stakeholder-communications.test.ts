/**
 * #14.4 "stakeholder communications" on a real project: the configured `notify:` argument vector runs
 * once the outcome is known (a good deploy, an automatic rollback, a manual `shipgate rollback`), posts
 * to a real HTTP server on 127.0.0.1, and what it printed and its exit code land in the record's
 * `facts.communications` and its "Stakeholder communications" section. A notify that fails or hangs is
 * a recorded deviation and never changes the outcome; secrets in its output are redacted; a hostile
 * rollback reason reaches it as one plain argument, never a shell.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { git, makeProject, passReceipt, release, type Project } from '../deploy/helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { runRollback } from '../../mcp-server/src/deploy/rollback.js';
import { main } from '../../mcp-server/src/cli/main.js';
import { PassThrough } from 'node:stream';
import { readEnvironmentState } from '../../mcp-server/src/state/deploy-state.js';
import type { DeploymentRecord } from '../../mcp-server/src/records/record-schema.js';

/** What the stakeholder channel (the test's HTTP server) answers: ok, a 500 with a secret in the body, or never. */
let mode: 'ok' | 'fail' | 'hang' = 'ok';
const posts: string[][] = [];
let server: Server;
let hook = '';
let project: Project;

const SECRET_ENV = 'hunter2-notify-secret-value';
const SLACK_TOKEN = 'xoxb-123456789012-abcdefghijklmnop';

/** The notify script of the project: posts its arguments as JSON, prints the answer, fails on a non-2xx. */
const NOTIFY_SCRIPT = `const [hook, ...args] = process.argv.slice(2);
const response = await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args) });
const body = await response.text();
if (!response.ok) {
  console.error('channel said ' + response.status + ': ' + body + ' (api token ' + process.env.NOTIFY_API_TOKEN + ')');
  process.exit(3);
}
console.log('posted ' + args[0] + ' for ' + args[2] + ': ' + body);
`;

/** Writes the served version where the platform would (in the project folder: the command runs in a checkout of the release); `1.3.0` is a release whose deploy fails. */
const ctl = (failOn?: string) => [
  'node',
  '-e',
  `${failOn ? `if (process.argv[1] === '${failOn}') { console.error('image pull failed'); process.exit(1) } ` : ''}const dir = process.env.SHIPGATE_PROJECT_ROOT + '/.platform'; require('fs').mkdirSync(dir, { recursive: true }); require('fs').writeFileSync(dir + '/live.txt', process.argv[1])`,
  '{version}',
];

function configText(extraEnvironment = ''): string {
  return `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    url: http://127.0.0.1:9/app
    provider:
      type: command
      deploy: ${JSON.stringify(ctl('1.3.0'))}
      undo: ${JSON.stringify(ctl())}
      timeout: 20s
    monitor: { duration: 0s, interval: 1s }
${extraEnvironment}notify:
  command: [node, scripts/notify.mjs, ${JSON.stringify(hook)}, "{status}", "{env}", "{version}", "{sha}", "{deployment_id}", "{url}", "{kind}", "{reason}", "{previous_version}"]
  timeout: 5s
`;
}

async function deploy(version: string, env?: NodeJS.ProcessEnv): Promise<{ record: DeploymentRecord; status: string; exitCode: number; markdown: string }> {
  await release(project.root, version);
  await passReceipt(project.root);
  const result = await runDeploy({ projectRoot: project.root, environment: 'production', ...(env ? { env } : {}) });
  if (result.dryRun) throw new Error('dry run');
  const record = JSON.parse(await readFile(result.outcome.record.files.json, 'utf8')) as DeploymentRecord;
  return { record, status: result.outcome.status, exitCode: result.outcome.exitCode, markdown: await readFile(record.files.markdown, 'utf8') };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += String(chunk)));
    request.on('end', () => {
      posts.push(JSON.parse(body) as string[]);
      if (mode === 'hang') return; // never answers: the notify must time out
      if (mode === 'fail') return void response.writeHead(500).end(`{"error":"invalid_auth","token":"${SLACK_TOKEN}"}`);
      response.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hook = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/deploys`;
  project = await makeProject((text) => text.replace(/environments:[\s\S]*$/, configText()), { platform: false });
  await mkdir(join(project.root, 'scripts'), { recursive: true });
  await writeFile(join(project.root, 'scripts', 'notify.mjs'), NOTIFY_SCRIPT);
  git(project.root, 'add', '-A');
  git(project.root, 'commit', '-q', '-m', 'chore: notify script');
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await project?.cleanup();
});

describe('stakeholder communications from a configured notify command', () => {
  it('--dry-run shows the notify command, its outcomes and its timeout in the plan, and runs nothing', async () => {
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
    expect(result.plan.notices).toContain(`Notify after the outcome (succeeded, rolled_back, failed): \`node scripts/notify.mjs ${hook} {status} {env} {version} {sha} {deployment_id} {url} {kind} {reason} {previous_version}\` (placeholders filled in, no shell, timeout 5s); a failure is recorded and never changes the outcome.`);
    expect(posts).toEqual([]);
  }, 60_000);

  it('a succeeded deploy notifies with every placeholder filled in and records what was sent', async () => {
    mode = 'ok';
    const { record, status, markdown } = await deploy('1.1.0');
    expect(status).toBe('succeeded');
    expect(posts.at(-1)).toEqual(['succeeded', 'production', '1.1.0', record.commit, record.id, 'http://127.0.0.1:9/app', 'deploy', '', '']);
    const [sent] = record.facts!.communications;
    expect(record.facts!.communications).toHaveLength(1);
    expect(sent).toMatchObject({ status: 'succeeded', ok: true, exitCode: 0, timedOut: false, stdout: 'posted succeeded for 1.1.0: ok', stderr: '', detail: 'exit 0' });
    expect(sent!.command.slice(0, 5)).toEqual(['node', 'scripts/notify.mjs', hook, 'succeeded', 'production']);
    expect(markdown).toMatch(/## Stakeholder communications\n\n- \S+ succeeded: `node scripts\/notify\.mjs http:\/\/127\.0\.0\.1:\d+\/hooks\/deploys succeeded production 1\.1\.0 [0-9a-f]{40} production-v1\.1\.0-\d+ http:\/\/127\.0\.0\.1:9\/app deploy  ` sent \(exit 0, \d+ ms\)\n\n {2}```text\n {2}posted succeeded for 1\.1\.0: ok\n {2}```/);
    expect(markdown).not.toContain('None sent by shipgate');
    expect(markdown).not.toContain('notify (succeeded) failed');
  }, 90_000);

  it('a failing notify (exit 3) is a recorded deviation: the deploy still succeeded, and secrets in its output are redacted', async () => {
    mode = 'fail';
    const { record, status, exitCode, markdown } = await deploy('1.2.0', { ...process.env, NOTIFY_API_TOKEN: SECRET_ENV });
    expect([status, exitCode, record.status]).toEqual(['succeeded', 0, 'succeeded']);
    expect((await readEnvironmentState(project.root, 'production')).live?.version).toBe('1.2.0');
    expect(posts.at(-1)?.slice(0, 3)).toEqual(['succeeded', 'production', '1.2.0']);
    const sent = record.facts!.communications[0]!;
    expect(sent).toMatchObject({ ok: false, exitCode: 3, timedOut: false, detail: 'exit 3' });
    expect(sent.stderr).toContain('channel said 500');
    expect(sent.stderr).toContain('"token":"[redacted]"');
    expect(sent.stderr).toContain('api token [redacted]');
    expect(markdown).toContain('- notify (succeeded) failed: exit 3');
    expect(markdown).toMatch(/ succeeded: `node scripts\/notify\.mjs [^`]*` FAILED \(exit 3, \d+ ms\)/);
    for (const file of [record.files.json, record.files.markdown]) {
      const text = await readFile(file, 'utf8');
      expect(text).not.toContain(SECRET_ENV);
      expect(text).not.toContain(SLACK_TOKEN);
    }
  }, 90_000);

  it('an automatic rollback notifies rolled_back with the trigger as {reason}', async () => {
    mode = 'ok';
    const { record, status, exitCode, markdown } = await deploy('1.3.0');
    expect([status, exitCode]).toEqual(['rolled_back', 3]);
    const posted = posts.at(-1)!;
    expect(posted.slice(0, 3)).toEqual(['rolled_back', 'production', '1.3.0']);
    expect(posted[7]).toMatch(/image pull failed/);
    expect(posted[8]).toBe('1.2.0');
    expect(record.facts!.communications).toMatchObject([{ status: 'rolled_back', ok: true, stdout: 'posted rolled_back for 1.3.0: ok' }]);
    expect(markdown).toContain(' rolled_back: `node scripts/notify.mjs ');
    expect(await readFile(join(project.root, '.platform', 'live.txt'), 'utf8')).toBe('1.2.0');
  }, 90_000);

  it('a notify that hangs is ended at notify.timeout; `shipgate deploy` still exits 0 and warns on stderr', async () => {
    mode = 'hang';
    await release(project.root, '1.4.0');
    await passReceipt(project.root);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (chunk) => (out += String(chunk)));
    stderr.on('data', (chunk) => (err += String(chunk)));
    const code = await main(['deploy', '--env', 'production'], { cwd: project.root, stdout, stderr, env: process.env, now: () => new Date() });
    expect(code).toBe(0);
    expect(out).toContain('Deployed v1.4.0 to production.');
    const markdownFile = /Record: (\S+)/.exec(out)![1]!;
    const record = JSON.parse(await readFile(markdownFile.replace(/\.md$/, '.json'), 'utf8')) as DeploymentRecord;
    expect(record.status).toBe('succeeded');
    const sent = record.facts!.communications[0]!;
    expect(sent).toMatchObject({ ok: false, timedOut: true, exitCode: 124, detail: 'timed out after 5000 ms (notify.timeout)' });
    expect(sent.durationMs).toBeGreaterThanOrEqual(5_000);
    expect(sent.durationMs).toBeLessThan(30_000);
    expect(err).toContain(`WARNING: the notify command failed (timed out after 5000 ms (notify.timeout)): stakeholders may not have been told about this succeeded deploy; its output is in ${markdownFile}`);
    expect(await readFile(markdownFile, 'utf8')).toContain('- notify (succeeded) failed: timed out after 5000 ms (notify.timeout)');
  }, 90_000);

  it('a manual rollback notifies rolled_back; a hostile --reason reaches the script as one plain argument, never a shell', async () => {
    mode = 'ok';
    const hostile = '$(touch pwned-1); touch pwned-2 `touch pwned-3` | tee pwned-4 && echo "{env}" \'quoted\'';
    const result = await runRollback({ projectRoot: project.root, environment: 'production', to: '1.2.0', reason: hostile });
    if ('dryRun' in result) throw new Error('dry run');
    expect(result.status).toBe('succeeded');
    expect(posts.at(-1)).toEqual(['rolled_back', 'production', '1.2.0', result.record.commit, result.record.id, 'http://127.0.0.1:9/app', 'rollback', hostile, '1.4.0']);
    const names = [...(await readdir(project.root)), ...(await readdir(dirname(project.root))), ...(await readdir(process.cwd()))];
    expect(names.filter((name) => name.startsWith('pwned'))).toEqual([]);
    const record = JSON.parse(await readFile(result.record.files.json, 'utf8')) as DeploymentRecord;
    expect(record.facts!.communications).toMatchObject([{ status: 'rolled_back', ok: true, stdout: 'posted rolled_back for 1.2.0: ok' }]);
    const markdown = await readFile(record.files.markdown, 'utf8');
    expect(markdown).toContain(' rolled_back: `node scripts/notify.mjs ');
    expect(existsSync(join(project.root, 'pwned-1'))).toBe(false);
  }, 90_000);

  it("an environment's own notify replaces the top-level one; `on:` leaving the outcome out sends nothing, and the record says none", async () => {
    mode = 'ok';
    const configFile = join(project.root, 'shipgate.config.yaml');
    const text = await readFile(configFile, 'utf8');
    await writeFile(configFile, text.replace('    monitor: { duration: 0s, interval: 1s }\n', `    monitor: { duration: 0s, interval: 1s }\n    notify: { command: [node, scripts/notify.mjs, ${JSON.stringify(hook)}, "{status}"], on: [failed, rolled_back] }\n`));
    const before = posts.length;
    const { record, status, markdown } = await deploy('1.5.0');
    expect(status).toBe('succeeded');
    expect(posts.length).toBe(before);
    expect(record.facts!.communications).toEqual([]);
    expect(markdown).toContain('## Stakeholder communications\n\nNone sent by shipgate (no notify command is configured for this outcome).');
  }, 90_000);
});
