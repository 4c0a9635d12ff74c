/**
 * Read-only mode (SHIPGATE_READ_ONLY=1 or readOnly: true) hides every tool that can change something
 * AND refuses a call to a hidden tool by name, with an error that says read-only mode (a client can
 * call a name it remembers without listing first).
 */
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { tools } from '../../mcp-server/src/server/tools/index.js';
import { connect, createFixtureRepo, errorCodeOf, textOf, type FixtureRepo } from './helpers.js';

const writers = tools.filter((t) => !t.annotations.readOnlyHint).map((t) => t.name);
const readers = tools.filter((t) => t.annotations.readOnlyHint).map((t) => t.name);

describe('read-only mode', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = createFixtureRepo();
  });
  afterAll(() => repo?.cleanup());

  it('the registry has tools on both sides (otherwise this test proves nothing)', () => {
    expect(writers).toEqual(expect.arrayContaining(['gate_check', 'gate_attest', 'deploy', 'rollback', 'version_bump']));
    expect(readers.length).toBeGreaterThan(0);
  });

  it.each([
    ['SHIPGATE_READ_ONLY=1 in env', { env: { ...process.env, SHIPGATE_READ_ONLY: '1' } }],
    ['readOnly: true option', { readOnly: true }],
  ] as const)('%s: lists only read-only tools and refuses every hidden one by name', async (_label, options) => {
    const session = await connect({ projectRoot: repo.root, ...options });
    try {
      const listed = (await session.client.listTools()).tools;
      expect(listed.map((t) => t.name).sort()).toEqual([...readers].sort());
      expect(listed.every((t) => t.annotations?.readOnlyHint === true)).toBe(true);

      for (const name of writers) {
        // A raw tools/call, as a client that never listed would send it.
        const result = await session.client.request({ method: 'tools/call', params: { name, arguments: { environment: 'staging' } } }, CallToolResultSchema);
        expect(result.isError, name).toBe(true);
        expect(result.structuredContent).toBeUndefined();
        expect(errorCodeOf(result)).toBe('blocked');
        expect(textOf(result)).toContain('read-only mode');
        expect(textOf(result)).toContain(name);
        expect(textOf(result)).not.toMatch(/not found/i);
      }
      // gate_check was refused, so no receipt was written.
      expect(existsSync(statePaths(repo.root).receipts)).toBe(false);
    } finally {
      await session.close();
    }
  });

  it('without read-only mode every tool is listed', async () => {
    const session = await connect({ projectRoot: repo.root, env: { ...process.env, SHIPGATE_READ_ONLY: '0' } });
    try {
      expect((await session.client.listTools()).tools).toHaveLength(tools.length);
    } finally {
      await session.close();
    }
  });

  it('an unknown tool name is answered with the list of offered tools', async () => {
    const session = await connect({ projectRoot: repo.root, readOnly: true });
    try {
      const result = await session.client.request({ method: 'tools/call', params: { name: 'deploy_now_please', arguments: {} } }, CallToolResultSchema);
      expect(result.isError).toBe(true);
      expect(errorCodeOf(result)).toBe('usage');
      expect(textOf(result)).toContain('Unknown tool');
      for (const name of readers) expect(textOf(result)).toContain(name);
    } finally {
      await session.close();
    }
  });
});
