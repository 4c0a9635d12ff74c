/**
 * The team documentation stays true to the code: the README's configuration example carries the team
 * section (with the lease key) and the schema reads it; the Teams section names the refs, verify and the
 * CI workflow; docs/ci/deploy-production.yml runs `shipgate verify` in a job the deploy job needs, and
 * deploys with `--gate-record`; `verify --help` and the CLI list agree.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseConfigText } from '../../mcp-server/src/config/load-config.js';
import { main } from '../../mcp-server/src/cli/main.js';

const ROOT = resolve(__dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

function section(title: string): string {
  const start = readme.indexOf(`## ${title}`);
  expect(start, `README section "${title}"`).toBeGreaterThanOrEqual(0);
  const next = readme.indexOf('\n## ', start + 3);
  return readme.slice(start, next === -1 ? undefined : next);
}

interface Workflow { jobs: Record<string, { needs?: string | string[]; environment?: string; steps: { run?: string }[] }> }

describe('team documentation', () => {
  it('shows the team section with its lease key in the configuration example', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(section('Configuration'))?.[1] ?? '';
    expect(yaml).toMatch(/^team:.*\n(?: .*\n)*? {2}lease: 10m/m);
    const config = parseConfigText(yaml, 'README.md');
    expect(config.team).toEqual({ remote: 'origin', lease: 10 * 60_000, timeout: 30_000, lock: 'git', allowedSigners: '.shipgate/allowed_signers' });
  });

  it('explains the refs, verify, and moving production credentials to CI', () => {
    const teams = section('Teams: many machines, one production');
    for (const text of ['refs/shipgate/locks/<env>', 'refs/shipgate/history/<env>', 'refs/shipgate/gates/<env>/<commit>', 'coordination.k8s.io/v1', 'shipgate verify --env production --commit SHA', 'docs/ci/deploy-production.yml', 'Moving production credentials to CI', '--gate-record']) expect(teams).toContain(text);
    expect(section('CLI')).toContain('shipgate verify [--env E] [--commit SHA] [--format text|json|github]');
  });

  it('ships a GitHub Actions workflow that verifies before its deploy job', () => {
    const workflow = parse(readFileSync(join(ROOT, 'docs/ci/deploy-production.yml'), 'utf8')) as Workflow;
    const verifyJob = Object.entries(workflow.jobs).find(([, job]) => job.steps.some((s) => s.run?.includes('shipgate verify')));
    expect(verifyJob).toBeDefined();
    const verifyRun = verifyJob![1].steps.find((s) => s.run?.includes('shipgate verify'))!.run!;
    expect(verifyRun).toContain('--env production --commit "$GITHUB_SHA" --format github');
    const deployJob = Object.values(workflow.jobs).find((job) => job.steps.some((s) => s.run?.includes('shipgate deploy')))!;
    expect([deployJob.needs].flat()).toContain(verifyJob![0]);
    expect(deployJob.environment).toBe('production');
    expect(deployJob.steps.find((s) => s.run?.includes('shipgate deploy'))!.run).toContain('--gate-record');
  });

  it('documents verify in --help the way it runs', async () => {
    let out = '';
    const stdout = { write: (t: string) => { out += t; return true; } } as unknown as NodeJS.WritableStream;
    const code = await main(['verify', '--help'], { cwd: ROOT, stdout, stderr: stdout, env: {}, now: () => new Date() });
    expect(code).toBe(0);
    expect(out).toContain('shipgate verify [--env production] [--commit SHA] [--format text|json|github]');
    expect(out).toContain('Exit: 0 verified, 1 not verified');
  });
});
