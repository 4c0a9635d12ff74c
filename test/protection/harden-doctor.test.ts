/**
 * `shipgate harden` and `shipgate doctor` on real temp projects: the settings harden writes use the
 * exact setting names of the Claude Code client in devDependencies (checked against the zod schema
 * bundled in its binary), merge without clobbering, refuse an invalid file; doctor reads all four
 * settings scopes, reports invalid JSON and a local file that turns the sandbox off.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, openSync, readSync, closeSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { makeSecurityProject, type SecurityProject } from '../security/project.js';
import { harden } from '../../mcp-server/src/protection/harden.js';
import { runDoctor } from '../../mcp-server/src/protection/doctor.js';
import { keyPaths, stateRoot } from '../../mcp-server/src/project/state-dir.js';
import { main } from '../../mcp-server/src/cli/main.js';
import { isTrustedPathEntry } from '../../mcp-server/src/exec/trusted-program.js';

const CLIENT = resolve(__dirname, '../../node_modules/@anthropic-ai/claude-code/bin/claude.exe');

let p: SecurityProject;
let home: string;
let env: NodeJS.ProcessEnv;
beforeEach(async () => {
  p = await makeSecurityProject();
  home = await mkdtemp(join(tmpdir(), 'shipgate-home-'));
  // The test runner puts node_modules/.bin first on PATH; a checkout in the temp folder (a CI clone) makes
  // that a folder the sandbox can write, which doctor rightly reports: give doctor the PATH a user's client has.
  const path = (process.env.PATH ?? '').split(delimiter).filter((dir) => isTrustedPathEntry(dir, p.root)).join(delimiter);
  env = { ...process.env, HOME: home, PATH: path };
});
afterEach(async () => {
  await p.cleanup();
  await rm(home, { recursive: true, force: true });
});

const settingsFile = () => join(p.root, '.claude/settings.json');
const readSettings = async () => JSON.parse(await readFile(settingsFile(), 'utf8')) as Record<string, any>;

/** Every occurrence of `needle` in the client binary, with `after` bytes that follow it (read in chunks). */
function occurrences(file: string, needle: string, after = 200): string[] {
  const fd = openSync(file, 'r');
  const size = statSync(file).size;
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  const out: string[] = [];
  try {
    for (let offset = 0; offset < size; offset += chunk.length - needle.length - after) {
      const read = readSync(fd, chunk, 0, chunk.length, offset);
      let at = chunk.indexOf(needle, 0, 'latin1');
      while (at !== -1 && at < read) {
        out.push(chunk.toString('latin1', at, Math.min(read, at + needle.length + after)));
        at = chunk.indexOf(needle, at + 1, 'latin1');
      }
      if (read < chunk.length) break;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}

describe('shipgate harden', () => {
  it('writes sandbox + permission settings for the state folder, key, gate files and production; the sandboxed level follows', async () => {
    const before = await runDoctor(p.root, { env, managed: join(home, 'none.json') });
    expect(before.level).toBe('signed');
    const result = await harden(p.root, { env });
    expect(result.written).toBe(true);
    const settings = await readSettings();
    expect(settings.sandbox).toMatchObject({ enabled: true, failIfUnavailable: true, allowUnsandboxedCommands: false });
    expect(settings.sandbox.filesystem.denyWrite).toEqual(expect.arrayContaining([stateRoot(env), 'shipgate.config.yaml', 'gates/release/SKILL.md', p.remote, '.claude/settings.json']));
    expect(settings.sandbox.filesystem.denyRead).toEqual(expect.arrayContaining([keyPaths(env).dir]));
    expect(settings.permissions.deny).toEqual(expect.arrayContaining([`Edit(/${stateRoot(env)}/**)`, `Read(/${keyPaths(env).dir}/**)`]));
    // What makes git run code is closed to the Write/Edit tools too (the sandbox covers only Bash).
    expect(settings.permissions.deny).toEqual(expect.arrayContaining(['Edit(**/.git/hooks/**)', 'Edit(**/.git/config)']));
    expect(settings.sandbox.filesystem.denyWrite).toEqual(expect.arrayContaining(['.git/hooks', '.git/config']));
    expect(settings.permissions.ask).toEqual(expect.arrayContaining(['Edit(**/shipgate.config.yaml)', 'Edit(**/gates/release/SKILL.md)']));
    const after = await runDoctor(p.root, { env, managed: join(home, 'none.json') });
    expect(after.checks.filter((c) => !c.ok && c.id !== 'bwrap-installed' && c.id !== 'socat-installed')).toEqual([]);
    expect(after.level).toBe(existsSync('/usr/bin/bwrap') && existsSync('/usr/bin/socat') ? 'sandboxed' : 'signed');
  });

  it('pins every folder above a write-denied project file (allowWrite), so none can be renamed; doctor is not "sandboxed" without the pins', async () => {
    await harden(p.root, { env });
    const settings = await readSettings();
    expect(settings.sandbox.filesystem.allowWrite).toEqual(['.claude', '.git', 'gates', 'gates/release']);
    expect((await runDoctor(p.root, { env, managed: join(home, 'none.json') })).checks.find((c) => c.id === 'denied-folders-pinned')).toMatchObject({ ok: true });
    // A settings file from before the pins (or one a human trimmed): doctor names what can be renamed.
    delete settings.sandbox.filesystem.allowWrite;
    await writeFile(settingsFile(), JSON.stringify(settings));
    const report = await runDoctor(p.root, { env, managed: join(home, 'none.json') });
    const check = report.checks.find((c) => c.id === 'denied-folders-pinned')!;
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('the sandbox can rename .claude, .git, gates, gates/release');
    expect(report.level).toBe('signed');
  });

  it('closes shipgate\'s own code (the plugin folder) to the sandbox and the Edit tool; doctor says when it is open; not when the project is inside it', async () => {
    const plugin = await mkdtemp(join(tmpdir(), 'shipgate-plugin-copy-'));
    try {
      await mkdir(join(plugin, '.claude-plugin'), { recursive: true });
      const withPlugin = { ...env, CLAUDE_PLUGIN_ROOT: plugin };
      // Hardened before the plugin folder was protected (an older harden): doctor names the gap.
      await harden(p.root, { env });
      const settingsWithoutPlugin = await readSettings();
      settingsWithoutPlugin.sandbox.filesystem.denyWrite = settingsWithoutPlugin.sandbox.filesystem.denyWrite.filter((entry: string) => !entry.includes('shipgate-plugin-copy-'));
      await writeFile(settingsFile(), JSON.stringify(settingsWithoutPlugin));
      const open = await runDoctor(p.root, { env: withPlugin, managed: join(home, 'none.json') });
      expect(open.checks.find((c) => c.id === 'plugin-code-write-denied')).toMatchObject({ ok: false });
      expect(open.level).not.toBe('sandboxed');
      await harden(p.root, { env: withPlugin });
      const settings = await readSettings();
      expect(settings.sandbox.filesystem.denyWrite).toContain(plugin);
      expect(settings.permissions.deny).toContain(`Edit(/${plugin}/**)`);
      const closed = await runDoctor(p.root, { env: withPlugin, managed: join(home, 'none.json') });
      expect(closed.checks.find((c) => c.id === 'plugin-code-write-denied')).toMatchObject({ ok: true });
      // shipgate gating its own repository: the project is the plugin folder, which must stay writable.
      await mkdir(join(p.root, '.claude-plugin'), { recursive: true });
      const self = await runDoctor(p.root, { env: { ...env, CLAUDE_PLUGIN_ROOT: p.root }, managed: join(home, 'none.json') });
      expect(self.checks.find((c) => c.id === 'plugin-code-write-denied')).toBeUndefined();
    } finally {
      await rm(plugin, { recursive: true, force: true });
    }
  });

  it('merges without clobbering: the user\'s own rules and keys stay; a second run changes nothing', async () => {
    await mkdir(join(p.root, '.claude'), { recursive: true });
    await writeFile(settingsFile(), JSON.stringify({ model: 'opus', permissions: { allow: ['Bash(npm test)'], deny: ['Read(.env)'] }, sandbox: { enabled: false, excludedCommands: ['docker'] } }, null, 2));
    const first = await harden(p.root, { env });
    expect(first.changes).toEqual(expect.arrayContaining([{ path: 'sandbox.enabled', change: 'changed from false to true' }]));
    const settings = await readSettings();
    expect(settings.model).toBe('opus');
    expect(settings.permissions.allow).toEqual(['Bash(npm test)']);
    expect(settings.permissions.deny[0]).toBe('Read(.env)');
    expect(settings.sandbox.excludedCommands).toEqual(['docker']);
    const again = await harden(p.root, { env });
    expect(again.changes).toEqual([]);
    expect(again.written).toBe(false);
  });

  it('refuses a settings file with invalid JSON and leaves it byte for byte', async () => {
    await mkdir(join(p.root, '.claude'), { recursive: true });
    await writeFile(settingsFile(), '{ "permissions": { "allow": [ }');
    await expect(harden(p.root, { env })).rejects.toThrow(/not valid JSON, so it was left as it is/);
    expect(await readFile(settingsFile(), 'utf8')).toBe('{ "permissions": { "allow": [ }');
  });

  it.runIf(existsSync(CLIENT))('uses setting names that the bundled Claude Code client schema declares, with the types it expects', async () => {
    await harden(p.root, { env });
    const settings = await readSettings();
    const sandboxKeys = occurrences(CLIENT, 'sandbox:new Set([', 400).map((s) => /sandbox:new Set\(\[([^\]]*)\]/.exec(s)?.[1] ?? '').find((s) => s.includes('failIfUnavailable'));
    expect(sandboxKeys, 'the client lists its known sandbox keys').toBeTruthy();
    for (const key of Object.keys(settings.sandbox)) expect(sandboxKeys).toContain(`"${key}"`);
    const permissionKeys = occurrences(CLIENT, 'permissions:new Set([', 200).map((s) => /permissions:new Set\(\[([^\]]*)\]/.exec(s)?.[1] ?? '').find((s) => s.includes('"ask"'));
    for (const key of Object.keys(settings.permissions)) expect(permissionKeys).toContain(`"${key}"`);
    const declared = (key: string, type: 'boolean' | 'array') => occurrences(CLIENT, `${key}:`, 60).some((s) => new RegExp(`^${key}:\\w+\\.${type === 'array' ? 'array\\(\\w+\\.string\\(\\)\\)' : 'boolean\\(\\)'}`).test(s));
    for (const key of ['enabled', 'failIfUnavailable', 'allowUnsandboxedCommands']) expect(declared(key, 'boolean'), key).toBe(true);
    for (const key of [...Object.keys(settings.sandbox.filesystem), ...Object.keys(settings.sandbox.network)]) expect(declared(key, 'array'), key).toBe(true);
  }, 120_000);

  it('through the CLI: --dry-run writes nothing, then harden writes and --json reports the changes', async () => {
    let out = '';
    const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    expect(await main(['harden', '--dry-run'], { cwd: p.root, stdout: sink, stderr: sink, env, now: () => new Date() })).toBe(0);
    expect(out).toContain('Would update');
    expect(existsSync(settingsFile())).toBe(false);
    out = '';
    expect(await main(['harden', '--json'], { cwd: p.root, stdout: sink, stderr: sink, env, now: () => new Date() })).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, written: true });
  });
});

describe('shipgate doctor', () => {
  it('reports an invalid settings file and a local file that turns the sandbox off, and is not "sandboxed" then', async () => {
    await harden(p.root, { env });
    await writeFile(join(p.root, '.claude/settings.local.json'), JSON.stringify({ sandbox: { enabled: false } }));
    await mkdir(join(home, '.claude'), { recursive: true });
    await writeFile(join(home, '.claude/settings.json'), '{ broken');
    const report = await runDoctor(p.root, { env, managed: join(home, 'none.json') });
    expect(report.level).toBe('signed');
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.id);
    expect(failed).toEqual(expect.arrayContaining(['settings-user-parses', 'local-keeps-sandbox', 'sandbox-enabled']));
    expect(report.checks.find((c) => c.id === 'sandbox-enabled')?.detail).toContain('settings.local.json');
    let out = '';
    const sink = { write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream;
    expect(await main(['doctor'], { cwd: p.root, stdout: sink, stderr: sink, env, now: () => new Date() })).toBe(1);
    expect(out).toContain('Protection level: signed');
    expect(out).toContain('✗ [sandboxed] local-keeps-sandbox');
  });

  it('says the old in-repository state is ignored, not migrated', async () => {
    await mkdir(join(p.root, '.claude/shipgate/receipts'), { recursive: true });
    await writeFile(join(p.root, '.claude/shipgate/attestations.jsonl'), '{}\n');
    const report = await runDoctor(p.root, { env, managed: join(home, 'none.json') });
    expect(report.notices.join('\n')).toMatch(/\(receipts, attestations\.jsonl\) is ignored since 0\.3\.0/);
  });
});
