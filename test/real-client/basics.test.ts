/**
 * The real Claude Code loads this checkout as a plugin: the MCP server connects as
 * `plugin:shipgate:shipgate`, the model is offered the 11 tools, and a tool call goes through the
 * client to the server and back to the model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMessagesStandIn, toolResults, userText } from './messages-stand-in.js';
import { runClaude, TOOL } from './run-claude.js';
import { buildOnce, exampleProject, type ExampleProject } from './fixtures.js';

const TOOLS = ['deploy', 'deployment_status', 'gate_attest', 'gate_check', 'health_check', 'learnings_get', 'learnings_record', 'rollback', 'runbook_generate', 'validate_skills', 'version_bump'];

describe('plugin in the real client', () => {
  let project: ExampleProject;
  beforeAll(async () => {
    buildOnce();
    project = await exampleProject({ platform: false });
  }, 180_000);
  afterAll(() => project?.cleanup());

  it('loads, connects the server and offers the model the 11 tools', async () => {
    const api = await startMessagesStandIn([{ text: 'Hello.' }]);
    try {
      const run = await runClaude({ prompt: 'hello', cwd: project.root, baseUrl: api.url });
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.result?.result).toBe('Hello.');
      const [first] = api.mainRequests();
      const offered = (first!.tools ?? []).map((t) => t.name).filter((n) => n.startsWith('mcp__plugin_shipgate_shipgate__')).sort();
      expect(offered).toEqual(TOOLS.map(TOOL));
      // The server's instructions reach the model under the plugin server's name: it connected.
      expect(userText(first!)).toContain('## plugin:shipgate:shipgate');
      expect(userText(first!)).toContain('gate_check (runs the safety gate');
      // Every schema is sent, not just the name (alwaysLoad: see the tool-search scenario).
      const gate = first!.tools!.find((t) => t.name === TOOL('gate_check'));
      expect(JSON.stringify(gate?.input_schema)).toContain('environment');
    } finally {
      await api.close();
    }
  });

  it('a tool call goes through the client to the server and its result back to the model', async () => {
    const api = await startMessagesStandIn([{ toolUses: [{ name: TOOL('learnings_get'), input: {} }] }, { text: 'Read the lessons.' }]);
    try {
      const run = await runClaude({ prompt: 'what are the lessons?', cwd: project.root, baseUrl: api.url, allowedTools: [TOOL('learnings_get')] });
      expect(run.exitCode, run.stderr).toBe(0);
      const results = toolResults(api.mainRequests().at(-1)!);
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ name: TOOL('learnings_get'), isError: false });
      expect(results[0]!.text).toContain('"pitfalls"');
    } finally {
      await api.close();
    }
  });
});
