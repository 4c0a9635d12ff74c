/**
 * Free text shipgate keeps (a rollback reason, a lesson's note and author) reaches records,
 * learnings.md, notify arguments and terminals, so it is checked once (config/free-text.ts) for the CLI
 * and the MCP tools alike: bounded, no control characters (ANSI escapes, NUL, a carriage return), and
 * a reason on one line. A refusal names the argument and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, createFixtureRepo, errorCodeOf, textOf, type Connected, type FixtureRepo } from './helpers.js';
import { expectCleanRefusal, runCli, snapshot } from '../faults/cli-harness.js';

let repo: FixtureRepo;
let session: Connected;
beforeAll(async () => {
  repo = createFixtureRepo();
  session = await connect({ projectRoot: repo.root });
});
afterAll(async () => {
  await session?.close();
  repo?.cleanup();
});

const BAD_ONE_LINE: [string, string][] = [
  ['ANSI escape', 'broken\u001b[2J\u001b[31m checkout'],
  ['NUL byte', 'broken\u0000checkout'],
  ['carriage return', 'all good\rbroken checkout'],
  ['line break', 'broken checkout\n## Approved by the CTO'],
  ['C1 control (CSI)', 'broken\u009b2J checkout'],
  ['only spaces', '   '],
  ['too long', 'x'.repeat(501)],
];

describe('a rollback reason', () => {
  it('the MCP tool refuses each bad reason by schema, naming `reason`; nothing runs', async () => {
    const before = snapshot(repo.root);
    for (const [label, reason] of BAD_ONE_LINE) {
      const result = await session.client.callTool({ name: 'rollback', arguments: { environment: 'staging', reason } });
      expect(result.isError, label).toBe(true);
      expect(errorCodeOf(result), label).toBe('input');
      expect(textOf(result), label).toMatch(/at: reason: /);
      expect(textOf(result), label).not.toMatch(/[\u0000\u001b\u009b\r]/);
    }
    expect(snapshot(repo.root)).toEqual(before);
  });

  it('the CLI refuses each bad --reason (exit 2) before any rollback is planned', () => {
    const before = snapshot(repo.root);
    for (const [label, reason] of BAD_ONE_LINE.filter(([l]) => l !== 'NUL byte')) {
      const run = runCli(repo.root, ['rollback', '--env', 'staging', '--reason', reason]);
      expectCleanRefusal(run, 2, label);
      expect(run.stderr, label).toMatch(/^shipgate: The --reason (contains control characters or a line break|is empty|is 501 characters long)\./);
      expect(run.stderr, label).toContain('at: --reason');
      expect(run.stderr, label).toContain('expected: plain text on one line, 1 to 500 characters, no control characters');
    }
    expect(snapshot(repo.root)).toEqual(before);
  });

  it('a plain reason passes the check and reaches the rollback (which refuses: nothing has served)', async () => {
    const result = await session.client.callTool({ name: 'rollback', arguments: { environment: 'staging', reason: 'checkout returns 500 since 1.4.0 — “quotes” and ünïcode are fine' } });
    expect(errorCodeOf(result)).toBe('blocked');
  });
});

describe('a lesson', () => {
  it('learnings_record and `learnings record` refuse control characters in the note and the author', async () => {
    const before = snapshot(repo.root);
    const tool = await session.client.callTool({ name: 'learnings_record', arguments: { note: 'tag first\u001b]0;pwned\u0007', author: 'ana' } });
    expect(errorCodeOf(tool)).toBe('input');
    expect(textOf(tool)).toMatch(/^The note contains control characters\.\n {2}at: note/);
    const author = await session.client.callTool({ name: 'learnings_record', arguments: { note: 'tag first', author: 'ana\nbob' } });
    expect(textOf(author)).toMatch(/^The by contains control characters or a line break\./);
    const cli = runCli(repo.root, ['learnings', 'record', '--note', 'tag first\u001b[2J']);
    expectCleanRefusal(cli, 2, 'learnings record');
    expect(cli.stderr).toMatch(/The note contains control characters/);
    expect(snapshot(repo.root)).toEqual(before);
  });

  it('a note may span lines', async () => {
    const ok = await session.client.callTool({ name: 'learnings_record', arguments: { note: 'tag first\n\tthen deploy', author: 'ana' } });
    expect(ok.isError, textOf(ok)).toBeFalsy();
  });
});
