/**
 * How failures reach the client. callTool() is exercised with small real ToolDefinitions (a tool
 * that is not available yet, one that crashes, one whose output breaks its own schema), then every
 * registered tool is called once in a real repository: each answer is a success whose
 * structuredContent validates against the tool's outputSchema, or a clean isError that carries a
 * shipgate error code: never a fake success, never a protocol failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotAvailableError } from '../../mcp-server/src/errors.js';
import { callTool } from '../../mcp-server/src/server/call-tool.js';
import type { ToolContext, ToolDefinition } from '../../mcp-server/src/server/tool.js';
import { tools } from '../../mcp-server/src/server/tools/index.js';
import { connect, createFixtureRepo, errorCodeOf, FIXED_NOW, textOf, type Connected, type FixtureRepo } from './helpers.js';

function context(logged: string[] = []): ToolContext {
  return {
    projectRoot: process.cwd(),
    signal: new AbortController().signal,
    now: () => FIXED_NOW,
    env: {},
    progress: async () => {},
    log: async (_level, message) => void logged.push(message),
  };
}

function definition(handler: ToolDefinition['handler']): ToolDefinition {
  return {
    name: 'sample_tool',
    title: 'Sample',
    description: 'A tool used by this test.',
    inputSchema: { name: z.string().max(10) },
    outputSchema: { greeting: z.string() },
    annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    handler,
  };
}

describe('callTool', () => {
  it('a tool that is not available yet answers isError with no structuredContent', async () => {
    const result = await callTool(definition(async () => { throw new NotAvailableError('The sample_tool tool'); }), { name: 'x' }, context());
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(errorCodeOf(result)).toBe('not-available');
    expect(textOf(result)).toContain('not available yet');
  });

  it('a crashing tool answers an internal error that asks for a bug report, and logs it', async () => {
    const logged: string[] = [];
    const result = await callTool(definition(async () => { throw new TypeError('boom'); }), { name: 'x' }, context(logged));
    expect(result.isError).toBe(true);
    expect(errorCodeOf(result)).toBe('internal');
    expect(textOf(result)).toContain('boom');
    expect(textOf(result)).toContain('bug');
    expect(logged.join('\n')).toContain('boom');
  });

  it('output that breaks the outputSchema is a shipgate bug, not a success', async () => {
    const result = await callTool(definition(async () => ({ structured: { greeting: 42 } as never, text: 'hi' })), { name: 'x' }, context());
    expect(result.isError).toBe(true);
    expect(errorCodeOf(result)).toBe('internal');
    expect(textOf(result)).toContain('outputSchema');
  });

  it('a tool-reported failure keeps its structuredContent; extra output keys are stripped', async () => {
    const result = await callTool(definition(async ({ name }) => ({ structured: { greeting: `no, ${name}`, secret: 'x' } as never, text: 'refused', isError: true })), { name: 'Ada' }, context());
    expect(result).toEqual({ content: [{ type: 'text', text: 'refused' }], structuredContent: { greeting: 'no, Ada' }, isError: true });
  });

  it('teaches which argument is wrong, and refuses unknown ones', async () => {
    const result = await callTool(definition(async () => ({ structured: { greeting: 'hi' }, text: 'hi' })), { name: 'much too long a name', extra: 1 }, context());
    expect(errorCodeOf(result)).toBe('input');
    expect(textOf(result)).toContain('name:');
    expect(textOf(result)).toContain('"extra": not an argument of sample_tool');
  });
});

/** Plausible arguments per tool; a tool whose schema changed answers an input error, which still counts as clean. */
const SAMPLE_ARGUMENTS: Record<string, Record<string, unknown>> = {
  gate_check: { environment: 'staging' },
  gate_attest: { environment: 'review', checkId: 'code_review' },
  version_bump: {}, // apply defaults to false: only the plan
  deploy: { environment: 'production', dryRun: true },
  rollback: { environment: 'production', reason: 'test rollback from the MCP server tests' },
  health_check: { environment: 'production' },
  deployment_status: {},
  runbook_generate: { environment: 'production' },
  learnings_get: {},
  learnings_record: { pitfallId: 'friday_deploy', newPitfall: true, note: 'from the MCP server tests' },
  validate_skills: {},
};

/** What each tool answers with SAMPLE_ARGUMENTS on the fixture repository, and why. */
const EXPECTED_OUTCOME: Record<string, string> = {
  gate_check: 'ok', // the staging gate's checks pass
  gate_attest: 'error:blocked', // this client cannot elicit: no human to attest, nothing recorded
  version_bump: 'ok', // a plan only
  deploy: 'ok', // a dry run on an untagged commit shows the plan and says a release is needed (#14.13)
  rollback: 'error:blocked', // nothing has served: no previous release to go back to
  health_check: 'error:config', // environments.production.url is not set
  deployment_status: 'ok',
  runbook_generate: 'ok',
  learnings_get: 'ok',
  learnings_record: 'ok',
  validate_skills: 'ok',
};

describe('every registered tool answers cleanly', () => {
  let repo: FixtureRepo;
  let session: Connected;
  beforeAll(async () => {
    repo = createFixtureRepo();
    session = await connect({ projectRoot: repo.root });
    await session.client.listTools(); // the SDK client now also validates structuredContent (ajv)
  });
  afterAll(async () => {
    await session?.close();
    repo?.cleanup();
  });

  it.each(tools.map((t) => [t.name, t] as const))('%s', async (name, tool) => {
    const result = await session.client.callTool({ name, arguments: SAMPLE_ARGUMENTS[name] ?? {} });
    // Each tool's outcome on this fixture is pinned: a test that accepted success OR error could not fail.
    expect(EXPECTED_OUTCOME[name], `add ${name} to EXPECTED_OUTCOME`).toBeDefined();
    expect(result.isError ? `error:${errorCodeOf(result) ?? 'tool'}` : 'ok', textOf(result)).toBe(EXPECTED_OUTCOME[name]);
    if (result.isError) {
      expect(textOf(result)).toMatch(/\S/);
      const code = errorCodeOf(result);
      if (code === undefined) {
        // A tool-reported failure: its structuredContent must still match the schema.
        z.object(tool.outputSchema).strict().parse(result.structuredContent);
      } else {
        expect(code, textOf(result)).not.toBe('internal');
        expect(result.structuredContent).toBeUndefined();
      }
    } else {
      z.object(tool.outputSchema).strict().parse(result.structuredContent);
      expect(textOf(result)).toMatch(/\S/);
    }
  }, 60_000);
});
