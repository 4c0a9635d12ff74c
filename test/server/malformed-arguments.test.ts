/**
 * The built MCP server over stdio (as Claude Code starts it), every tool, every argument: a wrong type
 * (number, string, boolean, list, object, null where something else is expected), an unknown extra
 * argument (`confirmed: true`, which must never stand in for a gate result), and out-of-range numbers.
 * Each call is an isError result with the shipgate error code `input` that names the argument, and
 * nothing changes: git refs, the work tree and the gate state are the same afterwards. No protocol
 * error, no internal error, no stack trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createFixtureRepo, errorCodeOf, textOf, type FixtureRepo } from './helpers.js';
import { snapshot } from '../faults/cli-harness.js';

const cli = resolve(__dirname, '../../mcp-server/dist/cli.js');

let repo: FixtureRepo;
let client: Client;
let stderr = '';
beforeAll(async () => {
  repo = createFixtureRepo();
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], cwd: repo.root, env: { ...getDefaultEnvironment(), SHIPGATE_STATE_DIR: process.env.SHIPGATE_STATE_DIR!, CLAUDE_PROJECT_DIR: repo.root }, stderr: 'pipe' });
  transport.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  client = new Client({ name: 'shipgate-malformed-test', version: '0.0.0' });
  await client.connect(transport);
}, 60_000);
afterAll(async () => {
  await client?.close();
  repo?.cleanup();
});

type JsonSchema = { type?: string | string[]; items?: JsonSchema; enum?: unknown[]; minimum?: number; maximum?: number };

/** Values of every JSON type that the schema does not accept. */
function wrongValues(schema: JsonSchema): unknown[] {
  const type = Array.isArray(schema.type) ? schema.type : [schema.type];
  const all: [string, unknown][] = [['string', 'production'], ['number', 42], ['boolean', true], ['array', ['a']], ['object', { a: 1 }], ['null', null]];
  const accepted = new Set(type.flatMap((t) => (t === 'integer' ? ['number'] : [t ?? ''])));
  const wrong = all.filter(([t]) => !accepted.has(t)).map(([, v]) => v);
  if (type.includes('integer') || type.includes('number')) wrong.push(-1e308, 1e308, 1.5);
  return wrong;
}

describe('malformed tool arguments over stdio', () => {
  it('every argument of every tool with a wrong type or out of range: input error naming it, nothing changed', async () => {
    const { tools } = await client.listTools();
    expect(tools.length).toBe(11);
    const before = snapshot(repo.root);
    let tried = 0;
    for (const tool of tools) {
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
      for (const [key, schema] of Object.entries(properties)) {
        for (const value of wrongValues(schema)) {
          // integer 1.5 and huge numbers only matter where a number is expected; elsewhere they are wrong types anyway.
          if (typeof value === 'number' && value === 1.5 && !(schema.type === 'integer')) continue;
          tried += 1;
          const where = `${tool.name}.${key} = ${JSON.stringify(value)}`;
          const args: Record<string, unknown> = { [key]: value };
          if (tool.name === 'rollback' && key !== 'reason') args.reason = 'malformed argument test';
          if (tool.name === 'gate_attest' && key !== 'checkId') args.checkId = 'code_review';
          const result = await client.callTool({ name: tool.name, arguments: args });
          expect(result.isError, where).toBe(true);
          expect(errorCodeOf(result), `${where}: ${textOf(result)}`).toBe('input');
          expect(textOf(result), where).toMatch(new RegExp(`^Invalid arguments for tool ${tool.name}; nothing was run\\.\\n {2}at: ${key}: `));
        }
      }
      // An argument no tool has, such as a claimed confirmation, is refused by name, not ignored.
      const extra = await client.callTool({ name: tool.name, arguments: { confirmed: true, receipt: 'trust-me' } });
      expect(errorCodeOf(extra), tool.name).toBe('input');
      expect(textOf(extra), tool.name).toContain('"confirmed", "receipt": not an argument of');
    }
    expect(tried).toBeGreaterThan(80);
    expect(snapshot(repo.root)).toEqual(before);
    expect(stderr).not.toMatch(/Internal error|\n\s+at .+:\d+:\d+/);
  }, 120_000);

  it('an unknown tool name, hostile or huge, is a clean refusal that lists the tools', async () => {
    for (const name of ['deploy_now', '../deploy', 'deploy\u001b[2J', 'x'.repeat(100_000)]) {
      const result = await client.callTool({ name, arguments: {} });
      expect(result.isError).toBe(true);
      expect(errorCodeOf(result)).toBe('usage');
      expect(textOf(result)).toMatch(/^Unknown tool ".{0,200}"; nothing was run\./);
      expect(textOf(result)).not.toContain('\u001b');
      expect(textOf(result).length).toBeLessThan(2_000);
    }
  });
});
