/**
 * gate_check through the MCP protocol against a real git repository: a passing gate issues a receipt,
 * a failing `false` command blocks, progress arrives once per finished check, a warning is logged for
 * the blocking failure, and the structured output validates against the published outputSchema.
 */
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LoggingMessageNotificationSchema, type Progress } from '@modelcontextprotocol/sdk/types.js';
import { tool as gateCheck } from '../../mcp-server/src/server/tools/gate-check.js';
import { connect, createFixtureRepo, errorCodeOf, textOf, type Connected, type FixtureRepo } from './helpers.js';

/** Whether the slow check's `sleep 2.0417` is running anywhere on this machine. */
function sleeping(): boolean {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim() === 'sleep 2.0417') return true;
    } catch {
      // gone meanwhile
    }
  }
  return false;
}

const outputSchema = z.object(gateCheck.outputSchema).strict();

describe('gate_check over MCP', () => {
  let repo: FixtureRepo;
  let session: Connected;
  const logs: { level: string; data: unknown }[] = [];

  beforeAll(async () => {
    repo = createFixtureRepo();
    session = await connect({
      projectRoot: repo.root,
      setup: (client) => client.setNotificationHandler(LoggingMessageNotificationSchema, (n) => void logs.push({ level: n.params.level, data: n.params.data })),
    });
    await session.client.setLoggingLevel('debug');
    await session.client.listTools(); // lets the client validate structuredContent against outputSchema
  });
  afterAll(async () => {
    await session?.close();
    repo?.cleanup();
  });

  it('passes a gate whose only check is `true`, issues a receipt on disk, reports progress', async () => {
    const progress: Progress[] = [];
    const result = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'staging' } }, undefined, { onprogress: (p) => void progress.push(p) });
    expect(result.isError, textOf(result)).toBeFalsy();
    const output = outputSchema.parse(result.structuredContent);
    expect(output).toMatchObject({ ok: true, environment: 'staging', commit: repo.head, blockedBy: [], needsAttestation: [] });
    expect(output.checks.map((c) => [c.id, c.status, c.decider])).toEqual([['always_true', 'passed', 'command']]);
    expect(output.receipt?.id).toMatch(/\S/);
    expect(Date.parse(output.receipt!.expiresAt)).toBeGreaterThan(Date.parse('2026-03-10T10:00:00Z'));
    expect(existsSync(statePaths(repo.root).receipts)).toBe(true);
    expect(textOf(result)).toContain('PASSED');
    expect(progress).toEqual([{ progress: 1, total: 1, message: expect.stringContaining('always_true: passed') }]);
  });

  it('blocks on the `false` check, names it, logs a warning, and issues no receipt', async () => {
    logs.length = 0;
    const progress: Progress[] = [];
    const result = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'production', all: true } }, undefined, { onprogress: (p) => void progress.push(p) });
    const output = outputSchema.parse(result.structuredContent);
    expect(output.ok).toBe(false);
    expect(output.receipt).toBeUndefined();
    expect(output.blockedBy).toEqual(['always_false']);
    expect(output.checks.map((c) => [c.id, c.status])).toEqual([
      ['always_true', 'passed'],
      ['always_false', 'failed'],
    ]);
    expect(textOf(result)).toContain('BLOCKED');
    expect(progress.map((p) => p.progress)).toEqual([1, 2]);
    expect(progress.every((p) => p.total === 2)).toBe(true);
    expect(logs).toContainEqual({ level: 'warning', data: expect.stringContaining('always_false') });
  });

  it('lists a prose-only check under needsAttestation when nobody can be asked', async () => {
    const result = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'review' } });
    const output = outputSchema.parse(result.structuredContent);
    expect(output.ok).toBe(false);
    expect(output.needsAttestation.map((n) => n.checkId)).toEqual(['code_review']);
    expect(output.blockedBy).toContain('code_review');
    expect(textOf(result)).toContain('gate_attest');
  });

  it('sends no progress notification when the client sent no progress token', async () => {
    let seen = 0;
    session.client.fallbackNotificationHandler = async (n) => {
      if (n.method === 'notifications/progress') seen += 1;
    };
    const result = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'staging' } });
    expect(result.isError).toBeFalsy();
    expect(seen).toBe(0);
  });

  it('answers an unknown environment with a teaching config error, not a crash', async () => {
    const result = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'moon' } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    expect(errorCodeOf(result)).not.toBe('internal');
    expect(textOf(result)).toContain('moon');
  });

  it('a cancelled call stops the running check: the command is killed and no receipt is issued', async () => {
    const controller = new AbortController();
    const call = session.client.callTool({ name: 'gate_check', arguments: { environment: 'slow' } }, undefined, { signal: controller.signal });
    // Poll (bounded) until the check's shell has started. It runs confined, in a PID namespace of its
    // own, so its `$$` means nothing out here: its `sleep 2.0417` is found by its command line instead.
    const marker = join(repo.root, 'started-marker');
    for (let i = 0; i < 400 && !existsSync(marker); i += 1) await new Promise((done) => setTimeout(done, 25));
    expect(existsSync(marker), 'the check never started').toBe(true); // the command did run...
    for (let i = 0; i < 400 && !sleeping(); i += 1) await new Promise((done) => setTimeout(done, 25));
    expect(sleeping()).toBe(true);
    controller.abort('user pressed Esc');
    await expect(call).rejects.toThrow();
    // ...and was killed: it ends long before `sleep 2.0417` would have let it write the second marker.
    for (let i = 0; i < 400 && sleeping(); i += 1) await new Promise((done) => setTimeout(done, 25));
    expect(sleeping()).toBe(false);
    expect(existsSync(join(repo.root, 'finished-marker'))).toBe(false);
    const receipts = statePaths(repo.root).receipts;
    const slowReceipts = existsSync(receipts) ? readdirSync(receipts).filter((f) => f.includes('slow')) : [];
    expect(slowReceipts).toEqual([]);
  }, 20_000);

  it('refuses an argument that could stand in for a result', async () => {
    const result = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'production', ok: true } });
    expect(result.isError).toBe(true);
    expect(errorCodeOf(result)).toBe('input');
    expect(textOf(result)).toContain('not an argument of gate_check');
  });
});
