/**
 * The confined runner, with real bubblewrap: a project command cannot see the hidden folders by any
 * path, git still works inside, and a timeout still ends everything the command started.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runArgv, runScript } from '../../mcp-server/src/exec/run.js';
import type { Confinement } from '../../mcp-server/src/exec/confine.js';
import { BlockedError } from '../../mcp-server/src/errors.js';

let base: string;
let state: string;
let key: string;
let project: string;
let confine: Confinement;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'shipgate-confine-'));
  state = join(base, 'home', 'state');
  key = join(state, 'key');
  project = join(base, 'project');
  mkdirSync(key, { recursive: true, mode: 0o700 });
  mkdirSync(join(state, 'projects', 'p', 'receipts'), { recursive: true });
  writeFileSync(join(key, 'hmac.key'), 'SECRET-KEY-MATERIAL');
  writeFileSync(join(state, 'projects', 'p', 'receipts', 'production.json'), '{"real":true}');
  mkdirSync(project);
  confine = { hidden: [state, key], required: true };
});
afterEach(() => rmSync(base, { recursive: true, force: true }));

describe('exec/confine: the project command does not see the state root or the key', () => {
  it('cat of the key and a receipt write fail; the real files are untouched', async () => {
    const result = await runScript(`cat "${key}/hmac.key"; ls -A "${state}"; echo forged > "${state}/projects/p/receipts/production.json" && echo WROTE`, { cwd: project, confine });
    expect(result.confined).toBe(true);
    expect(result.stdout).not.toContain('SECRET-KEY-MATERIAL');
    expect(result.stdout).not.toContain('WROTE');
    expect(result.stdout).not.toContain('projects');
    expect(readFileSync(join(state, 'projects', 'p', 'receipts', 'production.json'), 'utf8')).toBe('{"real":true}');
  });

  it('symlinks, absolute cds and /proc/<server pid>/root lead to the mask too', async () => {
    symlinkSync(join(key, 'hmac.key'), join(project, 'fixture.txt'));
    symlinkSync(state, join(project, 'state-link'));
    const result = await runScript(
      [`cat fixture.txt`, `ls -A state-link/`, `cd "${state}/key" && cat hmac.key`, `cat /proc/${process.pid}/root${key}/hmac.key`, `cat /proc/1/root${key}/hmac.key`, 'true'].join('; '),
      { cwd: project, confine },
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).not.toContain('SECRET-KEY-MATERIAL');
    expect(result.stderr).toMatch(/fixture\.txt: No such file/);
  });

  it('the mask cannot be unmounted, also by a command that runs as root, nor from a nested user namespace', async () => {
    const result = await runScript(`umount "${state}"; umount -l "${state}"; unshare -Urm sh -c 'umount -l "${state}"; cat "${key}/hmac.key"'; cat "${key}/hmac.key"; true`, { cwd: project, confine });
    expect(result.confined).toBe(true);
    expect(result.stdout).not.toContain('SECRET-KEY-MATERIAL');
    expect(result.stderr).toMatch(/umount/);
  });

  it('read-only paths can be read, not changed; a missing one is skipped', async () => {
    mkdirSync(join(project, 'hooks'));
    writeFileSync(join(project, 'config'), '[core]\n');
    const result = await runScript('cat config; echo "fsmonitor = evil" >> config; echo evil > hooks/pre-commit; echo done', { cwd: project, confine: { ...confine, readOnly: [join(project, 'config'), join(project, 'hooks'), join(project, 'missing')] } });
    expect(result.stdout).toContain('[core]');
    expect(result.stderr).toMatch(/Read-only file system/);
    expect(readFileSync(join(project, 'config'), 'utf8')).toBe('[core]\n');
    expect(readdirSync(join(project, 'hooks'))).toEqual([]);
  });

  it('a visible folder inside the state root (the trusted checkout) is the command\'s to use; the rest stays masked, also through ..', async () => {
    const tree = join(state, 'trees', '123-abc', 'tree');
    mkdirSync(tree, { recursive: true });
    writeFileSync(join(tree, 'deploy.sh'), 'echo from-the-checkout\n');
    const result = await runScript(
      ['sh deploy.sh', 'echo built > out.txt', `cat ../../../key/hmac.key`, `ls -A "${state}" "${state}/trees"`, `cat "${state}/projects/p/receipts/production.json"`, `echo forged > "${state}/projects/p/receipts/production.json" && echo WROTE`, 'true'].join('; '),
      { cwd: tree, confine: { ...confine, visible: [tree] } },
    );
    expect(result.confined).toBe(true);
    expect(result.stdout).toContain('from-the-checkout');
    expect(readFileSync(join(tree, 'out.txt'), 'utf8')).toBe('built\n');
    expect(result.stdout).not.toContain('SECRET-KEY-MATERIAL');
    expect(result.stdout).not.toContain('"real"');
    expect(result.stdout).not.toContain('WROTE');
    expect(result.stdout).not.toMatch(/projects|hmac/);
    expect(readFileSync(join(state, 'projects', 'p', 'receipts', 'production.json'), 'utf8')).toBe('{"real":true}');
  });

  it('the argv door is confined the same way (provider commands)', async () => {
    const result = await runArgv('cat', [join(key, 'hmac.key')], { cwd: project, confine });
    expect(result.confined).toBe(true);
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).not.toContain('SECRET-KEY-MATERIAL');
  });

  it('a hidden folder that does not exist yet is created 0700 first, so the command cannot plant a key there', async () => {
    const fresh = join(base, 'fresh-state', 'key');
    const result = await runScript(`mkdir -p "${fresh}" && echo attacker > "${fresh}/hmac.key" && echo PLANTED`, { cwd: project, confine: { hidden: [fresh], required: true } });
    expect(result.stdout).not.toContain('PLANTED');
    expect(existsSync(join(fresh, 'hmac.key'))).toBe(false);
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('the state folder and every folder above it cannot be moved away to swap in a fresh one with a planted key', async () => {
    const result = await runScript(`for d in "${state}" "${base}/home" "${base}"; do mv "$d" "$d.moved" && echo MOVED; rm -rf "$d" && echo REMOVED; done; mkdir -p "${key}" && echo attacker > "${key}/hmac.key"; true`, { cwd: project, confine });
    expect(result.stdout).not.toMatch(/MOVED|REMOVED/);
    expect(result.stderr).toMatch(/busy/i);
    expect(readFileSync(join(key, 'hmac.key'), 'utf8')).toBe('SECRET-KEY-MATERIAL');
  });

  it('a state folder replaced anyway (here: between the checks, by hand) makes the run throw', async () => {
    // The pins above make this impossible from inside; the identity check is the second line. A stand-in
    // for bwrap swaps the folder when it runs the command (the probe, without \`--\`, only succeeds).
    const standIn = join(base, 'bwrap-that-moves');
    writeFileSync(standIn, `#!/bin/sh\ncase " $* " in *" -- "*) mv "${base}/home" "${base}/moved" && mkdir -p "${key}" ;; esac\nexit 0\n`, { mode: 0o755 });
    const error = await runScript(`true`, { cwd: project, confine: { hidden: [state], required: true, bwrap: join(base, 'bwrap-that-moves') } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as BlockedError).message).toMatch(/replaced shipgate's state folder/);
    // Put things back for afterEach.
    rmSync(join(base, 'home'), { recursive: true, force: true });
    renameSync(join(base, 'moved'), join(base, 'home'));
  });

  it('git works inside a confined command (temp repository, commit, log)', async () => {
    const result = await runScript('git init -q . && git -c user.name=t -c user.email=t@e commit -q --allow-empty -m one && git log --format=%s', { cwd: project, confine });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toBe('one');
  });

  it('the network stays: a confined command reaches a server on 127.0.0.1', async () => {
    const { createServer } = await import('node:http');
    const server = createServer((_req, res) => res.end('pong'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const port = (server.address() as { port: number }).port;
      const result = await runArgv(process.execPath, ['-e', `fetch('http://127.0.0.1:${port}/').then(r => r.text()).then(t => console.log(t))`], { cwd: project, confine, timeoutMs: 20_000 });
      expect(result.stdout).toBe('pong');
    } finally {
      server.close();
    }
  });

  it('a timeout ends the whole tree, also a child that left the process group (setsid)', async () => {
    const marker = join(base, 'survived');
    const result = await runScript(`setsid sh -c 'sleep 1.5; touch "${marker}"' & sh -c 'sleep 1.5; touch "${marker}.2"' & wait`, { cwd: project, confine, timeoutMs: 400 });
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBe(124);
    // Bounded poll past the moment the children would have written their markers.
    const until = Date.now() + 2_500;
    while (Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(`${marker}.2`)).toBe(false);
  });

  it('required but bubblewrap missing: a teaching refusal, nothing runs', async () => {
    const marker = join(base, 'ran');
    const error = await runScript(`touch "${marker}"`, { cwd: project, confine: { ...confine, bwrap: join(base, 'no-bwrap') } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BlockedError);
    expect((error as BlockedError).describe()).toMatch(/apt-get install bubblewrap/);
    expect(existsSync(marker)).toBe(false);
  });

  it('not required and bubblewrap missing: runs unconfined and says so', async () => {
    const result = await runScript('echo ran', { cwd: project, confine: { hidden: [state], required: false, bwrap: join(base, 'no-bwrap') } });
    expect(result.stdout).toBe('ran');
    expect(result.confined).toBe(false);
  });
});

// bwrap must exist for this suite (CI installs it); fail loudly rather than skip.
execFileSync('bwrap', ['--version']);
