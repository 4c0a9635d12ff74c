/**
 * Hostile arguments (`;`, `$( )`, backticks, `--upload-pack=...`, `../../etc/passwd`, symlinks out of the
 * project, NUL bytes, 1 MB strings) as check ids, environment names and attest arguments: each is
 * refused or harmless, and nothing from them runs (a marker file that any execution would create
 * must never appear).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile, symlink, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../mcp-server/src/cli/main.js';
import { typedAtTerminal } from '../helpers/terminal.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { runGate } from '../../mcp-server/src/gates/run-gate.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { requireReceipt } from '../../mcp-server/src/gates/receipts.js';
import { resolveGateFiles } from '../../mcp-server/src/gates/load-gate-skills.js';
import { ShipgateError } from '../../mcp-server/src/errors.js';
import { makeRepo, gateSkill, CONFIG, WEDNESDAY, type FixtureRepo } from './fixture-repo.js';

let repo: FixtureRepo;
let outside: string;
let marker: string;

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'shipgate-outside-'));
  marker = join(outside, 'PWNED');
  await writeFile(join(outside, 'SKILL.md'), gateSkill('<check id="a"><command>true</command></check>'));
  repo = await makeRepo({ '.gitignore': 'escape\n', 'shipgate.config.yaml': CONFIG(), '.claude/skills/test-gate/SKILL.md': gateSkill('<check id="code_review"><requirement>Reviewed</requirement></check>') });
  await symlink(outside, join(repo.root, 'escape'));
});
afterAll(async () => {
  await repo.cleanup();
  await rm(outside, { recursive: true, force: true });
});

const payloads = (m: string) => [
  `x; touch ${m}`,
  `$(touch ${m})`,
  `\`touch ${m}\``,
  `--upload-pack=touch ${m}`,
  '../../etc/passwd',
  'escape/SKILL.md',
  'production\u0000; touch x',
  'a'.repeat(1024 * 1024),
];

async function cli(argv: string[]) {
  let out = '';
  const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
  const code = await main(argv, { cwd: repo.root, stdin: typedAtTerminal(argv[0] === 'attest' ? (argv[1] ?? '') : ''), stdout: sink, stderr: sink, env: process.env, now: WEDNESDAY });
  return { code, out };
}

describe('hostile inputs', () => {
  it('as environment names: refused by gate (CLI and core) and by requireReceipt', async () => {
    for (const p of payloads(marker)) {
      const result = await cli(['gate', '--env', p, '--json']);
      expect(result.code).toBe(2);
      await expect(runGate({ projectRoot: repo.root, environment: p, now: WEDNESDAY })).rejects.toBeInstanceOf(ShipgateError);
      await expect(requireReceipt({ projectRoot: repo.root, environment: p, commit: 'HEAD' })).rejects.toBeInstanceOf(ShipgateError);
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('as check ids, names and evidence: refused with exit 2 and nothing recorded', async () => {
    for (const p of payloads(marker)) {
      expect((await cli(['attest', p, '--by', 'Ada', '--evidence', 'x'])).code).toBe(2);
      await expect(recordAttestation({ projectRoot: repo.root, environment: 'production', checkId: p, by: 'Ada', evidence: 'x' })).rejects.toBeInstanceOf(ShipgateError);
    }
    for (const p of [`Ada\u0000`, 'a'.repeat(1024 * 1024)]) {
      expect((await cli(['attest', 'code_review', '--by', p, '--evidence', 'x'])).code).toBe(2);
      expect((await cli(['attest', 'code_review', '--by', 'Ada', '--evidence', p])).code).toBe(2);
    }
    expect(existsSync(statePaths(repo.root).attestations)).toBe(false);
    expect(existsSync(marker)).toBe(false);
  });

  it('shell metacharacters in by/evidence are stored as text and never run', async () => {
    const text = `$(touch ${marker}); \`touch ${marker}\` --upload-pack=touch`;
    const result = await cli(['attest', 'code_review', '--by', 'Ada', '--evidence', text, '--json']);
    expect(result.code).toBe(0);
    const stored = JSON.parse((await readFile(statePaths(repo.root).attestations, 'utf8')).trim());
    expect(stored.evidence).toBe(text);
    expect((await runGate({ projectRoot: repo.root, environment: 'production', now: WEDNESDAY })).ok).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it('gate skill paths outside the project (.., absolute, symlink) are refused', async () => {
    for (const entry of ['../../etc/passwd', '/etc/passwd', 'escape/SKILL.md', 'x\u0000y']) {
      await expect(resolveGateFiles(repo.root, [entry])).rejects.toThrow(/outside the project|NUL|does not exist/);
    }
  });

  it('unknown options like --upload-pack are usage errors, not passed to git', async () => {
    const result = await cli(['gate', `--upload-pack=touch ${marker}`]);
    expect(result.code).toBe(2);
    expect(existsSync(marker)).toBe(false);
  });
});
