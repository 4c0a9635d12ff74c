/**
 * The folders and files shipgate.config.yaml names (records.dir, learnings.dir, health.smokeTests,
 * provider.manifests) through a symbolic link that an agent with Bash made in the project, pointing
 * outside it. The schema refuses `..` and absolute paths in the text; the link is the way around it.
 * Through the built CLI and the built MCP server over stdio, each command is refused with a
 * configuration error naming the key, the link and where it really points, and nothing changes: not the
 * project, not the folder outside (no record lands there), and the deploy command never runs.
 * A forged record whose `files.json` names a file outside the records folder is rewritten in place, never there.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createFixtureRepo, errorCodeOf, FIXTURE_FILES, textOf, type FixtureRepo } from '../server/helpers.js';
import { expectCleanRefusal, runCli, snapshot } from '../faults/cli-harness.js';

const cli = resolve(__dirname, '../../mcp-server/dist/cli.js');

let repo: FixtureRepo;
let outside: string;
let canary: string;
/** The committed configuration: staging deploys with a command that leaves a mark, and has a URL. */
let base: string;

beforeAll(() => {
  outside = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-outside-')));
  canary = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-canary-')));
  // staging's deploy command would leave a mark if it ever ran.
  base = FIXTURE_FILES['shipgate.config.yaml']!.replace('  staging:\n    provider: { type: command, deploy: ["true"] }', `  staging:\n    provider: { type: command, deploy: ["touch", "${canary}/deployed"] }\n    url: http://127.0.0.1:9/`);
  expect(base).toContain(canary);
  repo = createFixtureRepo({ ...FIXTURE_FILES, 'shipgate.config.yaml': base });
});
afterAll(() => {
  repo?.cleanup();
  for (const dir of [outside, canary]) if (dir) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  writeFileSync(join(repo.root, 'shipgate.config.yaml'), base);
  for (const link of ['.claude', 'elsewhere', 'smoke.json']) rmSync(join(repo.root, link), { recursive: true, force: true });
  for (const name of readdirSync(outside)) rmSync(join(outside, name), { recursive: true, force: true });
});

const withConfig = (extra: string) => writeFileSync(join(repo.root, 'shipgate.config.yaml'), `${base}${extra}`);

/** Everything outside that a write would show in. */
const outsideFiles = () => readdirSync(outside, { recursive: true, encoding: 'utf8' }).sort();

describe('records.dir through a symbolic link out of the project', () => {
  const cases: [string, () => void, RegExp][] = [
    ['the records folder itself is a link', () => {
      mkdirSync(join(repo.root, '.claude'));
      symlinkSync(outside, join(repo.root, '.claude', 'processes'));
    }, /\.claude\/processes is a symbolic link to /],
    ['a parent of the records folder is a link', () => symlinkSync(outside, join(repo.root, '.claude')), /\.claude is a symbolic link to /],
    ['a configured records.dir under a link', () => {
      withConfig('records: { dir: elsewhere/records }\n');
      symlinkSync(outside, join(repo.root, 'elsewhere'));
    }, /elsewhere is a symbolic link to /],
  ];

  it.each(cases)('%s: history, deploy and rollback refuse, naming the key and the link; nothing written', (label, arrange, link) => {
    arrange();
    const before = snapshot(repo.root);
    for (const command of [['history'], ['deploy', '--env', 'staging', '--dry-run'], ['deploy', '--env', 'staging'], ['rollback', '--env', 'staging', '--reason', 'symlink test']]) {
      const run = runCli(repo.root, command);
      expectCleanRefusal(run, 2, `${label}: ${command.join(' ')}`);
      expect(run.stderr, label).toContain('records.dir leads outside the project through a symbolic link');
      expect(run.stderr, label).toMatch(/at: .*shipgate\.config\.yaml: records\.dir/);
      expect(run.stderr, label).toContain(`which really is ${outside}`);
      expect(run.stderr, label).toMatch(link);
      expect(run.stderr, label).toMatch(/fix: Replace the symbolic link .* with a real folder inside the project/);
    }
    const json = JSON.parse(runCli(repo.root, ['history', '--json']).stdout) as { ok: boolean; error: { code: string; where: string } };
    expect(json).toMatchObject({ ok: false, error: { code: 'config' } });
    expect(json.error.where).toMatch(/records\.dir$/);
    expect(outsideFiles(), label).toEqual([]);
    expect(existsSync(join(canary, 'deployed')), label).toBe(false);
    expect(snapshot(repo.root), label).toEqual(before);
  }, 120_000);

  it('a link to another folder of the same project is fine (the check is where it really is, not "no links")', () => {
    mkdirSync(join(repo.root, 'elsewhere', 'records'), { recursive: true });
    mkdirSync(join(repo.root, '.claude'));
    symlinkSync(join(repo.root, 'elsewhere', 'records'), join(repo.root, '.claude', 'processes'));
    const run = runCli(repo.root, ['history']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No deployments recorded yet.');
  });
});

describe('the other configured paths', () => {
  it('health.smokeTests that is a link to a file outside: health refuses before reading it', () => {
    writeFileSync(join(outside, 'secret.json'), '[{"name": "x"}]');
    writeFileSync(join(repo.root, 'shipgate.config.yaml'), base.replace('    url: http://127.0.0.1:9/\n', '    url: http://127.0.0.1:9/\n    health: { smokeTests: smoke.json }\n'));
    symlinkSync(join(outside, 'secret.json'), join(repo.root, 'smoke.json'));
    const run = runCli(repo.root, ['health', '--env', 'staging']);
    expectCleanRefusal(run, 2, 'health');
    expect(run.stderr).toContain('environments.staging.health.smokeTests leads outside the project through a symbolic link');
    expect(run.stderr).toContain(`which really is ${join(outside, 'secret.json')}`);
    expect(run.stderr).toMatch(/smoke\.json is a symbolic link to /);
  });

  it('the default learnings folder under a .claude link: learnings show and record refuse; nothing written outside', () => {
    symlinkSync(outside, join(repo.root, '.claude'));
    const before = snapshot(repo.root);
    for (const command of [['learnings', 'show'], ['learnings', 'record', '--note', 'x', '--by', 'tester']]) {
      const run = runCli(repo.root, command);
      expect(`${run.stdout}${run.stderr}`, command.join(' ')).toMatch(/learnings\.dir leads outside the project through a symbolic link/);
      expect(run.code, command.join(' ')).not.toBe(0);
    }
    expect(outsideFiles()).toEqual([]);
    expect(snapshot(repo.root)).toEqual(before);
  });
});

describe('a forged record', () => {
  it('whose files.json names a file outside: marking it aborted rewrites the record where it lies, never the named file', () => {
    const victim = join(outside, 'victim.rc');
    writeFileSync(victim, 'echo original\n');
    const dir = join(repo.root, '.claude', 'processes');
    mkdirSync(dir, { recursive: true });
    const forged = join(dir, 'deployment-v9.9.9-2026-03-10.json');
    // An in-progress record of a process that is gone (pid 2^22 - 1 is above the default pid_max).
    writeFileSync(forged, JSON.stringify({ v: 1, id: 'forged', kind: 'deploy', status: 'in_progress', environment: 'staging', strategy: 'rolling', provider: 'command', version: '9.9.9', tag: 'v9.9.9', commit: 'a'.repeat(40), pid: 4_194_303, host: hostname(), startedAt: '2026-03-10T09:00:00.000Z', steps: [], measurements: [], files: { json: victim, markdown: join(outside, 'victim.md') } }));
    const run = runCli(repo.root, ['history', '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).records).toMatchObject([{ status: 'aborted', record: '.claude/processes/deployment-v9.9.9-2026-03-10.md' }]);
    expect(readFileSync(victim, 'utf8')).toBe('echo original\n');
    expect(outsideFiles()).toEqual(['victim.rc']);
    expect(JSON.parse(readFileSync(forged, 'utf8'))).toMatchObject({ status: 'aborted', files: { json: forged } });
  });
});

describe('a records folder swapped for a link while a deploy runs', () => {
  it('the next record write refuses instead of following it (checked right before each write)', async () => {
    const { resolveConfiguredPath } = await import('../../mcp-server/src/util/paths.js');
    const { newRecord, writeRecord } = await import('../../mcp-server/src/records/deployment-record.js');
    const dir = await resolveConfiguredPath(repo.root, '.claude/processes', 'records.dir', null);
    const record = newRecord({ id: 'swap', kind: 'deploy', environment: 'staging', strategy: 'rolling', provider: 'command', version: '1.0.0', tag: 'v1.0.0', commit: 'b'.repeat(40), startedAt: '2026-03-10T09:00:00.000Z', files: { json: join(dir, 'deployment-v1.0.0-2026-03-10.json'), markdown: join(dir, 'deployment-v1.0.0-2026-03-10.md') } });
    await writeRecord(record);
    expect(readdirSync(dir).sort()).toEqual(['deployment-v1.0.0-2026-03-10.json', 'deployment-v1.0.0-2026-03-10.md']);
    // What an agent's Bash does during the monitor window.
    rmSync(join(repo.root, '.claude'), { recursive: true });
    symlinkSync(outside, join(repo.root, '.claude'));
    mkdirSync(join(outside, 'processes'));
    record.status = 'succeeded';
    await expect(writeRecord(record)).rejects.toThrow(/records\.dir became a symbolic link while shipgate was running/);
    expect(outsideFiles()).toEqual(['processes']);
  });
});

describe('over MCP (the built server on stdio)', () => {
  let client: Client | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('deployment_status, deploy and health_check answer isError with the config code; nothing written outside', async () => {
    mkdirSync(join(repo.root, '.claude'));
    symlinkSync(outside, join(repo.root, '.claude', 'processes'));
    const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], cwd: repo.root, env: { ...getDefaultEnvironment(), SHIPGATE_STATE_DIR: process.env.SHIPGATE_STATE_DIR!, CLAUDE_PROJECT_DIR: repo.root }, stderr: 'pipe' });
    client = new Client({ name: 'shipgate-symlink-test', version: '0.0.0' });
    await client.connect(transport);
    const before = snapshot(repo.root);
    for (const [name, args] of [['deployment_status', {}], ['deploy', { environment: 'staging', dryRun: true }], ['deploy', { environment: 'staging' }], ['health_check', { environment: 'staging' }]] as const) {
      const result = await client.callTool({ name, arguments: args });
      expect(result.isError, name).toBe(true);
      expect(errorCodeOf(result), name).toBe('config');
      expect(textOf(result), name).toContain('records.dir leads outside the project through a symbolic link');
      expect(textOf(result), name).toContain(`which really is ${outside}`);
    }
    expect(outsideFiles()).toEqual([]);
    expect(existsSync(join(canary, 'deployed'))).toBe(false);
    expect(snapshot(repo.root)).toEqual(before);
  }, 60_000);
});
