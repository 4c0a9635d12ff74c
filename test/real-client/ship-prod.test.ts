/**
 * `/shipgate:ship-prod` in the real Claude Code while the staging validation is still pending (seed
 * 003's state.yaml): the production-promotion gate blocks on staging_validation_approved. The scripted
 * model then disobeys the command and tries to deploy anyway; the deploy is refused in code, and
 * nothing is tagged, pushed or recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMessagesStandIn, toolResults, userText, type Turn } from './messages-stand-in.js';
import { runClaude, TOOL } from './run-claude.js';
import { buildOnce, exampleProject, type ExampleProject } from './fixtures.js';
import { git } from '../deploy/helpers.js';

const call = (name: string, input: Record<string, unknown> = {}): Turn => ({ toolUses: [{ name: TOOL(name), input }] });

describe('/shipgate:ship-prod with staging pending', () => {
  let project: ExampleProject;
  beforeAll(async () => {
    buildOnce();
    project = await exampleProject({
      platform: false,
      editConfig: (text) => text.replace('gates: [skills/release-gate/SKILL.md]', 'gates: [production-promotion]').replace('app: sample-app', 'app: sample-app\nstate:\n  file: specs/*/state.yaml'),
    });
    mkdirSync(join(project.root, 'specs', '007-search'), { recursive: true });
    writeFileSync(join(project.root, 'specs', '007-search', 'state.yaml'), 'current_phase: ship-prod\nmanual_gates:\n  staging_validation:\n    status: pending\nquality_gates:\n  rollback:\n    status: passed\n');
    git(project.root, 'add', '-A');
    git(project.root, 'commit', '-q', '-m', 'feat: search');
  }, 180_000);
  afterAll(() => project?.cleanup());

  it('is blocked by the gate; a deploy tried anyway is refused; nothing is tagged, pushed or recorded', async () => {
    const remoteBefore = git(project.remote, 'rev-parse', 'main');
    const api = await startMessagesStandIn([
      call('learnings_get'),
      call('gate_check', { environment: 'production' }),
      call('deploy', { environment: 'production' }),
      { text: 'Blocked: staging validation is not approved.' },
    ]);
    try {
      const run = await runClaude({ prompt: '/shipgate:ship-prod minor', cwd: project.root, baseUrl: api.url, home: project.home, timeoutMs: 120_000 });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.result?.permission_denials).toEqual([]);
      const requests = api.mainRequests();
      expect(userText(requests[0]!)).toContain('bump level `minor`');
      const results = toolResults(requests.at(-1)!);
      expect(results.map((r) => [r.name.replace(TOOL(''), ''), r.isError])).toEqual([
        ['learnings_get', false],
        ['gate_check', false],
        ['deploy', true],
      ]);
      const gate = JSON.parse(results[1]!.text.slice(results[1]!.text.indexOf('{'))) as { ok: boolean; blockedBy: string[] };
      expect(gate).toMatchObject({ ok: false, blockedBy: ['staging_validation_approved'] });
      expect(results[2]!.text).toContain('gate_check');
    } finally {
      await api.close();
    }
    expect(git(project.root, 'tag', '--list')).toBe('v1.0.0');
    expect(git(project.remote, 'rev-parse', 'main')).toBe(remoteBefore);
    expect(existsSync(join(project.root, '.claude', 'processes'))).toBe(false);
  });
});
