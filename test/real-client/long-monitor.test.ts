/**
 * A monitor window longer than the client's tool-call time limit, in the real Claude Code. The client
 * gives stdio MCP tool calls MCP_TOOL_TIMEOUT (its default is 100,000,000 ms, about 27.8 h; read from the
 * client bundle) and then cancels the call. Measured here with a 15 s limit and a 30 s monitor window (strategy rolling, so the steps before the
 * monitor fit well inside the limit on a loaded machine):
 * - waiting for the monitor inside the call, the client gives up at the limit and cancels, the deploy is
 *   aborted and its monitor window never completes, although nothing was wrong;
 * - with `waitForMonitor: false` the deploy answers once traffic is shifted and the monitor has started,
 *   keeps watching inside the server, and `deployment_status` with a bounded `waitSeconds` follows it to
 *   the end; no call reaches the limit, the record ends `succeeded`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMessagesStandIn, toolResults, type MessagesBody, type Turn } from './messages-stand-in.js';
import { runClaude, TOOL } from './run-claude.js';
import { buildOnce, exampleProject, type ExampleProject } from './fixtures.js';
import { git, servedVersion } from '../deploy/helpers.js';

const LIMIT = { MCP_TOOL_TIMEOUT: '15000' };
const allowed = [TOOL('deploy'), TOOL('deployment_status')];

describe('long monitor windows against the client tool-call limit', () => {
  let project: ExampleProject;
  beforeAll(async () => {
    buildOnce();
    project = await exampleProject({ editConfig: (text) => text.replaceAll('pause: 3s', 'pause: 1s').replace('duration: 4s', 'duration: 30s') });
    writeFileSync(join(project.root, 'sample-app', 'CHANGES.md'), 'faster\n');
    git(project.root, 'add', '-A');
    git(project.root, 'commit', '-q', '-m', 'fix: faster status');
    project.cli('bump', '--push');
  }, 180_000);
  afterAll(() => project?.cleanup());

  const recordStatuses = () =>
    readdirSync(join(project.root, '.claude', 'processes'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(project.root, '.claude', 'processes', f), 'utf8')) as { status: string; startedAt: string })
      .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
      .map((r) => r.status);

  it('waiting inside the call: the client cancels at its limit and the healthy deploy is aborted', async () => {
    project.cli('gate');
    const api = await startMessagesStandIn([
      { toolUses: [{ name: TOOL('deploy'), input: { environment: 'production', strategy: 'rolling' } }] },
      { toolUses: [{ name: TOOL('deployment_status'), input: { environment: 'production' } }] },
      { text: 'timed out' },
    ]);
    try {
      const run = await runClaude({ prompt: 'deploy', cwd: project.root, baseUrl: api.url, home: project.home, allowedTools: allowed, env: LIMIT });
      expect(run.exitCode, run.stderr).toBe(0);
      const [result] = toolResults(api.mainRequests().at(-1)!);
      expect(result).toMatchObject({ isError: true });
      expect(result!.text).toContain('timed out after 15s');
    } finally {
      await api.close();
    }
    // The cancellation aborted the deploy in the server, or the session ended with it; either way the next
    // start (a dry run) finds no living run and the record says aborted: the monitor window never completed.
    for (let i = 0; i < 150 && recordStatuses().includes('in_progress'); i += 1) {
      project.cliRun('deploy', '--dry-run');
      await new Promise((r) => setTimeout(r, 200));
    }
    // The monitor window never completed: the release went out unwatched (rolling leaves it serving).
    expect(recordStatuses()).toEqual(['aborted']);
  });

  it('waitForMonitor: false answers before the limit, and deployment_status follows the monitor to a succeeded record', async () => {
    project.cli('gate');
    const stillMonitoring = (request: MessagesBody) => /in_progress/.test(toolResults(request).at(-1)?.text ?? '');
    const follow: Turn = (request) => (stillMonitoring(request) ? { toolUses: [{ name: TOOL('deployment_status'), input: { environment: 'production', waitSeconds: 8 } }] } : { text: 'monitor finished' });
    const api = await startMessagesStandIn([
      { toolUses: [{ name: TOOL('deploy'), input: { environment: 'production', strategy: 'rolling', waitForMonitor: false } }] },
      { toolUses: [{ name: TOOL('deployment_status'), input: { environment: 'production', waitSeconds: 8 } }] },
      ...Array.from({ length: 15 }, () => follow),
    ]);
    try {
      const run = await runClaude({ prompt: 'deploy', cwd: project.root, baseUrl: api.url, home: project.home, allowedTools: allowed, env: LIMIT, timeoutMs: 150_000 });
      expect(run.exitCode, run.stderr).toBe(0);
      const results = toolResults(api.mainRequests().at(-1)!);
      expect(results.every((r) => !r.isError), results.map((r) => r.text).join('\n')).toBe(true);
      // Claude Code hands the model the structured result: it says monitoring, and what to call next.
      expect(JSON.parse(results[0]!.text)).toMatchObject({ ok: true, version: '1.0.1', monitoring: true, next: expect.stringContaining('deployment_status') });
      expect(results.length).toBeGreaterThan(2); // it really was still monitoring when deploy answered
      expect(results.at(-1)!.text).toMatch(/deploy v1\.0\.1: succeeded/);
    } finally {
      await api.close();
    }
    // The aborted deploy of the first test is restored first (#15.10: a recovery rollback), then this deploy.
    expect(recordStatuses()).toEqual(['aborted', 'succeeded', 'succeeded']);
    expect(await servedVersion(project.platform!.url)).toBe('1.0.1');
  });
});
