/**
 * The `shipgate://learnings` resource: listed with the metadata of learnings/resource-descriptor.ts, and
 * read fresh from the learnings store, so a gate run shows up in it without restarting the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEARNINGS_RESOURCE as fromCore } from '../../mcp-server/src/learnings/resource.js';
import { LEARNINGS_RESOURCE } from '../../mcp-server/src/server/create-server.js';
import { connect, createFixtureRepo, type Connected, type FixtureRepo } from './helpers.js';

describe('shipgate://learnings resource', () => {
  let repo: FixtureRepo;
  let session: Connected;
  beforeAll(async () => {
    repo = createFixtureRepo();
    session = await connect({ projectRoot: repo.root });
  });
  afterAll(async () => {
    await session?.close();
    repo?.cleanup();
  });

  it('is registered with the one descriptor the learnings core reads from', () => {
    expect(LEARNINGS_RESOURCE).toBe(fromCore);
  });

  it('is listed and reads as Markdown that reflects a gate run just made', async () => {
    const { resources } = await session.client.listResources();
    expect(resources).toContainEqual(expect.objectContaining({ uri: 'shipgate://learnings', mimeType: 'text/markdown', name: 'learnings' }));

    const before = await session.client.readResource({ uri: 'shipgate://learnings' });
    const gate = await session.client.callTool({ name: 'gate_check', arguments: { environment: 'production' } });
    expect(gate.structuredContent).toMatchObject({ ok: false });
    const after = await session.client.readResource({ uri: 'shipgate://learnings' });
    const text = (after.contents[0] as { text: string }).text;
    expect(after.contents[0]).toMatchObject({ uri: 'shipgate://learnings', mimeType: 'text/markdown' });
    expect(text).toMatch(/^#/m);
    expect(text).not.toEqual((before.contents[0] as { text: string }).text);
  });
});
