/**
 * The `notify:` configuration: `shipgate validate` reports an unknown key, a shell string instead of an
 * argument vector, an unknown outcome and a mistyped placeholder at their file:line:col like every other
 * key; the loader applies the defaults; an environment's own notify replaces the top-level one; and the
 * plan for a record fills the placeholders (pure, no process started).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../mcp-server/src/cli/main.js';
import { parseConfigText } from '../../mcp-server/src/config/load-config.js';
import { renderStarterConfig } from '../../mcp-server/src/config/init-config.js';
import { notifyConfigFor, planNotification, sendNotification } from '../../mcp-server/src/deploy/notify-stakeholders.js';
import { newRecord, type DeploymentRecord } from '../../mcp-server/src/records/deployment-record.js';

let dir: string;

async function validate(): Promise<{ code: number; diagnostics: { file: string; line: number; column: number; ruleId: string; message: string }[] }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += String(c)));
  const code = await main(['validate', '--no-cache', '--json'], { cwd: dir, stdout, stderr: new PassThrough(), env: {}, now: () => new Date() });
  return { code, diagnostics: (JSON.parse(out) as { diagnostics: { file: string; line: number; column: number; ruleId: string; message: string }[] }).diagnostics.filter((d) => d.ruleId === 'config-schema') };
}

const ENVIRONMENT = 'environments:\n  production:\n    provider: { type: command, deploy: [./deploy.sh, "{version}"] }\n';

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-notify-config-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('notify: in shipgate validate', () => {
  it('reports a mistyped key, the missing command, a shell string, an unknown outcome and a bad timeout at file:line:col', async () => {
    await writeFile(
      join(dir, 'shipgate.config.yaml'),
      `${ENVIRONMENT}    notify:\n      comand: [node, notify.mjs]\nnotify:\n  command: "curl -d {version} https://hooks.example.com"\n  on: [succeeded, rollback]\n  timeout: soon\n`,
    );
    const { code, diagnostics } = await validate();
    expect(code).toBe(1);
    expect(diagnostics.map((d) => [d.file, d.line, d.column, d.message])).toEqual([
      ['shipgate.config.yaml', 4, 5, 'environments.production.notify.command: required array is missing.'],
      ['shipgate.config.yaml', 5, 7, 'environments.production.notify: unknown key "comand" (check the spelling).'],
      ['shipgate.config.yaml', 7, 12, 'notify.command: expected array, found "curl -d {version} https://hooks.example.com".'],
      ['shipgate.config.yaml', 8, 19, 'notify.on.1: expected one of succeeded|rolled_back|failed, found "rollback".'],
      ['shipgate.config.yaml', 9, 12, 'notify.timeout: expected a duration like "30s", "5m" or "24h", found "soon".'],
    ]);
  });

  it('names a mistyped placeholder and the ones it knows', async () => {
    await writeFile(join(dir, 'shipgate.config.yaml'), `${ENVIRONMENT}notify:\n  command: [node, notify.mjs, "{enviroment}", "{version}", '{"text":"json stays"}']\n`);
    const { code, diagnostics } = await validate();
    expect(code).toBe(1);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 5, column: 12 });
    expect(diagnostics[0]!.message).toMatch(/^notify\.command: expected placeholders among \{env\} \{status\} .*\{deployment_id\} \{url\} .*, found unknown \{enviroment\}\.$/);
  });

  it('is quiet for a valid notify, top level and per environment', async () => {
    await writeFile(join(dir, 'shipgate.config.yaml'), `${ENVIRONMENT}    notify: { command: [node, notify.mjs, "{status}"], on: [] }\nnotify:\n  command: [node, notify.mjs, "{env}", "{version}", "{sha}", "{status}", "{deployment_id}", "{url}"]\n  on: [rolled_back, failed]\n`);
    const { code, diagnostics } = await validate();
    expect(diagnostics).toEqual([]);
    expect(code).toBe(0);
  });
});

describe('notify: loaded and planned', () => {
  const config = parseConfigText(
    `${ENVIRONMENT}  staging:\n    provider: { type: git-push }\n    notify: { command: [node, quiet.mjs], on: [] }\nnotify:\n  command: [node, notify.mjs, "{env}:{status}", "{version}", "{previous_version}", "{reason}", "{url}", "{kind}"]\n`,
    'shipgate.config.yaml',
  );
  const record = (fields: Partial<DeploymentRecord>): DeploymentRecord =>
    ({ ...newRecord({ id: 'production-v1.2.0-1', kind: 'deploy', environment: 'production', strategy: 'rolling', provider: 'command', version: '1.2.0', tag: 'v1.2.0', commit: 'a'.repeat(40), startedAt: '2026-12-05T10:00:00.000Z', files: { markdown: '/r.md', json: '/r.json' } }), ...fields });

  it('applies the defaults: every outcome, 30 seconds', () => {
    expect(config.notify).toMatchObject({ on: ['succeeded', 'rolled_back', 'failed'], timeout: 30_000 });
    expect(notifyConfigFor(config, 'production')).toBe(config.notify);
    expect(notifyConfigFor(config, 'staging')).toMatchObject({ command: ['node', 'quiet.mjs'], on: [] });
  });

  it('maps each record outcome to {status} and fills every placeholder inside single arguments', () => {
    const notify = notifyConfigFor(config, 'production');
    expect(planNotification(notify, record({ status: 'succeeded', previous: { version: '1.1.0', tag: 'v1.1.0', sha: 'b'.repeat(40) } }), 'https://shop.example.com')).toEqual({
      argv: ['node', 'notify.mjs', 'production:succeeded', '1.2.0', '1.1.0', '', 'https://shop.example.com', 'deploy'],
      timeoutMs: 30_000,
      status: 'succeeded',
    });
    expect(planNotification(notify, record({ status: 'rolled_back', rollback: { trigger: 'health: 500', startedAt: 'x', steps: [] } }), undefined)?.argv.slice(2)).toEqual(['production:rolled_back', '1.2.0', '', 'health: 500', '', 'deploy']);
    expect(planNotification(notify, record({ status: 'failed', reason: 'deploy: exit 1' }), undefined)?.argv[5]).toBe('deploy: exit 1');
    expect(planNotification(notify, record({ kind: 'rollback', status: 'succeeded', reason: 'checkout 500s' }), undefined)?.argv.slice(2, 6)).toEqual(['production:rolled_back', '1.2.0', '', 'checkout 500s']);
    expect(planNotification(notify, record({ kind: 'rollback', status: 'failed', reason: 'x' }), undefined)?.status).toBe('failed');
    expect(planNotification(notify, record({ status: 'in_progress' }), undefined)).toBeUndefined();
    expect(planNotification(notifyConfigFor(config, 'staging'), record({ environment: 'staging', status: 'failed' }), undefined)).toBeUndefined();
    expect(planNotification(undefined, record({ status: 'succeeded' }), undefined)).toBeUndefined();
  });
});

describe('shipgate init', () => {
  it("the starter's commented notify block, uncommented, is a configuration the schema accepts", () => {
    const text = renderStarterConfig({ app: 'shop', defaultBranch: 'main', stateFiles: [] });
    const block = text.split('\n').filter((line) => /^# (notify:|  (command|on|timeout):)/.test(line));
    expect(block).toHaveLength(4);
    const config = parseConfigText(`${text}\n${block.map((line) => line.slice(2)).join('\n')}\n`, 'starter');
    expect(config.notify).toMatchObject({ command: ['node', 'scripts/notify.mjs', '{env}', '{version}', '{status}', '{url}'], on: ['succeeded', 'rolled_back', 'failed'], timeout: 30_000 });
  });
});

describe('a notify command that cannot start', () => {
  it('is a failed communication naming why, not an exception', async () => {
    const sent = await sendNotification({ argv: ['shipgate-no-such-notify-command', '{env}'], timeoutMs: 5_000, status: 'succeeded' }, { projectRoot: dir });
    expect(sent).toMatchObject({ ok: false, exitCode: 127, timedOut: false, status: 'succeeded', command: ['shipgate-no-such-notify-command', '{env}'] });
    expect(sent.detail).toMatch(/ENOENT|not found/);
  });
});
