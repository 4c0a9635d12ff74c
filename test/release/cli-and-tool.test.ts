/** `shipgate bump` through the CLI dispatcher, and the `version_bump` MCP tool, on real repositories. */
import { afterEach, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { main } from '../../mcp-server/src/cli/main.js';
import { tool } from '../../mcp-server/src/server/tools/version-bump.js';
import type { ToolContext } from '../../mcp-server/src/server/tool.js';
import { createFixture, snapshot, type Fixture } from './repo-fixture.js';

const now = () => new Date('2026-11-22T10:00:00Z');
const fixtures: Fixture[] = [];
afterEach(() => fixtures.splice(0).forEach((f) => f.cleanup()));
function fixture(): Fixture {
  const f = createFixture();
  fixtures.push(f);
  return f;
}

async function cli(cwd: string, ...argv: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += String(c)));
  stderr.on('data', (c) => (err += String(c)));
  const code = await main(['bump', ...argv], { cwd, stdout, stderr, env: {}, now });
  return { code, out, err };
}

describe('shipgate bump (CLI)', () => {
  it('--dry-run shows current → next, the reason and the commits, and writes nothing', async () => {
    const f = fixture();
    f.commit('feat(api): add search');
    f.commit('fix: typo');
    const before = snapshot(f);
    const { code, out } = await cli(f.root, '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain('1.0.0 → 1.1.0  [minor] (dry run: nothing written)');
    expect(out).toMatch(/Reason: minor: 1 feat commit \("feat\(api\): add search"\)/);
    expect(out).toMatch(/Tag: v1\.1\.0/);
    expect(snapshot(f)).toEqual(before);
  });

  it('--json prints one JSON document with the plan; the real run releases', async () => {
    const f = fixture();
    f.commit('fix: a');
    const dry = await cli(f.root, 'auto', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.out);
    expect(plan).toMatchObject({ ok: true, dryRun: true, currentVersion: '1.0.0', nextVersion: '1.0.1', chosen: 'patch', tag: 'v1.0.1' });
    expect(plan.files.map((file: { path: string }) => file.path)).toEqual(['package.json', 'CHANGELOG.md']);
    const real = await cli(f.root, '--json', '--push');
    expect(real.code).toBe(0);
    expect(JSON.parse(real.out).applied).toMatchObject({ tag: 'v1.0.1', pushed: true });
  });

  it('nothing to release: exit 0 and says so', async () => {
    const f = fixture();
    f.commit('chore: x');
    const { code, out } = await cli(f.root);
    expect(code).toBe(0);
    expect(out).toMatch(/Nothing to release/);
  });

  it('a refusal exits 1 with the fix; a bad level or preid exits 2', async () => {
    const f = fixture();
    f.commit('feat: x');
    f.write('wip.txt', 'x');
    const refused = await cli(f.root, '--json');
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.out)).toMatchObject({ ok: false, error: { code: 'blocked' } });
    expect((await cli(f.root, 'huge')).code).toBe(2);
    const badPreid = await cli(f.root, 'prerelease', '--preid', 'no spaces');
    expect(badPreid.code).toBe(2);
    expect(badPreid.err).toMatch(/--preid/);
    const preidWithoutPrerelease = await cli(f.root, 'minor', '--preid', 'beta');
    expect(preidWithoutPrerelease.code).toBe(2);
  });
});

describe('version_bump (MCP tool)', () => {
  const context = (projectRoot: string): ToolContext => ({
    projectRoot,
    signal: new AbortController().signal,
    now,
    env: {},
    progress: async () => undefined,
    log: async () => undefined,
  });

  it('is a dry run by default and returns output that matches its outputSchema', async () => {
    const f = fixture();
    f.commit('feat: x');
    const before = snapshot(f);
    const args = z.object(tool.inputSchema).parse({});
    const result = await tool.handler(args, context(f.root));
    expect(z.object(tool.outputSchema).strict().parse(result.structured)).toBeTruthy();
    expect(result.structured).toMatchObject({ dryRun: true, nextVersion: '1.1.0', applied: null });
    expect(result.text).toContain('1.0.0 → 1.1.0');
    expect(result.isError).toBe(false);
    expect(snapshot(f)).toEqual(before);
  });

  it('apply: true releases; invalid preid is rejected by the schema', async () => {
    const f = fixture();
    f.commit('fix: x');
    const result = await tool.handler(z.object(tool.inputSchema).parse({ apply: true }), context(f.root));
    expect(result.structured.applied?.tag).toBe('v1.0.1');
    expect(f.git('describe', '--exact-match', 'HEAD')).toBe('v1.0.1');
    expect(z.object(tool.inputSchema).safeParse({ bump: 'prerelease', preid: 'a b' }).success).toBe(false);
    expect(z.object(tool.inputSchema).safeParse({ bump: 'huge' }).success).toBe(false);
    expect(tool.annotations).toEqual({ readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true });
  });
});
