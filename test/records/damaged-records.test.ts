/**
 * Damaged deployment records (the JSON siblings shipgate reads to find aborted deploys and history):
 * empty, truncated, another version, the wrong shape, binary, a folder where a record belongs, a file
 * where the records folder belongs. The CLI and the MCP server refuse with the file named and what is
 * wrong; never an internal error, never "no deployments" (that would hide an aborted deploy), and
 * nothing changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect, createFixtureRepo, errorCodeOf, textOf, type Connected, type FixtureRepo } from '../server/helpers.js';
import { expectCleanRefusal, runCli, snapshot } from '../faults/cli-harness.js';

let repo: FixtureRepo;
let session: Connected;
let records: string;
beforeAll(async () => {
  repo = createFixtureRepo();
  records = join(repo.root, '.claude', 'processes');
  session = await connect({ projectRoot: repo.root });
});
afterAll(async () => {
  await session?.close();
  repo?.cleanup();
});

const RECORD = 'deployment-v1.0.0-2026-03-01.json';
const DAMAGED: [string, string | Buffer, number, RegExp][] = [
  ['empty', '', 2, /A deployment record is damaged.*\n.*\n.*\n\s+found: invalid JSON/],
  ['truncated', '{"v":1,"kind":"deploy","environ', 2, /found: invalid JSON/],
  ['another version', '{"v":99}', 2, /found: v: Invalid literal value, expected 1/],
  ['a list', '[]', 2, /found: Expected object, received array/],
  ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x1b, 0x5b, 0x32, 0x4a]), 2, /found: invalid JSON/],
];

describe('a damaged deployment record', () => {
  it.each(DAMAGED.map((d) => [d[0], d] as const))('%s: history, deploy --dry-run and deployment_status name the file', async (label, [, bytes, code, found]) => {
    mkdirSync(records, { recursive: true });
    const file = join(records, RECORD);
    writeFileSync(file, bytes);
    try {
      const before = snapshot(repo.root);
      for (const command of [['history'], ['deploy', '--env', 'staging', '--dry-run']]) {
        const run = runCli(repo.root, command);
        expectCleanRefusal(run, code, `${label}: ${command[0]}`);
        expect(run.stderr).toContain(`at: ${file}`);
        expect(run.stderr).toMatch(found);
        expect(run.stderr).not.toMatch(/\u001b/);
      }
      const result = await session.client.callTool({ name: 'deployment_status', arguments: {} });
      expect(result.isError, label).toBe(true);
      expect(errorCodeOf(result), label).toBe('config');
      expect(textOf(result)).toContain(`at: ${file}`);
      expect(snapshot(repo.root)).toEqual(before);
    } finally {
      rmSync(records, { recursive: true, force: true });
    }
  });

  it('a folder where a record file belongs: "a folder where a file is expected", at that path (exit 1)', async () => {
    mkdirSync(join(records, RECORD), { recursive: true });
    try {
      const run = runCli(repo.root, ['history']);
      expectCleanRefusal(run, 1, 'history');
      expect(run.stderr).toContain(`Cannot read ${join(records, RECORD)}: a folder where a file is expected.`);
      const result = await session.client.callTool({ name: 'deployment_status', arguments: {} });
      expect(errorCodeOf(result)).toBe('failed');
      expect(textOf(result)).toContain(join(records, RECORD));
    } finally {
      rmSync(records, { recursive: true, force: true });
    }
  });

  it('a file where the records folder belongs: refused, never read as "no deployments yet"', async () => {
    mkdirSync(join(records, '..'), { recursive: true });
    writeFileSync(records, 'not a folder\n');
    try {
      const run = runCli(repo.root, ['history']);
      expectCleanRefusal(run, 1, 'history');
      expect(run.stdout).not.toContain('No deployments recorded yet');
      expect(run.stderr).toContain(`Cannot read ${records}: a file where a folder is expected`);
      const result = await session.client.callTool({ name: 'deployment_status', arguments: {} });
      expect(result.isError).toBe(true);
      expect(errorCodeOf(result)).toBe('failed');
    } finally {
      rmSync(records, { force: true });
    }
  });

  it('an environment that is neither configured nor recorded: "did you mean" from history and deployment_status', async () => {
    const result = await session.client.callTool({ name: 'deployment_status', arguments: { environment: 'prodution' } });
    expect(errorCodeOf(result)).toBe('config');
    expect(textOf(result)).toContain('No environment named "prodution" in the configuration. Did you mean "production"?');
    const known = await session.client.callTool({ name: 'deployment_status', arguments: { environment: 'production' } });
    expect(known.isError).toBeFalsy();
  });

  it('no records folder at all is simply no deployments', () => {
    const run = runCli(repo.root, ['history']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No deployments recorded yet');
  });
});
