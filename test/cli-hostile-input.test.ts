/**
 * The built CLI against hostile and malformed arguments, command by command: every `--env` of every
 * command that takes one, output paths, formats and levels. Each is refused with exit 2, a message that
 * names the flag and shows what was found with its control characters escaped (an ANSI escape in an
 * argument never reaches the terminal raw), no stack trace, and nothing changed: git refs, the work
 * tree and the gate state are the same before and after, and no command text ran.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFixtureRepo, type FixtureRepo } from './server/helpers.js';
import { expectCleanRefusal, runCli, snapshot } from './faults/cli-harness.js';

let repo: FixtureRepo;
let canary: string;
let pwned: string;

beforeAll(() => {
  repo = createFixtureRepo();
  canary = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-cli-canary-')));
  pwned = join(canary, 'pwned');
});
afterAll(() => {
  repo?.cleanup();
  if (canary) rmSync(canary, { recursive: true, force: true });
});

/** argv cannot carry NUL (execve ends the string there) nor more than 128 KiB per word: the largest is 100 KB. */
const hostileNames = (): [string, string][] => [
  ['capitalised', 'Production'],
  ['path traversal', '../production'],
  ['absolute path', '/etc/passwd'],
  ['home', '~/production'],
  ['windows path', 'C:\\prod'],
  ['url-encoded', '%2e%2e%2fproduction'],
  ['unicode look-alike', 'ｐroduction'],
  ['newline', 'production\ntouch pwned'],
  ['ANSI escape', 'production\u001b[2J\u001b[31m'],
  ['bidi override', 'production\u202etxt.exe'],
  ['semicolon', `production; touch ${pwned}`],
  ['command substitution', `$(touch ${pwned})`],
  ['backticks', `\`touch ${pwned}\``],
  ['100 KB', 'p'.repeat(100_000)],
  ['empty', ''],
];

const ENV_COMMANDS: string[][] = [
  ['gate'],
  ['deploy'],
  ['deploy', '--dry-run'],
  ['rollback', '--reason', 'testing hostile input'],
  ['health'],
  ['runbook'],
  ['history'],
  ['verify'],
  ['attest', 'code_review', '--by', 'Ada', '--evidence', 'PR 12'],
];

describe('--env on every command', () => {
  it.each(ENV_COMMANDS.map((c) => [c.join(' '), c] as const))('%s: each hostile name is refused (exit 2), shown escaped, nothing changed', (_label, command) => {
    const before = snapshot(repo.root);
    for (const [label, value] of hostileNames()) {
      const run = runCli(repo.root, [...command, '--env', value]);
      const where = `${command.join(' ')} --env <${label}>`;
      expectCleanRefusal(run, 2, where);
      expect(run.stderr, where).toContain('The --env value is not a valid environment name.');
      expect(run.stderr, where).toContain('at: --env');
      expect(run.stderr, where).toMatch(/expected: a lowercase environment name/);
      expect(run.stderr, where).toMatch(/found: "/);
      expect(run.stderr.length, where).toBeLessThan(2_000); // the 100 KB value is not echoed back
      expect(run.stderr, where).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      // `found` is one line: a newline in the value is shown as \n, not a line break.
      expect(run.stderr.split('\n').find((l) => l.startsWith('  found:')), where).toMatch(/^ {2}found: "[^\n]*"$/);
    }
    expect(existsSync(pwned)).toBe(false);
    expect(snapshot(repo.root)).toEqual(before);
  }, 120_000);

  it('the --json error document names the flag and carries the value as found', () => {
    const run = runCli(repo.root, ['history', '--env', '../x', '--json']);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { code: 'usage', where: '--env', found: '"../x"' } });
  });

  it('a valid name that is not configured: "did you mean", on history too (no records under that name)', () => {
    for (const command of [['history'], ['deploy', '--dry-run'], ['health']]) {
      const run = runCli(repo.root, [...command, '--env', 'prodution']);
      expectCleanRefusal(run, 2, command.join(' '));
      expect(run.stderr).toContain('No environment named "prodution" in the configuration. Did you mean "production"?');
      expect(run.stderr).toContain('fix: Use --env production');
    }
  });
});

describe('runbook --output', () => {
  it('never writes into .git, over a non-runbook file, onto a folder, outside the project, or to a non-Markdown name', () => {
    writeFileSync(join(repo.root, 'NOTES.md'), '# My notes\n');
    symlinkSync(canary, join(repo.root, 'outside-link'));
    const before = snapshot(repo.root);
    const gitConfig = readFileSync(join(repo.root, '.git', 'config'), 'utf8');
    const cases: [string, RegExp][] = [
      ['.git/config', /inside \.git/],
      ['.git/hooks/pre-commit.md', /inside \.git/],
      ['sub/.GIT/x.md', /inside \.git/],
      ['package.json', /not a Markdown file/],
      ['NOTES.md', /already exists and is not a runbook/],
      ['gates', /not a Markdown file/],
      ['gates.md/..', /not a Markdown file|is a folder/],
      ['../escape.md', /points outside the project/],
      ['/etc/runbook.md', /points outside the project/],
      ['outside-link/runbook.md', /points outside the project/],
      [`x.md\n\u001b[2J`, /not a Markdown file/],
    ];
    for (const [value, message] of cases) {
      const run = runCli(repo.root, ['runbook', '--env', 'staging', '--output', value]);
      expectCleanRefusal(run, 2, value);
      expect(run.stderr, value).toMatch(message);
      expect(run.stderr, value).toContain('at: --output');
      expect(run.stderr, value).not.toMatch(/\u001b/);
    }
    expect(readFileSync(join(repo.root, '.git', 'config'), 'utf8')).toBe(gitConfig);
    expect(readFileSync(join(repo.root, 'NOTES.md'), 'utf8')).toBe('# My notes\n');
    expect(existsSync(join(canary, 'runbook.md'))).toBe(false);
    expect(snapshot(repo.root)).toEqual(before);
    rmSync(join(repo.root, 'NOTES.md'));
    rmSync(join(repo.root, 'outside-link'));
  });

  it('writes a new Markdown file, and replaces a runbook it wrote before', () => {
    const first = runCli(repo.root, ['runbook', '--env', 'staging', '--output', 'docs/runbook.md']);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(join(repo.root, 'docs', 'runbook.md'), 'utf8')).toMatch(/^# Runbook: fixture-app to staging/);
    const again = runCli(repo.root, ['runbook', '--env', 'production', '--output', 'docs/runbook.md']);
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(repo.root, 'docs', 'runbook.md'), 'utf8')).toMatch(/^# Runbook: fixture-app to production/);
    rmSync(join(repo.root, 'docs'), { recursive: true });
  });
});

describe('other words from the command line', () => {
  it('formats, levels and actions are refused quoted and bounded, never echoed raw', () => {
    const before = snapshot(repo.root);
    const value = `\u001b[2J${'x'.repeat(5_000)}`;
    for (const command of [['validate', '--format', value], ['verify', '--format', value], ['bump', value], ['learnings', value], ['learnings', 'show', '--format', value]]) {
      const run = runCli(repo.root, command);
      expectCleanRefusal(run, 2, command[0]);
      expect(run.stderr, command.join(' ').slice(0, 40)).not.toMatch(/\u001b/);
      expect(run.stderr.length, command[0]).toBeLessThan(3_000);
    }
    expect(snapshot(repo.root)).toEqual(before);
  });
});
