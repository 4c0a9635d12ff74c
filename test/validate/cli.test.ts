/**
 * `shipgate validate` through the real dispatcher (cli/main.ts) on real plugin folders: exit codes
 * 0 / 1 / 1-with-strict / 2, and every formatter (stylish grouping and TTY-only colour, json, SARIF 2.1.0
 * structure, GitHub workflow commands). The last test runs the BUILT bundle on 250 skills so the
 * worker-thread pool is used, and checks it finds exactly what the in-process engine finds.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../mcp-server/src/cli/main.js';
import { validatePaths } from '../../mcp-server/src/validate/engine.js';
import { collectFiles } from '../../mcp-server/src/validate/collect-files.js';
import { RULES } from '../../mcp-server/src/validate/rules/index.js';
// @ts-expect-error plain ESM bench helper without types
import { generateCorpus } from '../../bench/lib/skill-corpus.mjs';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'validate');
const work = mkdtempSync(join(tmpdir(), 'shipgate-validate-cli-'));
const clean = join(work, 'clean');
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(async () => {
  await generateCorpus(clean, 3);
});

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY = false) { super(); }
  override _write(chunk: Buffer, _encoding: string, callback: () => void) { this.text += chunk.toString(); callback(); }
}

async function run(args: string[], options: { cwd?: string; tty?: boolean } = {}) {
  const stdout = new Capture(options.tty === true);
  const stderr = new Capture();
  const code = await main(['validate', ...args], { cwd: options.cwd ?? ROOT, stdout, stderr, env: { SHIPGATE_NO_CACHE: '1' }, now: () => new Date() });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('shipgate validate: exit codes', () => {
  test('0 on a clean plugin, with a summary line', async () => {
    const r = await run([clean]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/5 files checked, no problems/);
  });

  test('default path is the current folder', async () => {
    const r = await run([], { cwd: clean });
    expect(r.code).toBe(0);
  });

  test('1 on errors', async () => {
    const r = await run([join(FIXTURES, 'check-id-format', 'bad')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('check-id-format');
  });

  test('warnings pass, unless --strict', async () => {
    const dir = join(FIXTURES, 'description-what-when-not', 'bad');
    const result = await validatePaths(['.'], { cwd: dir, cache: false });
    expect(result.errorCount).toBe(0);
    expect(result.warningCount).toBeGreaterThan(0);
    expect((await run([dir])).code).toBe(0);
    expect((await run([dir, '--strict'])).code).toBe(1);
  });

  test('2 on an unknown format or a missing path', async () => {
    const format = await run([clean, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('Unknown format "xml"');
    const missing = await run([join(work, 'does-not-exist')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('No such file or folder');
    const json = await run([join(work, 'does-not-exist'), '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { code: 'usage' } });
  });
});

describe('shipgate validate: formatters', () => {
  const bad = join(FIXTURES, 'check-decider', 'bad');

  test('stylish groups by file, colours only on a TTY', async () => {
    const plain = await run([bad]);
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    expect(plain.stdout).toMatch(/SKILL\.md\n {2}\d+:\d+ +error {2}.*check-decider/);
    expect(plain.stdout).toMatch(/✖ \d+ problems \(\d+ errors?, \d+ warnings?\)/);
    const tty = await run([bad], { tty: true });
    expect(tty.stdout).toMatch(/\u001b\[31merror/);
  });

  test('--json and --format json print one JSON document', async () => {
    for (const args of [['--json'], ['--format', 'json']]) {
      const r = await run([bad, ...args]);
      const doc = JSON.parse(r.stdout);
      expect(doc.ok).toBe(false);
      expect(doc.errorCount).toBeGreaterThan(0);
      expect(doc.diagnostics[0]).toMatchObject({ ruleId: expect.any(String), line: expect.any(Number), column: expect.any(Number), docsUrl: expect.stringContaining('rules.md#') });
    }
  });

  test('SARIF 2.1.0 has the structure GitHub code scanning needs', async () => {
    const r = await run([bad, '--format', 'sarif']);
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('shipgate');
    expect(driver.rules.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining(RULES.map((x) => x.meta.id)));
    expect(log.runs[0].results.length).toBeGreaterThan(0);
    for (const result of log.runs[0].results) {
      expect(driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      const location = result.locations[0].physicalLocation;
      expect(location.artifactLocation.uri).toMatch(/SKILL\.md$/);
      expect(location.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location.region.startColumn).toBeGreaterThanOrEqual(1);
    }
  });

  test('github prints one workflow command per diagnostic', async () => {
    const r = await run([bad, '--format', 'github']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+(,endLine=\d+)?(,endColumn=\d+)?,title=[a-z-]+::.+/);
    expect(r.stdout).toContain('title=check-decider::');
  });
});

describe('built bundle', () => {
  const cli = join(ROOT, 'mcp-server', 'dist', 'cli.js');
  test('uses worker threads for many files and finds what the in-process engine finds', async () => {
    // Never a silent skip: without the bundle this test fails and says how to build it.
    expect(existsSync(cli), `${cli} is missing: run \`npm run build\` first`).toBe(true);
    const corpus = join(work, 'many');
    await generateCorpus(corpus, 250);
    const broken = join(corpus, 'skills', 'deploy-service-0100', 'SKILL.md');
    writeFileSync(broken, '---\nname: Wrong_Name\ndescription: I deploy.\n---\n<safety_gate type="blocking">\n<checks>\n<check id="Bad">\n</check>\n</checks>\n</safety_gate>\n');
    const child = spawnSync(process.execPath, [cli, 'validate', corpus, '--json'], { cwd: work, encoding: 'utf8', env: { ...process.env, SHIPGATE_NO_CACHE: '1', SHIPGATE_VALIDATE_STATS: '1', SHIPGATE_WORKERS: 'always' }, timeout: 120_000 });
    expect(child.status).toBe(1);
    expect(JSON.parse(child.stderr.trim().split('\n').pop()!)).toMatchObject({ workers: true });
    const fromBundle = JSON.parse(child.stdout);
    const inProcess = await validatePaths([corpus], { cwd: work, cache: false });
    expect(fromBundle.filesChecked).toBe(252);
    expect(fromBundle.diagnostics).toEqual(inProcess.diagnostics);
    expect(inProcess.diagnostics.map((d) => d.ruleId)).toEqual(expect.arrayContaining(['name-format', 'check-id-format', 'check-decider', 'description-what-when-not', 'gate-needs-mission-and-rollback']));
  }, 120_000);

  test('with the cache on, workers hash the files they read: a re-run is all cache hits with the same output', async () => {
    expect(existsSync(cli), `${cli} is missing: run \`npm run build\` first`).toBe(true);
    const corpus = join(work, 'cached-many');
    await generateCorpus(corpus, 120);
    writeFileSync(join(corpus, 'skills', 'deploy-service-0007', 'SKILL.md'), '---\nname: Wrong_Name\ndescription: I deploy.\n---\n');
    const cwd = join(work, 'cached-cwd');
    mkdirSync(cwd, { recursive: true });
    const runBundle = () => spawnSync(process.execPath, [cli, 'validate', corpus, '--json'], { cwd, encoding: 'utf8', env: { ...process.env, SHIPGATE_NO_CACHE: undefined, SHIPGATE_VALIDATE_STATS: '1', SHIPGATE_WORKERS: 'always' }, timeout: 120_000 });
    const first = runBundle();
    const second = runBundle();
    const statsOf = (child: ReturnType<typeof runBundle>) => JSON.parse(child.stderr.trim().split('\n').pop()!) as { cacheHits: number; workers: boolean; workerJobs: number };
    expect(first.status).toBe(1);
    expect(statsOf(first)).toMatchObject({ cacheHits: 0, workers: true });
    const markdown = collectFiles([corpus], cwd).files.filter((f) => f.type === 'markdown').length;
    expect(markdown).toBeGreaterThanOrEqual(120);
    expect(statsOf(second)).toMatchObject({ cacheHits: markdown, workers: true });
    expect(second.stdout).toBe(first.stdout);
    const inProcess = await validatePaths([corpus], { cwd, cache: false });
    expect(JSON.parse(first.stdout).diagnostics).toEqual(inProcess.diagnostics);
  }, 120_000);

  test('what the bundle loads on demand (config schema, cache) works there: a bad config and a cached re-run find what the sources find', () => {
    // import() in the bundle resolves chunks, not node_modules: a source-only test cannot see a broken one.
    expect(existsSync(cli), `${cli} is missing: run \`npm run build\` first`).toBe(true);
    const project = join(work, 'configured');
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, 'shipgate.config.yaml'), 'app: demo\nenvironments:\n  production:\n    provider: { type: ssh }\n    strategy: { type: rolling }\n    colour: blue\n');
    const runBundle = () => spawnSync(process.execPath, [cli, 'validate', '.', '--json'], { cwd: project, encoding: 'utf8', env: { ...process.env, SHIPGATE_NO_CACHE: undefined, SHIPGATE_VALIDATE_STATS: '1' }, timeout: 60_000 });
    const first = runBundle();
    const second = runBundle();
    for (const child of [first, second]) {
      expect(child.status).toBe(1);
      const ids = JSON.parse(child.stdout).diagnostics.map((d: { ruleId: string }) => d.ruleId);
      expect(ids).not.toContain('internal-rule-error');
      expect(ids.filter((id: string) => id === 'config-schema').length).toBeGreaterThanOrEqual(2);
    }
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
  }, 120_000);
});
