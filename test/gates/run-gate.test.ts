/** The gate engine on real temp git repositories: each verify kind blocking and passing for real. */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { utimes, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, FRIDAY_AFTERNOON, type FixtureRepo } from './fixture-repo.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { verifyKinds } from '../../mcp-server/src/gates/verify/index.js';
import { VERIFY_KIND_NAMES } from '../../mcp-server/src/skill/verify-kinds.js';
import { readReceipt } from '../../mcp-server/src/gates/receipts.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';

const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

async function repoWith(checks: string, files: Record<string, string> = {}, config = CONFIG()): Promise<FixtureRepo> {
  const repo = await makeRepo({ 'shipgate.config.yaml': config, '.claude/skills/test-gate/SKILL.md': gateSkill(checks), ...files });
  repos.push(repo);
  return repo;
}

const gate = (repo: FixtureRepo, extra: Partial<Parameters<typeof runGate>[0]> = {}) => runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY, ...extra });

describe('verify kind registry', () => {
  it('implements exactly the kinds the skill language declares', () => {
    expect(Object.keys(verifyKinds).sort()).toEqual([...VERIFY_KIND_NAMES].sort());
  });
});

describe('command checks', () => {
  it('a failing `npm test` blocks, issues no receipt, and shows the output tail', async () => {
    const repo = await repoWith('<check id="tests_pass"><command>npm test --silent</command><expected>Exit code 0</expected><failure_mode>BLOCK deployment</failure_mode></check>', {
      'package.json': JSON.stringify({ name: 'app', version: '1.0.0', scripts: { test: 'echo "2 tests failed" && exit 1' } }),
    });
    const result = await gate(repo);
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toEqual(['tests_pass']);
    expect(result.checks[0]).toMatchObject({ id: 'tests_pass', status: 'failed', decider: 'command' });
    expect(result.checks[0]!.outputTail).toContain('2 tests failed');
    expect(result.receipt).toBeUndefined();
    expect(await readReceipt(repo.root, 'production')).toBeUndefined();
  });

  it('a passing gate writes a receipt bound to HEAD', async () => {
    const repo = await repoWith('<check id="tests_pass"><command>true</command></check>');
    const result = await gate(repo);
    expect(result.ok).toBe(true);
    expect(result.receipt?.commit).toBe(repo.git('rev-parse', 'HEAD'));
    expect((await readReceipt(repo.root, 'production') as { id?: string } | undefined)?.id).toBe(result.receipt?.id);
  });

  it('fails fast (later checks skipped) unless all is set; advisory failures never block', async () => {
    const checks = '<check id="first"><command>exit 3</command></check>\n<check id="second"><command>true</command></check>';
    const repo = await makeRepo({
      'shipgate.config.yaml': CONFIG(),
      '.claude/skills/test-gate/SKILL.md': gateSkill(checks) + '\n<safety_gate type="advisory"><checks><check id="advice"><command>exit 1</command></check></checks></safety_gate>\n',
    });
    repos.push(repo);
    const fast = await gate(repo);
    expect(fast.checks.map((c) => [c.id, c.status])).toEqual([['first', 'failed'], ['second', 'skipped'], ['advice', 'skipped']]);
    const all = await gate(repo, { all: true });
    expect(all.checks.map((c) => [c.id, c.status])).toEqual([['first', 'failed'], ['second', 'passed'], ['advice', 'failed']]);
    expect(all.blockedBy).toEqual(['first']);

    await repo.write({ '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="second"><command>true</command></check>') + '\n<safety_gate type="advisory"><checks><check id="advice"><command>exit 1</command></check></checks></safety_gate>\n' });
    repo.commit('gate: second only');
    const advisoryOnly = await gate(repo);
    expect(advisoryOnly.ok).toBe(true);
    expect(advisoryOnly.checks.find((c) => c.id === 'advice')?.status).toBe('failed');
  });

  it('times out a slow command and redacts secrets in the output tail', async () => {
    const repo = await repoWith('<check id="leaky"><command>echo "token ghp_abcdefghijklmnopqrstuvwxyz123456 password=hunter22 $MY_API_TOKEN"; exit 1</command></check>\n<check id="slow"><command>exec sleep 5</command><timeout>1s</timeout></check>');
    const result = await gate(repo, { all: true, env: { ...process.env, MY_API_TOKEN: 'sekret-value-42' } });
    const tail = result.checks[0]!.outputTail!;
    expect(tail).not.toContain('abcdefghijklmnop');
    expect(tail).not.toContain('hunter22');
    expect(tail).not.toContain('sekret-value-42');
    expect(tail).toContain('[redacted]');
    expect(result.checks[1]).toMatchObject({ status: 'failed' });
    expect(result.checks[1]!.message).toMatch(/did not finish within 1s/);
    expect(result.checks[1]!.durationMs).toBeLessThan(4_000);
  });

  it('a gate with no blocking checks blocks instead of passing vacuously', async () => {
    const repo = await repoWith('');
    const result = await gate(repo);
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toContain('no_blocking_checks');
  });
});

describe('file checks', () => {
  it('a stale file-age blocks and a fresh one passes', async () => {
    const repo = await repoWith('<check id="backup_fresh"><verify kind="file-age" path="backups/*.sql" max_age="24h"/></check>', { 'backups/db-1.sql': 'x', 'backups/db-2.sql': 'y' });
    const old = WEDNESDAY().getTime() / 1000 - 3 * 86_400;
    await utimes(join(repo.root, 'backups/db-1.sql'), old, old);
    await utimes(join(repo.root, 'backups/db-2.sql'), old - 100, old - 100);
    const stale = await gate(repo);
    expect(stale.checks[0]).toMatchObject({ status: 'failed' });
    expect(stale.checks[0]!.message).toMatch(/backups\/db-1\.sql is 3d|72h|3 days|backups\/db-1.sql is/);
    const fresh = WEDNESDAY().getTime() / 1000 - 3_600;
    await utimes(join(repo.root, 'backups/db-2.sql'), fresh, fresh);
    expect((await gate(repo)).ok).toBe(true);
  });

  it('file-exists expands date tokens and does not look outside the project', async () => {
    const repo = await repoWith('<check id="plan"><verify kind="file-exists" path="docs/deployments/YYYY-MM-DD-plan.md"/></check>\n<check id="escape"><verify kind="file-exists" path="../../../../etc/passwd"/></check>', { 'docs/deployments/2026-11-18-plan.md': '# plan' });
    const result = await gate(repo, { all: true });
    expect(result.checks[0]).toMatchObject({ status: 'passed' });
    expect(result.checks[1]).toMatchObject({ status: 'failed' });
  });
});

describe('state checks (seed 003)', () => {
  const checks = '<check id="staging_validated"><verify kind="state" key="manual_gates.staging_validation.status" equals="approved"/></check>\n<check id="rollback_ready"><verify kind="state" key="quality_gates.rollback.status" equals="passed"/></check>';
  const state = (status: string) => `manual_gates:\n  staging_validation:\n    status: ${status}\nquality_gates:\n  rollback:\n    status: passed\n`;

  it('status: pending blocks and approved passes, reading the newest specs/*/state.yaml', async () => {
    const repo = await repoWith(checks, { 'specs/001-old/state.yaml': state('approved'), 'specs/002-cart/state.yaml': state('pending') });
    const t = Date.now() / 1000;
    await utimes(join(repo.root, 'specs/001-old/state.yaml'), t - 1000, t - 1000);
    const pending = await gate(repo);
    expect(pending.ok).toBe(false);
    expect(pending.checks[0]!.message).toContain('specs/002-cart/state.yaml');
    expect(pending.checks[0]!.message).toContain('"pending"');
    await repo.write({ 'specs/002-cart/state.yaml': state('approved') });
    repo.commit('staging approved');
    const approved = await gate(repo);
    expect(approved.checks.map((c) => c.status)).toEqual(['passed', 'passed']);
    expect(approved.ok).toBe(true);
  });

  it('reads a configured state path (JSON too) and reports a malformed file with file:line', async () => {
    const repo = await repoWith('<check id="staging_validated"><verify kind="state" file="ops/state.json" key="manual_gates.staging_validation.status" in="approved,waived"/></check>', { 'ops/state.json': '{"manual_gates": {"staging_validation": {"status": "waived"}}}' });
    expect((await gate(repo)).ok).toBe(true);
    await repo.write({ 'ops/state.json': '{"manual_gates": {\n  "staging_validation": [unclosed\n' });
    repo.commit('damaged state');
    const broken = await gate(repo);
    expect(broken.checks[0]!.status).toBe('failed');
    expect(broken.checks[0]!.message).toMatch(/ops\/state\.json:\d+:\d+/);
  });
});

describe('deploy-window', () => {
  const windowCheck = '<check id="deploy_window"><verify kind="deploy-window"/></check>';

  it('a Friday-afternoon clock blocks, Wednesday passes, and an attested override with a reason unblocks', async () => {
    const repo = await repoWith(windowCheck);
    const friday = await gate(repo, { now: FRIDAY_AFTERNOON });
    expect(friday.ok).toBe(false);
    expect(friday.checks[0]!.message).toMatch(/fri .*12:00–23:59/);
    expect(friday.checks[0]!.message).toContain('deploy_window_override');
    expect((await gate(repo)).ok).toBe(true);
    await recordAttestation({ projectRoot: repo.root, environment: 'production', checkId: 'deploy_window_override', by: 'Ada', evidence: 'hotfix for incident 42', now: FRIDAY_AFTERNOON });
    const overridden = await gate(repo, { now: FRIDAY_AFTERNOON });
    expect(overridden.ok).toBe(true);
    expect(overridden.checks[0]!.attestation).toMatchObject({ by: 'Ada', evidence: 'hotfix for incident 42' });
  });

  it('holidays and the day before a holiday block, in the policy time zone', async () => {
    const config = CONFIG(undefined, '    window:\n      timezone: Pacific/Auckland\n      deny: []\n      holidays: ["2026-12-25"]\n');
    const repo = await repoWith(windowCheck, {}, config);
    // 2026-12-24T12:00Z is already the 25th in Auckland (UTC+13).
    expect((await gate(repo, { now: () => new Date('2026-12-24T12:00:00Z') })).checks[0]!.message).toMatch(/2026-12-25 is a holiday/);
    expect((await gate(repo, { now: () => new Date('2026-12-24T01:00:00Z') })).checks[0]!.message).toMatch(/day before the holiday/);
    expect((await gate(repo, { now: () => new Date('2026-12-20T01:00:00Z') })).ok).toBe(true);
  });
});

describe('attestations', () => {
  const checks = '<check id="code_review"><requirement>Recent commits reviewed</requirement><verification>PR approved</verification></check>\n<check id="security_signoff"><verify kind="attestation" role="security" prompt="Security review done"/></check>';

  it('prose checks need a recorded attestation for this commit; recording unblocks; a new commit needs it again', async () => {
    const repo = await repoWith(checks);
    const first = await gate(repo, { all: true });
    expect(first.checks.map((c) => c.status)).toEqual(['needs_attestation', 'needs_attestation']);
    expect(first.needsAttestation.map((n) => n.checkId)).toEqual(['code_review', 'security_signoff']);
    expect(first.needsAttestation[0]!.prompt).toBe('Recent commits reviewed');
    await recordAttestation({ projectRoot: repo.root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'PR #12' });
    await recordAttestation({ projectRoot: repo.root, environment: 'production', checkId: 'security_signoff', by: 'Bo', evidence: 'threat model ok' });
    const second = await gate(repo);
    expect(second.ok).toBe(true);
    expect(second.checks[0]!.attestation).toMatchObject({ by: 'Ada', evidence: 'PR #12' });
    const lines = (await readFile(statePaths(repo.root).attestations, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ checkId: 'code_review', by: 'Ada', commit: repo.git('rev-parse', 'HEAD'), environment: 'production' });
    await repo.write({ 'src/x.ts': 'export {}' });
    repo.commit('more');
    expect((await gate(repo)).ok).toBe(false);
  });

  it('elicitation: accept records the human answer, decline and cancel stay blocked, confirm=false is not a pass', async () => {
    const repo = await repoWith('<check id="code_review"><requirement>Recent commits reviewed</requirement></check>');
    const asked: string[] = [];
    const declined = await gate(repo, { elicit: async (message) => (asked.push(message), { action: 'decline' }) });
    expect(declined.checks[0]!.status).toBe('needs_attestation');
    expect(declined.checks[0]!.message).toMatch(/declined/);
    expect(asked[0]).toContain('Recent commits reviewed');
    expect((await gate(repo, { elicit: async () => ({ action: 'cancel' }) })).ok).toBe(false);
    expect((await gate(repo, { elicit: async () => ({ action: 'accept', content: { by: 'Ada', evidence: 'x', confirm: false } }) })).ok).toBe(false);
    expect((await gate(repo, { elicit: async () => ({ action: 'accept', content: { by: 'Ada\u0000', evidence: 'x', confirm: true } }) })).ok).toBe(false);
    const accepted = await gate(repo, { elicit: async () => ({ action: 'accept', content: { by: 'Ada', evidence: 'PR #7 approved', confirm: true } }) });
    expect(accepted.ok).toBe(true);
    expect(accepted.checks[0]!.attestation).toMatchObject({ by: 'Ada', evidence: 'PR #7 approved' });
    const stored = JSON.parse((await readFile(statePaths(repo.root).attestations, 'utf8')).trim());
    expect(stored).toMatchObject({ via: 'elicitation', by: 'Ada' });
  });
});

describe('git and http checks', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
  });

  it('an uncommitted change blocks the gate and revokes its receipt; shipgate output is not dirt; git-branch checks HEAD', async () => {
    const repo = await repoWith('<check id="clean"><verify kind="git-clean"/></check>\n<check id="on_main"><verify kind="git-branch" branch="main,release/*"/></check>');
    await recordAttestation({ projectRoot: repo.root, environment: 'production', checkId: 'clean', by: 'x', evidence: 'state files do not count' });
    // Records and learnings that shipgate wrote itself never make the tree "dirty".
    await repo.write({ '.claude/processes/deployment-v1.0.0-2026-11-18.md': '# record', '.claude/shipgate/learnings/events.jsonl': '{}\n', 'specs/001-x/production-ship-report.md': '# report' });
    expect((await gate(repo)).ok).toBe(true);
    await repo.write({ 'src/dirty.ts': 'x' });
    await expect(gate(repo, { all: true })).rejects.toThrow(/working tree differs from the commit in 1 file: src\/dirty\.ts/);
    expect(await readReceipt(repo.root, 'production')).toBeUndefined();
    repo.commit('clean again');
    repo.git('checkout', '-q', '-b', 'feature/x');
    const branch = await gate(repo);
    expect(branch.checks[1]!.message).toMatch(/HEAD is on feature\/x, expected main or release\/\*/);
  });

  it('http checks a real server with {url} from the environment', async () => {
    server = createServer((req, res) => {
      res.statusCode = req.url === '/health' ? 200 : 503;
      res.end(req.url === '/health' ? '{"status":"ok"}' : 'down');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const config = `environments:\n  production:\n    gates: [.claude/skills/test-gate/SKILL.md]\n    url: http://127.0.0.1:${port}\n    provider: { type: git-push }\n`;
    const repo = await repoWith('<check id="healthy"><verify kind="http" url="{url}/health" status="200" body_contains="ok"/></check>\n<check id="ready"><verify kind="http" url="{url}/ready"/></check>', {}, config);
    const result = await gate(repo, { all: true });
    expect(result.checks.map((c) => c.status)).toEqual(['passed', 'failed']);
    expect(result.checks[1]!.message).toMatch(/answered 503, expected 200/);
  });

  it('http reads at most 64 KB of a body (the shared probe): an endless body does not hang the gate', async () => {
    const endless = Buffer.alloc(16 * 1024, 'x');
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const pump = (): void => {
        while (res.write(endless));
        res.once('drain', pump);
      };
      pump();
      res.on('close', () => res.removeAllListeners('drain'));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const config = `environments:\n  production:\n    gates: [.claude/skills/test-gate/SKILL.md]\n    url: http://127.0.0.1:${port}\n    provider: { type: git-push }\n`;
    const repo = await repoWith('<check id="stream"><verify kind="http" url="{url}/stream" status="200" body_contains="never" timeout="20s"/></check>', {}, config);
    const started = Date.now();
    const result = await gate(repo, { all: true });
    // Well under the 20 s timeout: the probe stopped reading after 64 KB and judged what it had.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.checks[0]!.status).toBe('failed');
    expect(result.checks[0]!.message).toMatch(/body does not contain "never"/);
  });
});

describe('progress and cancellation', () => {
  it('reports progress for each check and skips the rest when aborted', async () => {
    const repo = await repoWith('<check id="a"><command>true</command></check>\n<check id="b"><command>true</command></check>');
    const events: string[] = [];
    const controller = new AbortController();
    const result = await gate(repo, { signal: controller.signal, onProgress: (e) => { events.push(`${e.checkId}:${e.status}:${e.index}/${e.total}`); if (e.status === 'passed') controller.abort(); } });
    expect(events).toEqual(['a:running:0/2', 'a:passed:0/2']);
    expect(result.checks[1]!.status).toBe('skipped');
    expect(result.ok).toBe(false);
    expect(result.blockedBy).toEqual(['cancelled']);
    expect(result.receipt).toBeUndefined();
  });
});

describe('bundled gate skill', () => {
  it('a repository without configuration is gated by the plugin\'s production-gate and production-promotion skills (#14.2)', async () => {
    const repo = await makeRepo({ 'package.json': JSON.stringify({ name: 'app', scripts: { test: 'exit 0' } }) });
    repos.push(repo);
    const result = await runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY, all: true });
    // Since #14.2 the default for production includes seed 003's promotion checks (staging approval).
    expect(result.gateFiles).toEqual(['plugin:skills/production-gate/SKILL.md', 'plugin:skills/production-promotion/SKILL.md']);
    expect(result.checks.find((c) => c.id === 'tests_pass')?.status).toBe('passed');
    expect(result.checks.find((c) => c.id === 'staging_validation_approved')?.status).toBe('failed');
    expect(result.checks.find((c) => c.id === 'code_review')?.status).toBe('needs_attestation');
    expect(result.ok).toBe(false);
  });
});

describe('window policy (pure)', () => {
  it('evaluates deny rules in the time zone, including rules that wrap past midnight', async () => {
    const { windowDenial } = await import('../../mcp-server/src/gates/verify/deploy-window.js');
    const { windowSchema } = await import('../../mcp-server/src/config/window-schema.js');
    const berlin = windowSchema.parse({ timezone: 'Europe/Berlin' });
    // 11:30 UTC on Friday 2026-11-20 is 12:30 in Berlin: denied there, allowed in UTC.
    expect(windowDenial(berlin, new Date('2026-11-20T11:30:00Z'))).toMatch(/fri 2026-11-20 12:30 \(Europe\/Berlin\)/);
    expect(windowDenial(windowSchema.parse({}), new Date('2026-11-20T11:30:00Z'))).toBeNull();
    const nights = windowSchema.parse({ deny: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '22:00', to: '06:00' }] });
    expect(windowDenial(nights, new Date('2026-11-18T23:00:00Z'))).not.toBeNull();
    expect(windowDenial(nights, new Date('2026-11-18T05:00:00Z'))).not.toBeNull();
    expect(windowDenial(nights, new Date('2026-11-18T12:00:00Z'))).toBeNull();
  });
});
