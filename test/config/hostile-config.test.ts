/**
 * A malformed `shipgate.config.yaml`, through the built CLI: YAML syntax, binary bytes, wrong types,
 * unknown keys, bad environment names, and paths that leave the project or enter `.git`. Each is refused
 * with exit 2 at file:line:col (the line of the offending key or value), the key path and what was
 * expected; no check, provider or notify command runs and nothing changes (git refs, work tree, state).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfigText } from '../../mcp-server/src/config/load-config.js';
import { createFixtureRepo, FIXTURE_FILES, type FixtureRepo } from '../server/helpers.js';
import { expectCleanRefusal, runCli, snapshot } from '../faults/cli-harness.js';

let repo: FixtureRepo;
let canary: string;
const GOOD = FIXTURE_FILES['shipgate.config.yaml']!;

beforeAll(() => {
  canary = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-config-canary-')));
  // A staging gate that would leave a mark if it ever ran.
  repo = createFixtureRepo({ ...FIXTURE_FILES, 'gates/passing/SKILL.md': FIXTURE_FILES['gates/passing/SKILL.md']!.replace('<command>true</command>', `<command>touch ${canary}/ran</command>`) });
});
afterAll(() => {
  repo?.cleanup();
  if (canary) rmSync(canary, { recursive: true, force: true });
});

const withStaging = (extra: string) => `${GOOD}${extra}`;
/** The line number of the first line `withStaging` adds. */
const L = GOOD.split('\n').length;

/** [label, file bytes, line:col expected, text the message must carry] */
const CASES: [string, string | Buffer, string, RegExp][] = [
  ['unclosed flow mapping', 'app: x\nenvironments:\n  staging:\n    provider: { type: command, deploy: ["true"]\n', '5:1', /not valid YAML/],
  ['duplicate key', 'app: x\napp: y\n', '2:1', /not valid YAML: Map keys must be unique/],
  ['binary bytes', Buffer.concat([Buffer.from('app: x\nenv'), Buffer.from([0xff, 0xfe, 0x00, 0x01])]), '2:4', /is not text: it holds a NUL byte or bytes that are not UTF-8/],
  ['NUL byte', 'app: x\n  \u0000\n', '2:3', /is not text/],
  ['wrong type', withStaging('records:\n  dir: 5\n'), `${L + 1}:8`, /records\.dir: expected string, found 5/],
  ['unknown key', withStaging('colour: blue\n'), `${L}:1`, /\(top level\): unknown key "colour"/],
  ['bad environment name', 'app: x\nenvironments:\n  Prod:\n    provider: { type: command, deploy: ["true"] }\n', '3:3', /environments\.Prod: expected the key to be a lowercase environment name.*found "Prod"/],
  ['provider type', 'app: x\nenvironments:\n  staging:\n    provider: { type: ssh }\n', '4:23', /environments\.staging\.provider\.type: expected one of git-push\|command\|kubernetes, found "ssh"/],
  ['negative duration', 'app: x\nenvironments:\n  staging:\n    provider: { type: command, deploy: ["true"], timeout: -5s }\n', '4:59', /timeout: expected a duration/],
  ['records.dir absolute', withStaging('records: { dir: /tmp/elsewhere }\n'), `${L}:17`, /records\.dir: expected a path inside the project.*is absolute/],
  ['records.dir climbing', withStaging('records: { dir: ../../shared }\n'), `${L}:17`, /records\.dir: .*climbs with "\.\." and may point outside the project/],
  ['records.dir in .git', withStaging('records: { dir: .git/hooks }\n'), `${L}:17`, /records\.dir: .*is inside \.git/],
  ['learnings.dir home', withStaging('learnings: { dir: ~/lessons }\n'), `${L}:19`, /learnings\.dir: .*starts at a home folder/],
  ['changelog in .git', withStaging('versioning: { changelog: .GIT/config }\n'), `${L}:26`, /versioning\.changelog: .*is inside \.git/],
  ['version file outside', withStaging('versioning:\n  files:\n    - { path: ../other/package.json, key: version }\n'), `${L + 2}:15`, /versioning\.files\.0\.path: .*outside the project/],
  ['windows drive', withStaging('state: { file: "C:\\\\specs\\\\state.yaml" }\n'), `${L}:16`, /state\.file: .*is absolute/],
  ['monitor interval 0', 'app: x\nenvironments:\n  staging:\n    provider: { type: command, deploy: ["true"] }\n    monitor: { interval: 0s }\n', '5:26', /environments\.staging\.monitor\.interval: expected an interval of at least 10ms/],
  ['smoke tests outside', 'app: x\nenvironments:\n  staging:\n    provider: { type: command, deploy: ["true"] }\n    health: { smokeTests: /etc/passwd }\n', '5:27', /environments\.staging\.health\.smokeTests: .*is absolute/],
];

describe('a malformed configuration', () => {
  it.each(CASES.map((c) => [c[0], c] as const))('%s: exit 2 at file:line:col, nothing ran, nothing changed', (label, [, bytes, at, message]) => {
    const file = join(repo.root, 'shipgate.config.yaml');
    writeFileSync(file, bytes);
    try {
      const before = snapshot(repo.root);
      for (const command of [['gate', '--env', 'staging'], ['deploy', '--env', 'staging', '--dry-run'], ['history']]) {
        const run = runCli(repo.root, command);
        expectCleanRefusal(run, 2, `${label}: ${command[0]}`);
        expect(run.stderr, label).toMatch(message);
        expect(run.stderr, label).toContain(`at: ${file}:${at}`);
      }
      const json = runCli(repo.root, ['gate', '--env', 'staging', '--json']);
      expect(JSON.parse(json.stdout), label).toMatchObject({ ok: false, error: { code: 'config', where: `${file}:${at}` } });
      expect(existsSync(join(canary, 'ran')), label).toBe(false);
      expect(snapshot(repo.root), label).toEqual(before);
    } finally {
      writeFileSync(file, GOOD);
    }
  }, 60_000);

  it('`shipgate validate` reports the same problem at the same line', () => {
    writeFileSync(join(repo.root, 'shipgate.config.yaml'), withStaging('records: { dir: ../../shared }\n'));
    try {
      const run = runCli(repo.root, ['validate', '--format', 'json']);
      expect(run.code).toBe(1);
      const diagnostics = (JSON.parse(run.stdout) as { diagnostics?: { ruleId: string; line: number; column: number; message: string }[] }).diagnostics ?? (JSON.parse(run.stdout) as { ruleId: string; line: number; column: number; message: string }[]);
      expect(diagnostics.find((d) => d.ruleId === 'config-schema')).toMatchObject({ line: L, column: 17, message: expect.stringMatching(/records\.dir: .*outside the project/) });
    } finally {
      writeFileSync(join(repo.root, 'shipgate.config.yaml'), GOOD);
    }
  });

  it('paths inside the project stay accepted', () => {
    const config = parseConfigText(withStaging('records: { dir: ops/records }\nlearnings: { dir: .lessons }\nversioning: { changelog: docs/CHANGES.md, files: [{ path: app/package.json, key: version }] }\nstate: { file: "specs/*/state.yaml" }\n'), 'test.yaml');
    expect(config.records.dir).toBe('ops/records');
    expect(config.versioning.files[0]?.path).toBe('app/package.json');
  });
});
