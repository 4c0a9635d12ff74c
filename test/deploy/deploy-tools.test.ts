/**
 * The MCP tools over the same engine: zod inputs refuse bad arguments (no command text, bounded
 * reason), deploy dry-run returns the plan and reports progress-free structured output,
 * deployment_status and runbook_generate read the real configuration, rollback records its reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { git, makeProject, passReceipt, release, type Project } from './helpers.js';
import { tool as deployTool } from '../../mcp-server/src/server/tools/deploy.js';
import { tool as rollbackTool } from '../../mcp-server/src/server/tools/rollback.js';
import { tool as statusTool } from '../../mcp-server/src/server/tools/deployment-status.js';
import { tool as runbookTool } from '../../mcp-server/src/server/tools/runbook-generate.js';
import type { ToolContext } from '../../mcp-server/src/server/tool.js';

let project: Project;
const progress: string[] = [];

function context(): ToolContext {
  return {
    projectRoot: project.root,
    signal: new AbortController().signal,
    now: () => new Date(),
    env: process.env,
    progress: async (_p, _t, message) => void progress.push(message ?? ''),
    log: async () => undefined,
  };
}

beforeAll(async () => {
  project = await makeProject((text) =>
    text.replace(/environments:[\s\S]*$/, `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    provider: { type: git-push, remote: origin, branch: production }
    strategy: { type: rolling }
`),
    { platform: false },
  );
  await release(project.root, '1.1.0');
});
afterAll(async () => project?.cleanup());

describe('deploy tools', () => {
  it('deploy dry-run plans without a receipt and says so', async () => {
    const args = z.object(deployTool.inputSchema).parse({ dryRun: true });
    const result = await deployTool.handler(args, context());
    expect(result.structured).toMatchObject({ ok: false, dryRun: true, version: '1.1.0', strategy: 'rolling', rolledBack: false });
    expect(result.text).toContain(`git push origin ${git(project.root, 'rev-parse', 'HEAD')}:refs/heads/production`);
    expect(result.text).toContain('MISSING');
  });

  it('deploy without a receipt is refused and pushes nothing', async () => {
    const args = z.object(deployTool.inputSchema).parse({});
    await expect(deployTool.handler(args, context())).rejects.toThrow(/receipt/);
    expect(git(project.root, 'ls-remote', project.remote, 'refs/heads/production')).toBe('');
  });

  it('inputs are validated: environment pattern, strategy enum, semver, reason length', () => {
    expect(z.object(deployTool.inputSchema).safeParse({ environment: 'prod; rm -rf /' }).success).toBe(false);
    expect(z.object(deployTool.inputSchema).safeParse({ strategy: 'yolo' }).success).toBe(false);
    expect(z.object(rollbackTool.inputSchema).safeParse({ reason: 'x', toVersion: '$(whoami)' }).success).toBe(false);
    expect(z.object(rollbackTool.inputSchema).safeParse({ reason: 'x'.repeat(501) }).success).toBe(false);
  });

  it('rollback through the tool pushes the named release and records the reason', async () => {
    // Production ran v1.0.0 before shipgate; the gated deploy of v1.1.0 records both as served.
    git(project.root, 'push', '-q', project.remote, 'v1.0.0^{commit}:refs/heads/production');
    await passReceipt(project.root);
    const deployed = await deployTool.handler(z.object(deployTool.inputSchema).parse({}), context());
    expect(deployed.structured).toMatchObject({ ok: true, version: '1.1.0' });
    const args = z.object(rollbackTool.inputSchema).parse({ toVersion: '1.0.0', reason: 'checkout broken' });
    const result = await rollbackTool.handler(args, context());
    expect(result.structured).toMatchObject({ ok: true, toVersion: '1.0.0' });
    expect(git(project.root, 'ls-remote', project.remote, 'refs/heads/production').split(/\s+/)[0]).toBe(git(project.root, 'rev-parse', 'v1.0.0^{commit}'));
    expect(progress.length).toBeGreaterThan(0);
    const status = await statusTool.handler(z.object(statusTool.inputSchema).parse({}), context());
    expect(status.structured.environments[0]).toMatchObject({ environment: 'production', version: '1.0.0' });
    expect(status.structured.environments[0]?.status).toContain('rollback v1.0.0: succeeded');
  });

  it('runbook_generate writes the runbook for a strategy override', async () => {
    const result = await runbookTool.handler(z.object(runbookTool.inputSchema).parse({ strategy: 'recreate' }), context());
    expect(result.structured.strategy).toBe('recreate');
    expect(result.structured.markdown).toContain('git push origin <sha>:refs/heads/production');
  });
});
