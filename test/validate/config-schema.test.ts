/**
 * `shipgate validate` checks the project's shipgate.config.yaml too (issue #14.12): malformed YAML, a
 * wrong type and an unknown key each get file:line:col and exit 1; a valid config adds nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../mcp-server/src/cli/main.js';

let dir: string;

async function validate(...args: string[]): Promise<{ code: number; out: string }> {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c) => (out += String(c)));
  const code = await main(['validate', '--no-cache', ...args], { cwd: dir, stdout, stderr: new PassThrough(), env: {}, now: () => new Date() });
  return { code, out };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-config-validate-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('shipgate validate on the project configuration', () => {
  it('reports malformed YAML at file:line:col', async () => {
    await writeFile(join(dir, 'shipgate.config.yaml'), 'app: demo\nenvironments:\n  production:\n    provider: { type: git-push\n    strategy: rolling\n');
    const { code, out } = await validate();
    expect(code).toBe(1);
    expect(out).toMatch(/shipgate\.config\.yaml[\s\S]*\b5:5\s+error\s+Unexpected YAML syntax/);
  });

  it('reports a wrong type and an unknown key at their own lines (JSON output)', async () => {
    await writeFile(join(dir, 'shipgate.config.yaml'), 'app: demo\nenvironments:\n  production:\n    provider: { type: git-push }\n    strategy: rolling\n    colour: blue\n');
    const { code, out } = await validate('--json');
    expect(code).toBe(1);
    const doc = JSON.parse(out) as { diagnostics: { file: string; line: number; column: number; ruleId: string; message: string }[] };
    const own = doc.diagnostics.filter((d) => d.ruleId === 'config-schema').map((d) => [d.file, d.line, d.column, d.message]);
    expect(own).toEqual([
      ['shipgate.config.yaml', 5, 15, 'environments.production.strategy: expected object, found "rolling".'],
      ['shipgate.config.yaml', 6, 5, 'environments.production: unknown key "colour" (check the spelling).'],
    ]);
  });

  it('checks .claude/shipgate.yaml as well, and is quiet for a valid configuration', async () => {
    await mkdir(join(dir, '.claude'));
    await writeFile(join(dir, '.claude', 'shipgate.yaml'), 'environments:\n  production:\n    provider: { type: command, deploy: [./deploy.sh, "{version}"] }\n    monitor: { duration: soon }\n');
    const bad = await validate();
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/shipgate\.yaml[\s\S]*4:/);
    await writeFile(join(dir, '.claude', 'shipgate.yaml'), 'environments:\n  production:\n    provider: { type: command, deploy: [./deploy.sh, "{version}"] }\n    monitor: { duration: 30m }\n');
    const good = await validate('--json');
    expect(good.code).toBe(0);
    expect(JSON.parse(good.out).diagnostics).toEqual([]);
  });

  it('validates a config file given by path', async () => {
    await writeFile(join(dir, 'shipgate.config.yaml'), 'app: 7\n');
    const { code, out } = await validate('shipgate.config.yaml');
    expect(code).toBe(1);
    expect(out).toMatch(/1:6\s+error\s+app: expected string, found 7/);
  });
});
