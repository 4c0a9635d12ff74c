/**
 * A provider whose output is coloured (ANSI escapes, as most CLIs print on a terminal) and fails: the
 * deployment record quotes that output, and a record is read in editors, on GitHub and by the model.
 * Its control characters are written as visible escapes, never raw, in the Markdown record (exec/
 * already drops ESC from output tails; the renderer holds the line for every other field too).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFixtureRepo, FIXTURE_FILES, type FixtureRepo } from '../server/helpers.js';
import { runCli } from '../faults/cli-harness.js';
import { renderRecordMarkdown } from '../../mcp-server/src/records/render-record.js';
import type { DeploymentRecord } from '../../mcp-server/src/records/record-schema.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let repo: FixtureRepo;
beforeAll(() => {
  repo = createFixtureRepo({
    ...FIXTURE_FILES,
    'shipgate.config.yaml': `app: fixture-app\nenvironments:\n  staging:\n    provider: { type: command, deploy: ["sh", "-c", "printf '\\\\033[31mERROR\\\\033[0m database \\\\033]0;owned\\\\007 refused' >&2; exit 1"] }\n    gates: [gates/passing/SKILL.md]\n`,
  });
  writeFileSync(join(repo.root, 'feature.txt'), 'x\n');
  execFileSync('git', ['add', '-A'], { cwd: repo.root });
  execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-qm', 'feat: a feature'], { cwd: repo.root });
  expect(runCli(repo.root, ['bump']).code).toBe(0);
  expect(runCli(repo.root, ['gate', '--env', 'staging']).code).toBe(0);
});
afterAll(() => repo?.cleanup());

describe('a failing provider with coloured output', () => {
  it('the Markdown record shows the escapes as text and holds no raw control character', () => {
    const run = runCli(repo.root, ['deploy', '--env', 'staging']);
    expect(run.code, run.stderr).toBe(1);
    const dir = join(repo.root, '.claude', 'processes');
    const markdown = readdirSync(dir).filter((name) => name.endsWith('.md'));
    expect(markdown).toHaveLength(1);
    const text = readFileSync(join(dir, markdown[0]!), 'utf8');
    expect(text).toContain('ERROR');
    expect(text).not.toMatch(CONTROL);
    // Whatever a field holds (here a reason carrying raw escapes, as a record from another tool could),
    // the renderer writes it visibly escaped.
    const record = JSON.parse(readFileSync(join(dir, markdown[0]!.replace(/\.md$/, '.json')), 'utf8')) as DeploymentRecord;
    const rendered = renderRecordMarkdown({ ...record, reason: 'provider said \u001b[31mERROR\u001b[0m \u0000 \u009b2J' });
    expect(rendered).toContain('provider said \\x1b[31mERROR\\x1b[0m \\x00 \\x9b2J');
    expect(rendered).not.toMatch(CONTROL);
  });
});
