/**
 * docs/reference.md is generated from the code (#14.15) and what it says holds: the placeholders are the
 * ones substituted, a strategy's required provider keys are enforced, and the logic-flow terminal words
 * are the ones the validator looks for.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReferenceDoc } from '../../mcp-server/src/cli/reference-doc.js';
import { PLACEHOLDERS, substitutePlaceholders } from '../../mcp-server/src/deploy/providers/provider.js';
import { strategyActions } from '../../mcp-server/src/deploy/strategy-actions.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { validatePaths } from '../../mcp-server/src/validate/engine.js';
import { makeProject } from '../deploy/helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('docs/reference.md', () => {
  it('equals what the code renders (run `node scripts/gen-reference-doc.mjs`)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'reference.md'), 'utf8')).toBe(renderReferenceDoc());
  });

  it('lists exactly the placeholders the command provider substitutes', () => {
    const argv = Object.keys(PLACEHOLDERS).map((name) => `{${name}}`);
    const out = substitutePlaceholders([...argv, '{nope}'], { version: '2.7.0', tag: 'v2.7.0', sha: 'abc', weight: 10, color: 'green' });
    expect(out).toEqual(['2.7.0', 'v2.7.0', 'abc', '10', 'green', '{nope}']);
  });

  it('says blue-green needs traffic and promote, canary also undo, rolling and recreate only deploy', () => {
    expect(Object.fromEntries(strategyActions().map((s) => [s.strategy, [...s.required].sort()]))).toEqual({
      rolling: ['deploy'],
      recreate: ['deploy'],
      'blue-green': ['deploy', 'promote', 'traffic'],
      canary: ['deploy', 'promote', 'traffic', 'undo'],
    });
  });

  it('a command provider missing a key its strategy needs is refused before anything runs', async () => {
    const project = await makeProject((text) => text.replace(/      traffic: .*\n      promote: .*\n/, ''), { platform: false });
    try {
      const refused = runDeploy({ projectRoot: project.root, environment: 'production', dryRun: true });
      await expect(refused).rejects.toMatchObject({ code: 'config' });
      await expect(refused).rejects.toThrow(/canary strategy needs the command provider's traffic, promote commands/);
      const rolling = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'rolling', dryRun: true });
      expect(rolling.plan.strategy).toBe('rolling');
    } finally {
      await project.cleanup();
    }
  }, 60_000);

  it('the success and rollback terminals are found by id or label words, as documented', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shipgate-reference-flow-'));
    try {
      await mkdir(join(dir, 'skills', 'flow'), { recursive: true });
      const skill = (edges: string) => `---\nname: flow\ndescription: "Checks a flow. Use when testing. Not for production."\n---\n\n<logic_flow>\ndigraph D {\n${edges}\n}\n</logic_flow>\n`;
      await writeFile(join(dir, 'skills', 'flow', 'SKILL.md'), skill('  Verify -> Deploy;\n  Deploy -> Done;\n  Deploy -> Revert;'));
      const bad = await validatePaths(['.'], { cwd: dir, cache: false });
      expect(bad.diagnostics.filter((d) => d.ruleId === 'logic-flow-terminals').map((d) => d.message.match(/to a (\w+) node/)?.[1]).sort()).toEqual(['rollback', 'success']);
      await writeFile(join(dir, 'skills', 'flow', 'SKILL.md'), skill('  Verify -> Deploy;\n  Deploy -> Done;\n  Deploy -> Revert;\n  Done [label="Deployment Success"];\n  Revert [label="Rollback Procedure"];'));
      const good = await validatePaths(['.'], { cwd: dir, cache: false });
      expect(good.diagnostics.filter((d) => d.ruleId === 'logic-flow-terminals')).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
