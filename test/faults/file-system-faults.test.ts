/**
 * The machine's state is not a shipgate bug: a folder where a state file belongs, a read-only (or full)
 * records folder. Each is refused with the path, what is wrong with it and what to do (exit 1, never
 * "Internal error" with a stack), and nothing is deployed or issued on the way.
 * Real CLI, real git, a real read-only mount (bubblewrap) standing in for a full or read-only disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { toShipgateError } from '../../mcp-server/src/errors.js';
import { writeFileAtomic } from '../../mcp-server/src/util/atomic-write.js';
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { createFixtureRepo, FIXTURE_FILES, type FixtureRepo } from '../server/helpers.js';
import { expectCleanRefusal, runCli, snapshot } from './cli-harness.js';

describe('file-system failures are told as such', () => {
  let dir: string;
  beforeAll(() => void (dir = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-fs-')))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a folder where a file is written: the file it was writing, not the temp name', async () => {
    mkdirSync(join(dir, 'receipt.json'));
    const error = toShipgateError(await writeFileAtomic(join(dir, 'receipt.json'), '{}').catch((e: unknown) => e));
    expect(error.code).toBe('failed');
    expect(error.message).toBe(`Cannot write ${join(dir, 'receipt.json')}: a folder where a file is expected.`);
    expect(error.details).toMatchObject({ where: join(dir, 'receipt.json'), found: 'a folder where a file is expected (EISDIR from rename)' });
    expect(error.describe()).toMatch(/fix: Move that folder out of the way/);
  });

  it('opening a folder as a file, and a file in the middle of a path', async () => {
    const opened = toShipgateError(await writeFile(dir, 'x').catch((e: unknown) => e));
    expect(opened.message).toBe(`Cannot open ${dir}: a folder where a file is expected.`);
    writeFileSync(join(dir, 'plain'), 'x');
    const through = toShipgateError(await writeFile(join(dir, 'plain', 'child.json'), 'x').catch((e: unknown) => e));
    expect(through.message).toContain('a file where a folder is expected');
  });

  it('anything else stays an internal error that asks for a bug report', () => {
    const spawnError = Object.assign(new Error('spawn nope ENOENT'), { code: 'ENOENT', syscall: 'spawn nope', path: 'nope' });
    expect(toShipgateError(spawnError).code).toBe('internal');
    expect(toShipgateError(new TypeError('x is undefined')).code).toBe('internal');
  });
});

describe('the CLI on a damaged or read-only machine', () => {
  let repo: FixtureRepo;
  let marker: string;
  beforeAll(() => {
    marker = join(realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-fs-marker-'))), 'deployed');
    repo = createFixtureRepo({
      ...FIXTURE_FILES,
      'shipgate.config.yaml': `app: fixture-app\nenvironments:\n  staging:\n    provider: { type: command, deploy: ["sh", "-c", "echo {version} >> ${marker}"] }\n    gates: [gates/passing/SKILL.md]\n`,
    });
    writeFileSync(join(repo.root, 'feature.txt'), 'x\n');
    execFileSync('git', ['add', '-A'], { cwd: repo.root });
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-qm', 'feat: a feature'], { cwd: repo.root });
    expect(runCli(repo.root, ['bump']).code).toBe(0);
  });
  afterAll(() => {
    repo?.cleanup();
    rmSync(join(marker, '..'), { recursive: true, force: true });
  });

  it('gate: a folder where the receipt goes → exit 1, the receipt path named, no receipt issued', () => {
    const receipt = join(statePaths(repo.root).receipts, 'staging.json');
    mkdirSync(receipt, { recursive: true });
    try {
      const run = runCli(repo.root, ['gate', '--env', 'staging']);
      expectCleanRefusal(run, 1, 'gate');
      expect(run.stderr).toContain(`Cannot write ${receipt}: a folder where a file is expected.`);
      expect(run.stderr).toContain('at: ' + receipt);
      const json = runCli(repo.root, ['gate', '--env', 'staging', '--json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'failed', where: receipt } });
    } finally {
      rmSync(receipt, { recursive: true, force: true });
    }
    expect(existsSync(receipt)).toBe(false);
  });

  it('deploy: a read-only records folder → exit 1 before anything ships; the record file named; nothing changed', () => {
    expect(runCli(repo.root, ['gate', '--env', 'staging']).code).toBe(0);
    const records = join(repo.root, '.claude', 'processes');
    mkdirSync(records, { recursive: true });
    const before = snapshot(repo.root);
    const run = runCli(repo.root, ['deploy', '--env', 'staging'], {}, ['bwrap', '--bind', '/', '/', '--ro-bind', records, records, '--dev', '/dev', '--proc', '/proc', '--']);
    expectCleanRefusal(run, 1, 'deploy');
    expect(run.stderr).toMatch(new RegExp(`Cannot open ${records.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/deployment-v1\\.1\\.0-[0-9-]+\\.json: the file system is read-only\\.`));
    expect(run.stderr).toContain('EROFS');
    expect(existsSync(marker)).toBe(false); // the provider never ran
    expect(snapshot(repo.root)).toEqual(before);
  });
});
