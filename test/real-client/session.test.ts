/**
 * Session-level behaviour in the real Claude Code: the SessionStart lessons, a session launched in a
 * subfolder, a skill's `!` line, the PreToolUse guard's refusal, a deploy without a receipt, headless
 * attestation, and the tool schemas the model is given when the client defers MCP tools behind tool
 * search. Each asserts on what the client sent to the model and on what changed (or did not) on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startMessagesStandIn, toolResults, userText, type Turn } from './messages-stand-in.js';
import { PLUGIN_ROOT, pluginDir, runClaude, TOOL } from './run-claude.js';
import { buildOnce, exampleProject, type ExampleProject } from './fixtures.js';
import { git } from '../deploy/helpers.js';

const call = (name: string, input: Record<string, unknown> = {}): Turn => ({ toolUses: [{ name: TOOL(name), input }] });

async function drive(project: ExampleProject, prompt: string, script: Turn[], options: { cwd?: string; allowedTools?: string[]; env?: Record<string, string> } = {}) {
  const api = await startMessagesStandIn(script);
  try {
    const run = await runClaude({ prompt, cwd: options.cwd ?? project.root, baseUrl: api.url, home: project.home, allowedTools: options.allowedTools, env: options.env, timeoutMs: 120_000 });
    const requests = api.mainRequests();
    return { run, first: requests[0]!, last: requests.at(-1)!, results: toolResults(requests.at(-1)!), requests };
  } finally {
    await api.close();
  }
}

const ATTEST_GATE = `---
name: review-gate
description: Human review gate for the sample app. Use when deploying the sample app. Not for staging.
---

# Review gate

<safety_gate type="blocking" phase="pre-deploy">
  <purpose>A second person reviewed the release.</purpose>
  <checks>
    <check id="code_review">
      <requirement>The release was reviewed by a second person.</requirement>
      <verification>A human confirms the review.</verification>
      <failure_mode>BLOCK deployment</failure_mode>
    </check>
  </checks>
  <gate_validation>All checks pass.</gate_validation>
</safety_gate>
`;

describe('sessions in the real client', () => {
  let project: ExampleProject;
  beforeAll(async () => {
    buildOnce();
    project = await exampleProject({ platform: false });
    // One recorded lesson, as a human would add it in a terminal.
    project.cli('learnings', 'record', '--pitfall', 'missing_git_tag', '--note', 'release 0.9 went out untagged');
  }, 180_000);
  afterAll(() => project?.cleanup());

  it('SessionStart injects the lessons; started in a subfolder, the session still works on the repository', async () => {
    const atRoot = await drive(project, 'hello', [call('learnings_get'), { text: 'hi' }], { allowedTools: [TOOL('learnings_get')] });
    expect(atRoot.run.exitCode, atRoot.run.stderr).toBe(0);
    expect(userText(atRoot.first)).toContain('shipgate lessons');
    expect(userText(atRoot.first)).toContain('Missing Git Tag');

    const sub = join(project.root, 'sample-app');
    const inSub = await drive(project, 'hello', [call('learnings_get'), call('gate_check', { environment: 'production' }), { text: 'hi' }], {
      cwd: sub,
      allowedTools: [TOOL('learnings_get'), TOOL('gate_check')],
    });
    expect(inSub.run.exitCode, inSub.run.stderr).toBe(0);
    // The same lessons at session start ...
    expect(userText(inSub.first)).toContain('Missing Git Tag');
    // ... the same store (the recorded event is there) ...
    const seen = (text: string) => (JSON.parse(text.slice(text.indexOf('{'))) as { pitfalls: { id: string; count: number }[] }).pitfalls.find((p) => p.id === 'missing_git_tag')?.count;
    expect(seen(atRoot.results[0]!.text)).toBe(1);
    expect(seen(inSub.results[0]!.text)).toBe(1);
    // ... the configured gate (the example's app test), not the bundled default ...
    expect(inSub.results[1]!.text).toContain('app_tests_pass');
    // ... and no second shipgate folder in the subfolder.
    expect(existsSync(join(sub, '.claude'))).toBe(false);
  }, 120_000);

  it("a skill's `!` line runs with ${CLAUDE_PLUGIN_ROOT} expanded and its output reaches the model", async () => {
    const { run, last, results } = await drive(project, 'show the deployment lessons', [{ toolUses: [{ name: 'Skill', input: { skill: 'shipgate:deployment-lessons' } }] }, { text: 'shown' }], { allowedTools: ['Skill'] });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(results[0]).toMatchObject({ name: 'Skill', isError: false });
    const text = userText(last);
    expect(text).toContain('# Production deployment: lessons learned');
    // The line ran (learnings show printed the rendered lessons, with the recorded note) ...
    expect(text).toContain('Common Pitfalls');
    expect(text).toContain('Missing Git Tag');
    // ... with the plugin root substituted, not left as a literal or a failure message.
    expect(text).not.toContain('${CLAUDE_PLUGIN_ROOT}');
    expect(text).not.toContain('Learnings store not readable here');
  }, 120_000);

  it('the guard refuses a raw production deploy in Bash before it runs, and the model is told the gated path', async () => {
    const marker = join(project.root, 'guard-marker');
    const { run, results } = await drive(project, 'ship it with kubectl', [{ toolUses: [{ name: 'Bash', input: { command: `kubectl --context prod-cluster apply -f k8s/ && touch ${marker}` } }] }, { text: 'refused' }], { allowedTools: ['Bash'] });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(results).toHaveLength(1);
    expect(results[0]!.isError).toBe(true);
    expect(results[0]!.text).toContain('shipgate guard: refused');
    expect(results[0]!.text).toMatch(/\/(shipgate:)?deploy-production/);
    // Never the plugin's absolute path (#13 item 7). Claude Code 2.1.197 prefixes a failing hook's stderr with
    // `PreToolUse:Bash hook error: [node "${CLAUDE_PLUGIN_ROOT}/..."]`; a JSON permission decision avoids it.
    expect(results[0]!.text).not.toContain(PLUGIN_ROOT);
    expect(results[0]!.text).not.toContain(pluginDir());
    expect(existsSync(marker)).toBe(false);
    // The hook Claude Code ran loaded its classifier through the code cache it keeps in the state root.
    expect(readdirSync(join(project.home, '.local', 'state', 'shipgate', 'guard-code')).some((name) => /^code-[0-9a-f]{16}-[0-9a-f]{8}\.v8$/.test(name))).toBe(true);
  }, 120_000);

  it('a deploy without a passing gate receipt is refused and changes nothing', async () => {
    // A new release commit that no gate has seen (earlier scenarios passed the gate on older commits).
    writeFileSync(join(project.root, 'sample-app', 'CHANGES.md'), 'new\n');
    git(project.root, 'add', '-A');
    git(project.root, 'commit', '-q', '-m', 'fix: unseen change');
    git(project.root, 'tag', '-a', 'v1.0.5', '-m', 'v1.0.5');
    const before = git(project.remote, 'rev-parse', 'main');
    const { run, results } = await drive(project, 'deploy now', [call('deploy', { environment: 'production', dryRun: false }), { text: 'refused' }], { allowedTools: [TOOL('deploy')] });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(results[0]!.isError).toBe(true);
    // Refused for want of a gate run on this exact commit, with the way forward named.
    expect(results[0]!.text).toMatch(/gate/i);
    expect(results[0]!.text).toContain('gate_check');
    expect(existsSync(join(project.root, '.claude', 'processes'))).toBe(false);
    expect(git(project.remote, 'rev-parse', 'main')).toBe(before);
    git(project.root, 'tag', '-d', 'v1.0.5');
  }, 120_000);

  it('headless attestation: the client cancels the form, and the model is given the exact terminal command for the human', async () => {
    mkdirSync(join(project.root, 'skills', 'review-gate'), { recursive: true });
    writeFileSync(join(project.root, 'skills', 'review-gate', 'SKILL.md'), ATTEST_GATE);
    const configFile = join(project.root, 'shipgate.config.yaml');
    const original = readFileSync(configFile, 'utf8');
    writeFileSync(configFile, original.replace('gates: [skills/release-gate/SKILL.md]', 'gates: [skills/release-gate/SKILL.md, skills/review-gate/SKILL.md]'));
    git(project.root, 'add', '-A');
    git(project.root, 'commit', '-q', '-m', 'chore: review gate');
    const { run, results } = await drive(project, 'attest the review', [call('gate_attest', { environment: 'production', checkId: 'code_review' }), { text: 'asked the human' }], { allowedTools: [TOOL('gate_attest')] });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(results[0]!.name).toBe(TOOL('gate_attest'));
    // Nothing was recorded on the user's behalf: the gate still blocks on the review ...
    const gate = project.cliRun('gate', '--json');
    expect(gate.status).toBe(1);
    expect(JSON.parse(gate.stdout)).toMatchObject({ ok: false, blockedBy: ['code_review'] });
    // ... and the answer names the command a human runs in a terminal (issue #13 item 4; implemented by #11).
    const command = /`(shipgate attest code_review [^`]*)`/.exec(results[0]!.text)?.[1] ?? '';
    expect(command).toContain('--env production');
    expect(command).toMatch(/--by \S+/);
    expect(command).toMatch(/--evidence \S+/);
  }, 120_000);

  it('with tool search on, the shipgate tools are still sent with their schemas (alwaysLoad), so the model can call them at once', async () => {
    const { run, first } = await drive(project, 'hello', [{ text: 'hi' }], { env: { ENABLE_TOOL_SEARCH: 'true' } });
    expect(run.exitCode, run.stderr).toBe(0);
    const shipgate = (first.tools ?? []).filter((t) => t.name.startsWith(TOOL('')));
    expect(shipgate.map((t) => t.name).sort()).toHaveLength(11);
    for (const tool of shipgate) {
      expect(tool.defer_loading, tool.name).not.toBe(true);
      expect(JSON.stringify(tool.input_schema), tool.name).toContain('"properties"');
    }
    // Tool search itself is on (its tool is offered and other tools are held back), so the difference is alwaysLoad.
    const names = (first.tools ?? []).map((t) => t.name);
    expect(names).toContain('ToolSearch');
    expect(names).not.toContain('NotebookEdit');
  }, 120_000);
});
