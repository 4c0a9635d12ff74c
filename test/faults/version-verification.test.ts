/**
 * Fault #15.11: "a successful deploy can leave the old version serving". The provider's deploy (and undo)
 * are made to do nothing on command (`.platform/broken`), the way a confused provider reports success
 * while the old process keeps serving. With a health check that matches `{version}` in the JSON body,
 * every deploy and every rollback verifies the version production reports: a deploy that did not land
 * rolls back (exit 3), a rollback that did not land is `failed`. Real platform, real git, real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bootstrap, git, makeProject, passReceipt, release, servedVersion, startPlatform, type Platform, type Project } from '../deploy/helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { runRollback } from '../../mcp-server/src/deploy/rollback.js';
import { renderStarterConfig } from '../../mcp-server/src/config/init-config.js';
import { parse } from 'yaml';
import { healthCheckSchema } from '../../mcp-server/src/config/environment-schema.js';

let project: Project;
let platform: Platform;

// Provider commands run in a clean checkout of the release; the project folder (with the ignored
// `.platform/` runtime files) is $SHIPGATE_PROJECT_ROOT.
const UNLESS_BROKEN = (action: string) => `[sh, -c, 'test -e "$SHIPGATE_PROJECT_ROOT/.platform/broken" || exec node platform/ctl.mjs ${action} "$0" "$1"', "{color}", "{sha}"]`;

beforeAll(async () => {
  project = await makeProject((text) =>
    text
      .replace(/      deploy: \[.*\]\n/, `      deploy: ${UNLESS_BROKEN('deploy')}\n`)
      .replace(/      undo: \[.*\]\n/, `      undo: ${UNLESS_BROKEN('undo')}\n`)
      .replace('duration: 4s', 'duration: 1s')
      .replace(/        - \{ name: version, path: \/api\/version.*\n/, '        - { name: version, path: /api/version, json: { version: "{version}" }, timeout: 2s, retries: 1 }\n'),
  );
  platform = await startPlatform(project.root);
  await bootstrap(platform, git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
}, 60_000);

afterAll(async () => {
  await platform?.stop();
  await project?.cleanup();
});

interface RecordJson {
  status: string;
  steps: Array<{ id: string; status: string; detail?: string }>;
  measurements: Array<{ step: string; name: string; value: unknown; threshold?: string; ok: boolean }>;
  rollback?: { verified?: boolean };
}

describe('production reports the version shipgate just shipped', () => {
  it('a deploy that lands: the version check passes (1.1.0 serving)', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'rolling' });
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(result.outcome.status).toBe('succeeded');
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    const json = JSON.parse(await readFile(result.outcome.record.files.json, 'utf8')) as RecordJson;
    expect(json.measurements.find((m) => m.step === 'health' && m.name === 'version status')).toMatchObject({ ok: true, threshold: '= 200, version = "1.1.0"' });
  }, 60_000);

  it('a deploy the provider "succeeded" at while 1.1.0 still serves: not success, rolled back (exit 3)', async () => {
    await writeFile(join(project.root, '.platform', 'broken'), '');
    await release(project.root, '1.2.0');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'rolling' });
    if (result.dryRun) throw new Error('unexpected dry run');
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    expect(result.outcome.status).toBe('rolled_back');
    expect(result.outcome.exitCode).toBe(3);
    expect(result.outcome.trigger).toContain('version FAILED');
    expect(result.outcome.trigger).toContain('expected version = "1.2.0", got "1.1.0"');
    const json = JSON.parse(await readFile(result.outcome.record.files.json, 'utf8')) as RecordJson;
    // Status codes alone said all was well: only the version check saw the old release.
    const health = json.measurements.filter((m) => m.step === 'health' && m.name.endsWith('status'));
    expect(health.filter((m) => m.name !== 'version status').every((m) => m.ok)).toBe(true);
    expect(health.find((m) => m.name === 'version status')?.ok).toBe(false);
    // The rollback's verification expects the previous release, and 1.1.0 is what answers.
    expect(json.rollback?.verified).toBe(true);
  }, 60_000);

  it('a rollback whose undo did not land is `failed`: production does not report the version rolled back to', async () => {
    const result = await runRollback({ projectRoot: project.root, environment: 'production', to: '1.0.0', reason: 'fault test: undo does nothing' });
    if ('dryRun' in result) throw new Error('unexpected dry run');
    expect(await servedVersion(platform.url)).toBe('1.1.0');
    expect(result.verified).toBe(false);
    expect(result.status).toBe('failed');
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(await readFile(result.record.files.json, 'utf8')) as RecordJson;
    expect(json.steps.find((s) => s.id === 'verify')?.detail).toContain('expected version = "1.0.0", got "1.1.0"');
  }, 60_000);
});

describe('init proposes a version check', () => {
  it('the starter config carries a commented {version} check that parses as a health check', async () => {
    const text = renderStarterConfig({ app: 'demo', defaultBranch: 'main', stateFiles: [] });
    const line = text.split('\n').find((l) => l.includes('json: { version: "{version}" }'));
    expect(line).toBeDefined();
    const uncommented = parse(line!.replace(/^\s*#\s*-\s*/, '')) as unknown;
    expect(healthCheckSchema.parse(uncommented)).toMatchObject({ path: '/api/version', json: { version: '{version}' } });
  });
});
