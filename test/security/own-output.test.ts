/**
 * Issue 14.11: shipgate's own output never blocks shipgate. After a real deploy the new deployment
 * record and learnings events are in the working tree: the next gate (with a git-clean check), `bump`
 * and the next deploy still run. `shipgate init` writes the .gitignore/.gitattributes lines saying
 * what to commit and what never to, once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeSecurityProject, gateSkill, WEDNESDAY, type SecurityProject } from './project.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { main } from '../../mcp-server/src/cli/main.js';

let p: SecurityProject;
beforeEach(async () => {
  p = await makeSecurityProject();
});
afterEach(async () => p.cleanup());

async function cli(argv: string[]) {
  let out = '';
  const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
  const code = await main(argv, { cwd: p.root, stdout: sink, stderr: sink, env: process.env, now: WEDNESDAY });
  return { code, out };
}

describe("shipgate's own output", () => {
  it('a deployment record and learnings in the tree block neither the next gate (git-clean), nor bump, nor deploy', async () => {
    await p.write({ '.gitignore': '', 'gates/release/SKILL.md': gateSkill('true').replace('</checks>', '<check id="clean_tree"><verify kind="git-clean"/></check>\n</checks>') });
    await p.release('1.0.1');
    const attest = () => recordAttestation({ projectRoot: p.root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'ok', via: 'cli', now: WEDNESDAY });
    await attest();
    expect((await runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY })).ok).toBe(true);
    const first = await runDeploy({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
    if (first.dryRun) throw new Error('dry');
    expect(first.outcome.status).toBe('succeeded');
    const untracked = p.git('status', '--porcelain', '--untracked-files=all');
    expect(untracked).toMatch(/\.claude\/processes\/deployment-v1\.0\.1/);
    expect(untracked).toMatch(/\.claude\/shipgate\/learnings\/events\.jsonl/);
    await p.write({ 'src/app.js': 'console.log("1.1.0");\n' });
    p.git('add', 'src/app.js');
    p.git('commit', '-q', '-m', 'feat: 1.1.0');
    await attest();
    const gate = await runGate({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
    expect(gate.ok, JSON.stringify(gate.checks)).toBe(true);
    expect(gate.checks.find((c) => c.id === 'clean_tree')?.status).toBe('passed');
    const bump = await cli(['bump', 'minor', '--json']);
    expect(bump.code, bump.out).toBe(0);
    const second = await runDeploy({ projectRoot: p.root, environment: 'production', now: WEDNESDAY });
    if (second.dryRun) throw new Error('dry');
    expect(second.outcome.status).toBe('succeeded');
    expect(p.production()).toBe(p.git('rev-parse', 'v1.1.0^{commit}'));
  });

  it('init writes what to commit and what never to, once', async () => {
    await writeFile(join(p.root, '.gitignore'), 'node_modules/');
    await p.write({ 'shipgate.config.yaml': '' });
    p.git('rm', '-q', '--cached', 'shipgate.config.yaml');
    await (await import('node:fs/promises')).rm(join(p.root, 'shipgate.config.yaml'));
    const first = await cli(['init', '--json']);
    expect(first.code, first.out).toBe(0);
    const ignore = await readFile(join(p.root, '.gitignore'), 'utf8');
    expect(ignore.split('\n')).toEqual(expect.arrayContaining(['node_modules/', '.claude/settings.local.json', '.claude/shipgate/*', '!.claude/shipgate/learnings/']));
    expect(await readFile(join(p.root, '.gitattributes'), 'utf8')).toContain('.claude/shipgate/learnings/events.jsonl merge=union');
    await (await import('node:fs/promises')).rm(join(p.root, 'shipgate.config.yaml'));
    const second = await cli(['init', '--json']);
    expect(JSON.parse(second.out).gitLines).toEqual([]);
    expect(await readFile(join(p.root, '.gitignore'), 'utf8')).toBe(ignore);
    // git agrees: local settings are ignored, learnings events are not.
    await p.write({ '.claude/settings.local.json': '{}', '.claude/shipgate/learnings/events.jsonl': '{}\n', '.claude/shipgate/receipts/x.json': '{}' });
    const status = p.git('status', '--porcelain', '--untracked-files=all');
    expect(status).toContain('.claude/shipgate/learnings/events.jsonl');
    expect(status).not.toContain('settings.local.json');
    expect(status).not.toContain('receipts/x.json');
  });
});
