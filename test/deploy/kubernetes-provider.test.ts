/**
 * The kubernetes provider against kubectl-recording-stand-in (a recording stand-in for kubectl: there
 * is no cluster here). Every call carries --context and --namespace; canary goes through a second
 * Deployment and the ingress-nginx canary-weight annotation; a failing rollout is undone (weight 0,
 * canary scaled to 0); blue-green switches the Service selector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeProject, passReceipt, release, type Project } from './helpers.js';
import { runDeploy } from '../../mcp-server/src/deploy/run-deploy.js';

const STAND_IN = resolve(__dirname, '../fixtures/kubectl-recording-stand-in');
let project: Project;
let log = '';

beforeAll(async () => {
  project = await makeProject((text) =>
    text.replace(/environments:[\s\S]*$/, `environments:
  production:
    gates: [skills/release-gate/SKILL.md]
    provider: { type: kubernetes, context: prod-eu, namespace: shop, deployment: web, image: "registry.example.com/web:{version}", rolloutTimeout: 90s }
    strategy:
      type: canary
      steps: [{ weight: 10, pause: 0 }, { weight: 50, pause: 0 }]
`),
    { platform: false },
  );
  log = join(project.root, 'kubectl.log');
  process.env.KUBECTL_RECORD_LOG = log;
});

afterAll(async () => {
  delete process.env.KUBECTL_RECORD_LOG;
  delete process.env.KUBECTL_FAIL_ON;
  await project?.cleanup();
});

async function calls(): Promise<string[][]> {
  return (await readFile(log, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as string[]);
}

describe('kubernetes provider (recording stand-in)', () => {
  it('canary: second Deployment, canary-weight annotations, promote; always explicit context and namespace', async () => {
    await release(project.root, '1.1.0');
    await passReceipt(project.root);
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', kubectl: STAND_IN });
    if (result.dryRun) throw new Error('dry');
    expect(result.outcome.trigger).toBeUndefined();
    expect(result.outcome.status).toBe('succeeded');
    const argvs = await calls();
    for (const argv of argvs) expect(argv.slice(0, 4)).toEqual(['--context', 'prod-eu', '--namespace', 'shop']);
    const joined = argvs.map((a) => a.slice(4).join(' '));
    expect(joined).toContain('set image deployment/web-canary web=registry.example.com/web:1.1.0');
    expect(joined).toContain('rollout status deployment/web-canary --timeout=90s');
    expect(joined).toContain('annotate --overwrite ingress/web-canary nginx.ingress.kubernetes.io/canary-weight=10');
    expect(joined).toContain('annotate --overwrite ingress/web-canary nginx.ingress.kubernetes.io/canary-weight=50');
    expect(joined).toContain('set image deployment/web web=registry.example.com/web:1.1.0');
    expect(joined.at(-1)).toBe('scale deployment/web-canary --replicas=0');
  });

  it('a rollout that fails midway is undone: weight back to 0, canary scaled down, exit 3', async () => {
    await rm(log, { force: true });
    await release(project.root, '1.2.0');
    await passReceipt(project.root);
    process.env.KUBECTL_FAIL_ON = 'rollout status deployment/web-canary';
    try {
      const result = await runDeploy({ projectRoot: project.root, environment: 'production', kubectl: STAND_IN });
      if (result.dryRun) throw new Error('dry');
      expect(result.outcome.exitCode).toBe(3);
      expect(result.outcome.trigger).toContain('progress deadline');
    } finally {
      delete process.env.KUBECTL_FAIL_ON;
    }
    const joined = (await calls()).map((a) => a.slice(4).join(' '));
    expect(joined.slice(-2)).toEqual(['annotate --overwrite ingress/web-canary nginx.ingress.kubernetes.io/canary-weight=0', 'scale deployment/web-canary --replicas=0']);
    expect(joined).not.toContain('set image deployment/web web=registry.example.com/web:1.2.0');
  });

  it('blue-green (dry run): deploys the idle color, switches the Service selector', async () => {
    const result = await runDeploy({ projectRoot: project.root, environment: 'production', strategy: 'blue-green', dryRun: true, kubectl: STAND_IN });
    if (!result.dryRun) throw new Error('expected a dry run');
    const commands = result.plan.steps.flatMap((s) => s.commands ?? []).map((a) => a.slice(5).join(' '));
    expect(commands).toContain('set image deployment/web-green web=registry.example.com/web:1.2.0');
    expect(commands.some((c) => c.startsWith('patch service/web --type=merge -p') && c.includes('"color":"green"'))).toBe(true);
    const switchStep = result.plan.steps.find((s) => s.id === 'switch');
    expect(JSON.stringify(switchStep?.undo?.[0]?.commands)).toContain('\\"color\\":\\"blue\\"');
  });
});
