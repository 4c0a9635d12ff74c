/**
 * gate_attest gets the human's confirmation through MCP elicitation, never from tool arguments:
 * accept (recorded, then the gate passes), decline and cancel (nothing recorded), accept without the
 * confirmation ticked (nothing recorded), and a client without elicitation (refused with the
 * terminal command to run).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ElicitRequestSchema, type ElicitRequest, type ElicitResult } from '@modelcontextprotocol/sdk/types.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { tool as gateAttest } from '../../mcp-server/src/server/tools/gate-attest.js';
import { connect, createFixtureRepo, errorCodeOf, textOf, type Connected, type FixtureRepo } from './helpers.js';

const outputSchema = z.object(gateAttest.outputSchema).strict();

describe('gate_attest', () => {
  let repo: FixtureRepo;
  let session: Connected;
  let answer: (request: ElicitRequest) => ElicitResult = () => ({ action: 'cancel' });
  const asked: ElicitRequest[] = [];
  const attestationsFile = () => statePaths(repo.root).attestations;
  const recordedLines = () => (existsSync(attestationsFile()) ? readFileSync(attestationsFile(), 'utf8').trim().split('\n').filter(Boolean) : []);

  beforeAll(async () => {
    repo = createFixtureRepo();
    session = await connect({
      projectRoot: repo.root,
      capabilities: { elicitation: {} },
      setup: (client) =>
        client.setRequestHandler(ElicitRequestSchema, async (request) => {
          asked.push(request);
          return answer(request);
        }),
    });
    await session.client.listTools();
  });
  afterEach(() => {
    asked.length = 0;
  });
  afterAll(async () => {
    await session?.close();
    repo?.cleanup();
  });

  it('declined: nothing is recorded and the result is an error', async () => {
    answer = () => ({ action: 'decline' });
    const result = await session.client.callTool({ name: 'gate_attest', arguments: { environment: 'review', checkId: 'code_review' } });
    expect(result.isError).toBe(true);
    expect(errorCodeOf(result)).toBe('blocked');
    expect(textOf(result)).toContain('declined');
    expect(asked).toHaveLength(1);
    expect(recordedLines()).toEqual([]);
  });

  it('cancelled (a non-interactive client): nothing is recorded, and the answer is the exact terminal command', async () => {
    answer = () => ({ action: 'cancel' });
    const result = await session.client.callTool({ name: 'gate_attest', arguments: { environment: 'review', checkId: 'code_review' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('cancelled');
    expect(textOf(result)).toContain('shipgate attest code_review --by "<your name>" --evidence "<what you checked>" --env review');
    expect(textOf(result)).not.toMatch(/call (it )?again/i);
    expect(recordedLines()).toEqual([]);
  });

  it('accepted without ticking confirm: nothing is recorded', async () => {
    answer = () => ({ action: 'accept', content: { by: 'Ada', evidence: 'PR #12', confirm: false } });
    const result = await session.client.callTool({ name: 'gate_attest', arguments: { environment: 'review', checkId: 'code_review' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('did not tick');
    expect(recordedLines()).toEqual([]);
  });

  it('refuses a made-up "confirmed" argument before asking anyone', async () => {
    answer = () => ({ action: 'accept', content: { by: 'Model', evidence: 'trust me', confirm: true } });
    const result = await session.client.callTool({ name: 'gate_attest', arguments: { environment: 'review', checkId: 'code_review', confirmed: true, by: 'Ada' } });
    expect(result.isError).toBe(true);
    expect(errorCodeOf(result)).toBe('input');
    expect(asked).toHaveLength(0);
    expect(recordedLines()).toEqual([]);
  });

  it('a check id that no gate of the environment declares is refused before asking anyone', async () => {
    answer = () => ({ action: 'accept', content: { by: 'Ada', evidence: 'PR #12', confirm: true } });
    const result = await session.client.callTool({ name: 'gate_attest', arguments: { environment: 'review', checkId: 'anything_you_like' } });
    expect(result.isError).toBe(true);
    expect(errorCodeOf(result)).toBe('usage');
    expect(textOf(result)).toContain('code_review'); // names the checks that do exist
    expect(asked).toHaveLength(0);
    expect(recordedLines()).toEqual([]);
  });

  it('accepted and confirmed: recorded for HEAD with who and evidence, and the gate then passes', async () => {
    answer = () => ({ action: 'accept', content: { by: 'Ada Lovelace', evidence: 'PR #12 approved by Ada and Bo', confirm: true } });
    const result = await session.client.callTool({ name: 'gate_attest', arguments: { environment: 'review', checkId: 'code_review' } });
    expect(result.isError, textOf(result)).toBeFalsy();
    const output = outputSchema.parse(result.structuredContent);
    expect(output).toMatchObject({ recorded: true, environment: 'review', checkId: 'code_review', commit: repo.head, by: 'Ada Lovelace', evidence: 'PR #12 approved by Ada and Bo', at: '2026-03-10T10:00:00.000Z' });
    expect(asked).toHaveLength(1);
    const request = asked[0]!;
    expect(request.params.message).toContain('code_review');
    expect(request.params.message).toContain(repo.head.slice(0, 12));
    expect((request.params as { requestedSchema: { required: string[] } }).requestedSchema.required).toEqual(['by', 'evidence', 'confirm']);
    const lines = recordedLines().map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ checkId: 'code_review', by: 'Ada Lovelace', via: 'elicitation', commit: repo.head })]);

    answer = () => ({ action: 'decline' }); // the gate must use the record, not ask again
    const gate = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'review' } });
    expect(gate.isError, textOf(gate)).toBeFalsy();
    expect(gate.structuredContent).toMatchObject({ ok: true, blockedBy: [] });
  });

  it('without elicitation support: refused with the terminal command, nothing recorded', async () => {
    const plain = await connect({ projectRoot: repo.root });
    try {
      const before = recordedLines().length;
      const result = await plain.client.callTool({ name: 'gate_attest', arguments: { environment: 'production', checkId: 'code_review' } });
      expect(result.isError).toBe(true);
      expect(result.structuredContent).toBeUndefined();
      expect(errorCodeOf(result)).toBe('blocked');
      expect(textOf(result)).toContain('shipgate attest code_review --by "<your name>" --evidence "<what you checked>" --env production');
      expect(recordedLines()).toHaveLength(before);
    } finally {
      await plain.close();
    }
  });
});
