/**
 * Hardened mode for real (issue #11): with the settings `shipgate harden` writes, a shell in the
 * bubblewrap sandbox those settings describe (test/protection/bwrap-from-settings.ts) cannot write gate
 * state, read the signing key, reach the "production" HTTP endpoint on 127.0.0.1, attest through a
 * pty or through a self-made MCP client, or deploy; while the MCP server started outside the sandbox
 * (as Claude Code starts it) gates and deploys to that endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { makeSecurityProject, WEDNESDAY, type SecurityProject } from '../security/project.js';
import { harden } from '../../mcp-server/src/protection/harden.js';
import { keyPaths, statePaths } from '../../mcp-server/src/project/state-dir.js';
import { recordAttestation } from '../../mcp-server/src/gates/attestations.js';
import { bwrapArgv } from './bwrap-from-settings.js';
import { checkoutTrustedTree } from '../../mcp-server/src/project/trusted-tree.js';

const CLI = resolve(__dirname, '../../mcp-server/dist/cli.js');
const CLIENT_SCRIPT = resolve(__dirname, 'fixtures/self-made-client.mjs');
const canSandbox = existsSync('/usr/bin/bwrap') && existsSync(CLI) && spawnSync('bwrap', ['--ro-bind', '/', '/', '--unshare-net', '--', 'true']).status === 0;

let p: SecurityProject;
let home: string;
let server: Server;
let port = 0;
const hits: string[] = [];
let settings: Record<string, unknown>;

function sandboxed(command: string[], input?: string) {
  return spawnSync('bwrap', bwrapArgv(settings, p.root, home, command), { encoding: 'utf8', input, env: { ...process.env, HOME: home }, timeout: 60_000 });
}

beforeAll(async () => {
  if (!canSandbox) return;
  server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    response.end('ok');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  port = (server.address() as { port: number }).port;
  p = await makeSecurityProject();
  home = await mkdtemp(join(tmpdir(), 'shipgate-sandbox-home-'));
  const deploy = [process.execPath, '-e', "fetch(process.argv[1],{method:'POST'}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))", `http://127.0.0.1:${port}/deploy/{sha}`];
  await p.write({
    'shipgate.config.yaml': `app: wall
environments:
  production:
    gates: [gates/release/SKILL.md]
    url: http://127.0.0.1:${port}
    provider: { type: command, deploy: ${JSON.stringify(deploy)} }
    strategy: { type: rolling }
    monitor: { duration: 1s, interval: 500ms }
`,
  });
  await harden(p.root, { env: { ...process.env, HOME: home } });
  settings = JSON.parse(await readFile(join(p.root, '.claude/settings.json'), 'utf8')) as Record<string, unknown>;
  await p.release('1.1.0', {});
  // The signing key exists (a human attested before): the sandbox must not be able to read it.
  await recordAttestation({ projectRoot: p.root, environment: 'production', checkId: 'code_review', by: 'Ada', evidence: 'PR #12', via: 'cli', now: WEDNESDAY });
}, 60_000);

afterAll(async () => {
  if (!canSandbox) return;
  await new Promise((done) => server.close(done));
  await p.cleanup();
  await rm(home, { recursive: true, force: true });
});

describe.runIf(canSandbox)('hardened mode (bubblewrap, settings from shipgate harden)', () => {
  it('the settings name the production endpoint, the state folder and the key', () => {
    expect(JSON.stringify(settings)).toContain('127.0.0.1');
    expect((settings as { sandbox: { filesystem: { denyRead: string[] } } }).sandbox.filesystem.denyRead).toContain(keyPaths().dir);
  });

  it('a sandboxed shell cannot write gate state (shell redirect, node -e), and nothing changes', () => {
    const receipts = statePaths(p.root).receipts;
    const attestations = statePaths(p.root).attestations;
    const before = readFileSync(attestations, 'utf8');
    const shell = sandboxed(['sh', '-c', `mkdir -p ${receipts} && echo '{"forged":true}' > ${receipts}/production.json`]);
    expect(shell.status).not.toBe(0);
    const node = sandboxed([process.execPath, '-e', `require('fs').appendFileSync(${JSON.stringify(attestations)}, '{"forged":true}\\n')`]);
    expect(node.status).not.toBe(0);
    expect(existsSync(join(receipts, 'production.json'))).toBe(false);
    expect(readFileSync(attestations, 'utf8')).toBe(before);
  });

  it('a sandboxed shell cannot leave code for git to run outside it (.git/hooks, .git/config)', () => {
    const config = readFileSync(join(p.root, '.git', 'config'), 'utf8');
    const hook = sandboxed(['sh', '-c', `printf '#!/bin/sh\\ncat key\\n' > ${join(p.root, '.git', 'hooks', 'post-commit')}`]);
    expect(hook.status).not.toBe(0);
    const monitor = sandboxed(['git', '-C', p.root, 'config', 'core.fsmonitor', 'cat key']);
    expect(monitor.status).not.toBe(0);
    expect(existsSync(join(p.root, '.git', 'hooks', 'post-commit'))).toBe(false);
    expect(readFileSync(join(p.root, '.git', 'config'), 'utf8')).toBe(config);
  });

  it('a sandboxed shell cannot rename a folder above a denied file to swap in its own (.git, .claude, the gate skill\'s folders); control: without the pins harden writes, it can', () => {
    const files = ['.git/config', '.claude/settings.json', 'gates/release/SKILL.md'].map((f) => [f, readFileSync(join(p.root, f), 'utf8')] as const);
    for (const folder of ['.git', '.claude', 'gates/release', 'gates']) {
      const moved = sandboxed(['sh', '-c', `cd ${p.root} && mv ${folder} ${folder}-away && mkdir -p ${folder} && echo swapped`]);
      expect(moved.stdout, folder).not.toContain('swapped');
      expect(moved.status, folder).not.toBe(0);
      expect(existsSync(join(p.root, `${folder}-away`)), folder).toBe(false);
    }
    for (const [file, text] of files) expect(readFileSync(join(p.root, file), 'utf8'), file).toBe(text);
    // Control: the same settings without allowWrite (what harden wrote before): the rename goes through.
    const { allowWrite: _pins, ...filesystem } = (settings as { sandbox: { filesystem: Record<string, unknown> } }).sandbox.filesystem;
    const unpinned = { ...settings, sandbox: { ...(settings as { sandbox: object }).sandbox, filesystem } };
    const control = spawnSync('bwrap', bwrapArgv(unpinned, p.root, home, ['sh', '-c', `cd ${p.root} && mv .git .git-away && mv .git-away .git && echo swapped`]), { encoding: 'utf8', env: { ...process.env, HOME: home } });
    expect(control.stdout).toContain('swapped');
    expect(readFileSync(join(p.root, '.git/config'), 'utf8')).toBe(files[0]![1]);
  });

  it('a sandboxed shell cannot change the checkout a deploy or rollback runs its scripts from (the temp folder it could)', async () => {
    const tree = await checkoutTrustedTree(p.root, p.git('rev-parse', 'HEAD'));
    try {
      const config = join(tree.root, 'shipgate.config.yaml');
      const before = readFileSync(config, 'utf8');
      const swap = sandboxed(['sh', '-c', `echo 'provider: evil' > ${config}`]);
      expect(swap.status).not.toBe(0);
      expect(swap.stderr).toMatch(/Read-only file system|Permission denied/);
      const plant = sandboxed(['sh', '-c', `mkdir -p ${join(tree.root, 'scripts')} && echo evil > ${join(tree.root, 'scripts', 'rollback.sh')}`]);
      expect(plant.status).not.toBe(0);
      expect(readFileSync(config, 'utf8')).toBe(before);
      expect(existsSync(join(tree.root, 'scripts', 'rollback.sh'))).toBe(false);
      // Control: the temp folder, where checkouts used to live, is writable from this sandbox.
      const temp = join(tmpdir(), `shipgate-sandbox-probe-${process.pid}`);
      expect(sandboxed(['sh', '-c', `echo reachable > ${temp}`]).status).toBe(0);
      await rm(temp, { force: true });
    } finally {
      await tree.remove();
    }
  });

  it('a sandboxed shell cannot read the signing key', () => {
    const key = readFileSync(keyPaths().file, 'utf8').trim();
    const read = sandboxed(['sh', '-c', `cat ${keyPaths().file}; ls -a ${keyPaths().dir}`]);
    expect(read.stdout).not.toContain(key);
    expect(read.stdout).not.toContain('hmac.key');
  });

  it('a sandboxed shell cannot reach the production endpoint on 127.0.0.1', () => {
    const before = hits.length;
    const reach = sandboxed([process.execPath, '-e', `fetch('http://127.0.0.1:${port}/deploy/forged',{method:'POST'}).then(r=>console.log('reached',r.status),e=>console.log('unreachable'))`]);
    expect(reach.stdout).toContain('unreachable');
    expect(hits.length).toBe(before);
  });

  it('attesting from the sandbox fails, through a pty (`script`) and through a self-made MCP client answering its own form', () => {
    const lines = () => readFileSync(statePaths(p.root).attestations, 'utf8').trim().split('\n').length;
    const before = lines();
    const pty = sandboxed(['script', '-qec', `${process.execPath} ${CLI} attest code_review --by Agent --evidence ok`, '/dev/null'], 'code_review\n');
    expect(pty.status).not.toBe(0);
    expect(pty.stdout + pty.stderr).toMatch(/cannot use the shipgate signing key|read-only file system|EROFS/i);
    const client = sandboxed([process.execPath, CLIENT_SCRIPT, CLI, p.root]);
    const answer = JSON.parse(client.stdout) as { isError: boolean; text: string };
    expect(answer.isError).toBe(true);
    expect(answer.text).toMatch(/cannot use the shipgate signing key/);
    expect(lines()).toBe(before);
  });

  it('a sandboxed `shipgate gate` + `shipgate deploy` changes nothing in production', () => {
    const before = hits.length;
    const gate = sandboxed([process.execPath, CLI, 'gate', '--env', 'production']);
    expect(gate.status).not.toBe(0);
    const deploy = sandboxed([process.execPath, CLI, 'deploy', '--env', 'production']);
    expect(deploy.status).not.toBe(0);
    expect(hits.length).toBe(before);
  });

  it('the MCP server started outside the sandbox (as Claude Code starts it) gates and deploys to the endpoint', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp'], cwd: p.root, env: { ...process.env, HOME: home, SHIPGATE_PROJECT_ROOT: p.root } as Record<string, string>, stderr: 'ignore' });
    const client = new Client({ name: 'claude-code-stand-in', version: '1.0.0' });
    await client.connect(transport);
    try {
      const gate = await client.callTool({ name: 'gate_check', arguments: { environment: 'production' } });
      expect(gate.isError, JSON.stringify(gate.content)).toBeFalsy();
      expect(gate.structuredContent).toMatchObject({ ok: true });
      const deployed = await client.callTool({ name: 'deploy', arguments: { environment: 'production' } }, undefined, { timeout: 120_000 });
      expect(deployed.isError, JSON.stringify(deployed.content)).toBeFalsy();
      expect(hits).toContain(`POST /deploy/${p.git('rev-parse', 'HEAD')}`);
    } finally {
      await client.close();
    }
  }, 120_000);
});
