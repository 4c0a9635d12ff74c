/**
 * A gate skill whose checks cannot be named (no id, an id that is not snake_case, an id used twice)
 * used to pass the gate and earn a receipt: receipts, attestations and records name checks by id. Such
 * a skill is now refused by the gate with file:line:col under the validator's rule ids, before any
 * check runs, and `shipgate validate` reports each problem once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { createFixtureRepo, type FixtureRepo } from '../server/helpers.js';
import { expectCleanRefusal, runCli, snapshot } from '../faults/cli-harness.js';

let repo: FixtureRepo;
let canary: string;
beforeAll(() => {
  repo = createFixtureRepo();
  canary = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-ids-')));
});
afterAll(() => {
  repo?.cleanup();
  rmSync(canary, { recursive: true, force: true });
});

const skill = (checks: string) => `---
name: passing-gate
description: Test gate.
---
# passing

<safety_gate type="blocking" phase="pre-deploy">
<purpose>x</purpose>
<checks>
${checks}
</checks>
</safety_gate>
`;
const check = (attributes: string, n: number) => `- <check${attributes}>\n  <command>touch ${canary}/ran-${n}</command>\n  <expected>exit code 0</expected>\n</check>`;

const CASES: [string, string, string, RegExp][] = [
  ['no id', check('', 1), '10:3', /Unexpected check without id, expected id="snake_case_name"\. \(check-id-format\)/],
  ['an id that is not snake_case', check(' id="Tests Pass; rm"', 1), '10:3', /Unexpected check id "Tests Pass; rm", expected snake_case .*\(check-id-format\)/],
  ['an id used twice', `${check(' id="tests_pass"', 1)}\n${check(' id="tests_pass"', 2)}`, '14:3', /Unexpected duplicate check id "tests_pass" \(first at line 10\).*\(check-id-unique\)/],
];

describe('a gate check that cannot be named', () => {
  it.each(CASES.map((c) => [c[0], c] as const))('%s: the gate refuses at file:line:col, runs nothing, issues no receipt', (label, [, checks, at, message]) => {
    writeFileSync(join(repo.root, 'gates/passing/SKILL.md'), skill(checks));
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@e', 'commit', '-qam', `test: ${label}`], { cwd: repo.root });
    const before = snapshot(repo.root);
    const run = runCli(repo.root, ['gate', '--env', 'staging']);
    expectCleanRefusal(run, 2, label);
    expect(run.stderr).toContain('The gate skill gates/passing/SKILL.md cannot be used');
    expect(run.stderr).toContain(`gates/passing/SKILL.md:${at} `);
    expect(run.stderr).toMatch(message);
    expect(existsSync(join(canary, 'ran-1')) || existsSync(join(canary, 'ran-2'))).toBe(false);
    expect(existsSync(join(statePaths(repo.root).receipts, 'staging.json'))).toBe(false);
    expect(snapshot(repo.root)).toEqual(before);
    // validate: the rule's own diagnostic, once.
    const lint = runCli(repo.root, ['validate', 'gates/passing/SKILL.md', '--format', 'json']);
    const diagnostics = JSON.parse(lint.stdout) as { ruleId: string; line: number }[] | { diagnostics: { ruleId: string; line: number }[] };
    const list = Array.isArray(diagnostics) ? diagnostics : diagnostics.diagnostics;
    const line = Number(at.split(':')[0]);
    expect(list.filter((d) => d.line === line && /^check-id-/.test(d.ruleId))).toHaveLength(1);
  });
});
