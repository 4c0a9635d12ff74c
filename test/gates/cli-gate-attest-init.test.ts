/** `shipgate gate`, `attest` and `init` through the real dispatcher, on real temp git repositories. */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import { main } from '../../mcp-server/src/cli/main.js';
import { typedAtTerminal } from '../helpers/terminal.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, FRIDAY_AFTERNOON, type FixtureRepo } from './fixture-repo.js';

const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

async function cli(cwd: string, argv: string[], now = WEDNESDAY, stdin?: NodeJS.ReadableStream & { isTTY?: boolean }) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    // The human at the terminal types the check id to confirm an attestation.
    stdin: stdin ?? typedAtTerminal(argv[0] === 'attest' ? (argv[1] ?? '') : ''),
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
    env: process.env,
    now,
  });
  return { code, stdout, stderr };
}

async function repo(checks: string, files: Record<string, string> = {}) {
  const r = await makeRepo({ 'shipgate.config.yaml': CONFIG(), '.claude/skills/test-gate/SKILL.md': gateSkill(checks), ...files });
  repos.push(r);
  return r;
}

describe('shipgate gate', () => {
  it('exits 1 with ✗ and the blocking check, then 0 with ✓ and a receipt id after a human attests', async () => {
    const r = await repo('<check id="tests_pass"><command>true</command></check>\n<check id="code_review"><requirement>Recent commits reviewed</requirement></check>\n<check id="deploy_window"><verify kind="deploy-window"/></check>');
    const blocked = await cli(r.root, ['gate']);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toContain('✓ tests_pass');
    expect(blocked.stdout).toContain('! code_review');
    expect(blocked.stdout).toContain('BLOCKED by code_review');
    expect(blocked.stdout).toContain('shipgate attest code_review --by "<your name>" --evidence "<what you checked>" --env production');

    const attested = await cli(r.root, ['attest', 'code_review', '--by', 'Ada Lovelace', '--evidence', 'PR #12 approved', '--json']);
    expect(attested.code).toBe(0);
    expect(JSON.parse(attested.stdout)).toMatchObject({ ok: true, attestation: { checkId: 'code_review', by: 'Ada Lovelace', via: 'cli' } });

    const passed = await cli(r.root, ['gate', '--json']);
    expect(passed.code).toBe(0);
    const doc = JSON.parse(passed.stdout);
    expect(doc.ok).toBe(true);
    expect(doc.receipt.id).toMatch(/^[0-9a-f-]{36}$/);
    const text = await cli(r.root, ['gate']);
    expect(text.stdout).toMatch(/PASSED: receipt [0-9a-f-]{36}/);

    const friday = await cli(r.root, ['gate', '--all', '--json'], FRIDAY_AFTERNOON);
    expect(friday.code).toBe(1);
    expect(JSON.parse(friday.stdout).blockedBy).toEqual(['deploy_window']);
  });

  it('a config error exits 2 naming the key path', async () => {
    const r = await repo('<check id="a"><command>true</command></check>');
    await writeFile(join(r.root, 'shipgate.config.yaml'), 'environments:\n  production:\n    provider: { type: ssh }\n');
    const result = await cli(r.root, ['gate', '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.message).toContain('environments.production.provider.type: expected one of git-push|command|kubernetes, found "ssh"');
  });
});

describe('shipgate attest', () => {
  it('refuses a check id that is not in the gates, and bad or missing arguments (exit 2), writing nothing', async () => {
    const r = await repo('<check id="code_review"><requirement>Reviewed</requirement></check>');
    const unknown = await cli(r.root, ['attest', 'no_such_check', '--by', 'Ada', '--evidence', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('one of: code_review, deploy_window_override, gate_changed');
    expect((await cli(r.root, ['attest', 'code_review', '--by', 'Ada'])).code).toBe(2);
    expect((await cli(r.root, ['attest', 'Code-Review', '--by', 'Ada', '--evidence', 'x'])).code).toBe(2);
    expect((await cli(r.root, ['attest', 'code_review', '--by', 'x'.repeat(101), '--evidence', 'x'])).code).toBe(2);
    expect((await cli(r.root, ['attest', 'code_review', '--by', 'Ada', '--evidence', 'x'.repeat(2001)])).code).toBe(2);
    expect((await cli(r.root, ['attest', 'code_review', 'extra', '--by', 'Ada', '--evidence', 'x'])).code).toBe(2);
    await expect(readFile(statePaths(r.root).attestations, 'utf8')).rejects.toThrow();
    const window = await cli(r.root, ['attest', 'deploy_window_override', '--by', 'Ada', '--evidence', 'incident 42 hotfix']);
    expect(window.code).toBe(0);
  });

  it('needs a terminal and the check id typed again: piped input or a wrong confirmation records nothing', async () => {
    const r = await repo('<check id="code_review"><requirement>Reviewed</requirement></check>');
    const piped = Object.assign(Readable.from(['code_review\n']), { isTTY: false });
    const noTerminal = await cli(r.root, ['attest', 'code_review', '--by', 'Ada', '--evidence', 'x'], WEDNESDAY, piped);
    expect(noTerminal.code).toBe(1);
    expect(noTerminal.stderr).toContain('stdin is not a terminal');
    const wrong = await cli(r.root, ['attest', 'code_review', '--by', 'Ada', '--evidence', 'x'], WEDNESDAY, typedAtTerminal('yes'));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The confirmation did not match: expected "code_review"');
    await expect(readFile(statePaths(r.root).attestations, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});

describe('shipgate init', () => {
  it('writes a commented starter config from package.json, the remote and Spec-Flow state, and refuses to overwrite', async () => {
    const r = await makeRepo({ 'package.json': '{ "name": "@acme/shop", "version": "0.1.0" }', 'specs/001-cart/state.yaml': 'manual_gates: {}\n' });
    repos.push(r);
    r.git('remote', 'add', 'origin', 'git@example.com:acme/shop.git');
    const first = await cli(r.root, ['init', '--json']);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.stdout);
    expect(doc).toMatchObject({ ok: true, app: 'shop', remote: 'git@example.com:acme/shop.git', stateFiles: ['specs/001-cart/state.yaml'] });
    const text = await readFile(join(r.root, 'shipgate.config.yaml'), 'utf8');
    expect(text).toContain('app: "shop"');
    expect(text).toContain('specs/001-cart/state.yaml');
    expect(text).toMatch(/^# /m);
    const again = await cli(r.root, ['init']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(await readFile(join(r.root, 'shipgate.config.yaml'), 'utf8')).toBe(text);
  });
});
