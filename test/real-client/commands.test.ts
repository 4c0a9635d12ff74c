/**
 * The five slash commands in the real Claude Code, on the example project with the local platform
 * serving v1.0.0 and a bare "production" remote. The model is a script; what is asserted is what the
 * client sent to it (the expanded command with its arguments, each tool result) and what changed on
 * disk, on the remote and on the platform. No `--allowedTools`: the commands' own `allowed-tools` must
 * be enough (any permission denial fails the test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMessagesStandIn, toolResults, userText, type Turn } from './messages-stand-in.js';
import { runClaude, TOOL } from './run-claude.js';
import { buildOnce, exampleProject, type ExampleProject } from './fixtures.js';
import { git, servedVersion } from '../deploy/helpers.js';

/** Short canary pauses and monitor window: the story is the same, the suite stays within its budget. */
const fastConfig = (text: string) => text.replaceAll('pause: 3s', 'pause: 1s').replace('duration: 4s', 'duration: 2s');
const call = (name: string, input: Record<string, unknown> = {}): Turn => ({ toolUses: [{ name: TOOL(name), input }] });

async function drive(project: ExampleProject, prompt: string, script: Turn[], cwd = project.root) {
  const api = await startMessagesStandIn(script);
  try {
    const run = await runClaude({ prompt, cwd, baseUrl: api.url, home: project.home, timeoutMs: 150_000 });
    const requests = api.mainRequests();
    const last = requests.at(-1)!;
    return { run, first: requests[0]!, results: toolResults(last), requests };
  } finally {
    await api.close();
  }
}

function commitFix(root: string, file: string, message: string): string {
  writeFileSync(join(root, 'sample-app', file), `${message}\n`);
  git(root, 'add', '-A');
  git(root, 'commit', '-q', '-m', message);
  return git(root, 'rev-parse', 'HEAD');
}

const remoteTags = (project: ExampleProject) => git(project.remote, 'tag', '--list').split('\n').filter(Boolean);
const records = (root: string) => (existsSync(join(root, '.claude', 'processes')) ? readdirSync(join(root, '.claude', 'processes')).filter((f) => f.endsWith('.json')) : []);

describe('slash commands in the real client', () => {
  let project: ExampleProject;
  beforeAll(async () => {
    buildOnce();
    project = await exampleProject({ editConfig: fastConfig });
  }, 180_000);
  afterAll(() => project?.cleanup());

  it('/shipgate:deploy-production production deploys a fresh untagged commit: gate, release, gate again, deploy, record', async () => {
    const fresh = commitFix(project.root, 'NOTES.md', 'fix: status page copy');
    expect(git(project.root, 'tag', '--points-at', 'HEAD')).toBe('');
    const { run, first, results } = await drive(project, '/shipgate:deploy-production production', [
      call('gate_check', { environment: 'production' }),
      call('deploy', { environment: 'production', dryRun: true }),
      call('version_bump', { bump: 'auto' }),
      call('version_bump', { bump: 'auto', apply: true, push: true }),
      call('gate_check', { environment: 'production' }),
      call('deploy', { environment: 'production', dryRun: true }),
      call('deploy', { environment: 'production', dryRun: false, waitForMonitor: false }),
      call('deployment_status', { environment: 'production', waitSeconds: 300 }),
      { text: 'Deployed 1.0.1 to production.' },
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.result?.permission_denials).toEqual([]);
    // $ARGUMENTS, not $1: the environment the user typed reaches the model.
    expect(userText(first)).toContain('Deploy the current commit to the environment `production`');
    expect(results.map((r) => [r.name.replace(TOOL(''), ''), r.isError])).toEqual([
      ['gate_check', false],
      // A dry run on an untagged commit is a plan that says a release is needed (#14.13), not an error.
      ['deploy', false],
      ['version_bump', false],
      ['version_bump', false],
      ['gate_check', false],
      ['deploy', false],
      ['deploy', false],
      ['deployment_status', false],
    ]);
    expect(results[0]!.text).toContain(fresh);
    expect(results[1]!.text).toContain('carries no release tag');
    expect(results[1]!.text).toContain('version_bump');
    expect(results[3]!.text).toContain('v1.0.1');
    const releaseCommit = git(project.root, 'rev-parse', 'v1.0.1^{commit}');
    expect(git(project.root, 'rev-parse', 'v1.0.1^{commit}~1')).toBe(fresh);
    // The second gate ran on the release commit: the receipt the deploy used is bound to it.
    expect(results[4]!.text).toContain(releaseCommit);
    expect(JSON.parse(results[6]!.text.slice(results[6]!.text.indexOf('{')))).toMatchObject({ ok: true, version: '1.0.1', commit: releaseCommit, rolledBack: false });
    // deployment_status followed the monitor window to its end.
    expect(results[7]!.text).toContain('deploy v1.0.1: succeeded');
    expect(remoteTags(project)).toContain('v1.0.1');
    expect(await servedVersion(project.platform!.url)).toBe('1.0.1');
    const record = records(project.root).find((f) => f.includes('1.0.1'));
    expect(record, 'a deployment record for 1.0.1').toBeDefined();
    expect(JSON.parse(readFileSync(join(project.root, '.claude', 'processes', record!), 'utf8'))).toMatchObject({ status: 'succeeded', version: '1.0.1', commit: releaseCommit });
  }, 180_000);

  it('/shipgate:rollback <version> <reason> puts the named release back and records the reason', async () => {
    // A second release through the CLI, so 1.0.1 is a release that served before the current one.
    commitFix(project.root, 'NOTES2.md', 'fix: slow checkout');
    project.cli('bump', '--push');
    project.cli('gate');
    project.cli('deploy');
    expect(await servedVersion(project.platform!.url)).toBe('1.0.2');

    const { run, first, results } = await drive(project, '/shipgate:rollback 1.0.1 checkout latency doubled', [
      call('deployment_status', { environment: 'production' }),
      call('rollback', { environment: 'production', toVersion: '1.0.1', reason: 'checkout latency doubled' }),
      call('health_check', { environment: 'production' }),
      { text: 'Rolled back to 1.0.1.' },
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.result?.permission_denials).toEqual([]);
    expect(userText(first)).toContain('Arguments: `1.0.1 checkout latency doubled`');
    expect(results.map((r) => [r.name.replace(TOOL(''), ''), r.isError])).toEqual([
      ['deployment_status', false],
      ['rollback', false],
      ['health_check', false],
    ]);
    expect(results[0]!.text).toContain('1.0.2');
    expect(await servedVersion(project.platform!.url)).toBe('1.0.1');
    const rollbackRecord = records(project.root)
      .map((f) => JSON.parse(readFileSync(join(project.root, '.claude', 'processes', f), 'utf8')) as { kind?: string; reason?: string; version?: string; status?: string })
      .find((r) => r.kind === 'rollback');
    expect(rollbackRecord).toMatchObject({ kind: 'rollback', version: '1.0.1' });
    expect(JSON.stringify(rollbackRecord)).toContain('checkout latency doubled');
  }, 180_000);

  it('/shipgate:retrospect <note> reads the record and lessons and records only the pitfall the human confirmed', async () => {
    const events = () => (JSON.parse(project.cli('learnings', 'show', '--json')) as { events: number }).events;
    const before = events();
    const { run, first, results } = await drive(project, '/shipgate:retrospect alerts fired 20 minutes late', [
      call('deployment_status', { environment: 'production' }),
      call('learnings_get'),
      call('learnings_record', { pitfallId: 'insufficient_post_deploy_monitoring', note: 'alerts fired 20 minutes late' }),
      { text: 'Recorded.' },
    ]);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.result?.permission_denials).toEqual([]);
    expect(userText(first)).toContain('Optional note from the user: `alerts fired 20 minutes late`');
    expect(results.map((r) => [r.name.replace(TOOL(''), ''), r.isError])).toEqual([
      ['deployment_status', false],
      ['learnings_get', false],
      ['learnings_record', false],
    ]);
    expect(events()).toBe(before + 1);
    expect(results[2]!.text).toContain('insufficient_post_deploy_monitoring');
    expect(project.cli('learnings', 'show')).toContain('alerts fired 20 minutes late');
  }, 120_000);

  it('typed without the prefix, the project aliases from `shipgate aliases` run the plugin commands with their arguments', async () => {
    project.cli('aliases');
    // The aliases are project files the team commits; the gate binds to a clean tree (#11).
    git(project.root, 'add', '.claude/commands');
    git(project.root, 'commit', '-q', '-m', 'chore: shipgate command aliases');
    const cases: { prompt: string; skill: string; args: string; expect: string; tool: string; input: Record<string, unknown> }[] = [
      { prompt: '/deploy-production production', skill: 'deploy-production', args: 'production', expect: 'Deploy the current commit to the environment `production`', tool: 'gate_check', input: { environment: 'production' } },
      { prompt: '/ship-prod patch', skill: 'ship-prod', args: 'patch', expect: 'bump level `patch`', tool: 'learnings_get', input: {} },
      { prompt: '/deploy canary', skill: 'deploy', args: 'canary', expect: 'with the strategy `canary`', tool: 'runbook_generate', input: { environment: 'production', strategy: 'canary' } },
      { prompt: '/rollback 1.0.1 bad copy', skill: 'rollback', args: '1.0.1 bad copy', expect: 'Arguments: `1.0.1 bad copy`', tool: 'deployment_status', input: { environment: 'production' } },
      { prompt: '/retrospect all fine', skill: 'retrospect', args: 'all fine', expect: 'Optional note from the user: `all fine`', tool: 'learnings_get', input: {} },
    ];
    // Independent read-only sessions: run side by side to stay within the suite's budget.
    const runs = await Promise.all(
      cases.map((c) =>
        drive(project, c.prompt, [
          { toolUses: [{ name: 'Skill', input: { skill: `shipgate:${c.skill}`, args: c.args } }] },
          call(c.tool, c.input),
          { text: 'ok' },
        ]),
      ),
    );
    cases.forEach((c, i) => {
      const { run, first, results, requests } = runs[i]!;
      expect(run.exitCode, `${c.prompt}: ${run.stderr}`).toBe(0);
      expect(run.result?.permission_denials, c.prompt).toEqual([]);
      // The alias itself arrived (a project command, not "no command with that name") ...
      expect(userText(first), c.prompt).toContain(`skill: "shipgate:${c.skill}"`);
      // ... and the plugin command it hands to arrived with the arguments in place.
      expect(userText(requests.at(-1)!), c.prompt).toContain(c.expect);
      expect(results.map((r) => [r.name, r.isError]), c.prompt).toEqual([
        ['Skill', false],
        [TOOL(c.tool), false],
      ]);
    });
  }, 180_000);
});
