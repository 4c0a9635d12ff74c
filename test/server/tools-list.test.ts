/**
 * The tool contract as clients see it: the eleven tools of DESIGN.md, each with all four annotations
 * set explicitly and an outputSchema. The snapshot makes any change to a tool's name, annotations or
 * input schema visible in review (update it with `npx vitest run test/server -u` when intended).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { tools } from '../../mcp-server/src/server/tools/index.js';
import { connect, createFixtureRepo, type Connected, type FixtureRepo } from './helpers.js';

const DESIGN_TOOLS = [
  'gate_check',
  'gate_attest',
  'version_bump',
  'deploy',
  'rollback',
  'health_check',
  'deployment_status',
  'runbook_generate',
  'learnings_get',
  'learnings_record',
  'validate_skills',
];

describe('tools/list', () => {
  let repo: FixtureRepo;
  let session: Connected;
  let listed: Tool[];

  beforeAll(async () => {
    repo = createFixtureRepo();
    session = await connect({ projectRoot: repo.root });
    listed = (await session.client.listTools()).tools;
  });
  afterAll(async () => {
    await session?.close();
    repo?.cleanup();
  });

  it('offers exactly the eleven tools of the design, from the one registry', () => {
    expect(listed.map((t) => t.name).sort()).toEqual([...DESIGN_TOOLS].sort());
    expect(tools.map((t) => t.name).sort()).toEqual([...DESIGN_TOOLS].sort());
  });

  it.each(DESIGN_TOOLS)('%s sets all four annotations explicitly, a title, a description and an outputSchema', (name) => {
    const tool = listed.find((t) => t.name === name)!;
    for (const hint of ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const) {
      expect(typeof tool.annotations?.[hint], `${name}.${hint}`).toBe('boolean');
    }
    expect(tool.title).toMatch(/\S/);
    expect(tool.description!.length).toBeGreaterThan(40);
    expect(tool.outputSchema?.type).toBe('object');
    expect(Object.keys(tool.outputSchema?.properties ?? {}).length).toBeGreaterThan(0);
    expect(tool.inputSchema.type).toBe('object');
    // snake_case, verb first or noun_verb as in DESIGN.md
    expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('read-only tools do not claim to be destructive', () => {
    for (const tool of listed) {
      if (tool.annotations?.readOnlyHint) expect(tool.annotations.destructiveHint, tool.name).toBe(false);
    }
  });

  it('gate_check and gate_attest have no argument that could stand in for a result', () => {
    const gateCheck = listed.find((t) => t.name === 'gate_check')!;
    const gateAttest = listed.find((t) => t.name === 'gate_attest')!;
    expect(Object.keys(gateCheck.inputSchema.properties ?? {}).sort()).toEqual(['all', 'environment']);
    expect(Object.keys(gateAttest.inputSchema.properties ?? {}).sort()).toEqual(['checkId', 'environment']);
    expect(gateCheck.annotations).toEqual({ title: gateCheck.title, readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true });
  });

  it('matches the snapshot of names, annotations and input schemas', async () => {
    const contract = listed.map((t) => ({ name: t.name, title: t.title, annotations: t.annotations, inputSchema: t.inputSchema, outputKeys: Object.keys(t.outputSchema?.properties ?? {}) }));
    await expect(JSON.stringify(contract, null, 2) + '\n').toMatchFileSnapshot('./__snapshots__/tools-list.json');
  });
});
