/**
 * The BUILT server, as Claude Code starts it: `node mcp-server/dist/cli.js mcp` over stdio. The SDK's
 * Client + StdioClientTransport lists the tools and runs gate_check on a real repository; the MCP
 * Inspector CLI (pinned dev dependency) does the same from the outside; read-only mode from the
 * environment; and the process exits by itself when the client closes stdin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { promisify } from 'node:util';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { tool as gateCheck } from '../../mcp-server/src/server/tools/gate-check.js';
import { serverProjectRoot, serverProjectStart } from '../../mcp-server/src/server/stdio.js';
import { createFixtureRepo, textOf, type FixtureRepo } from './helpers.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const cli = resolve(repoRoot, 'mcp-server/dist/cli.js');
const inspector = resolve(repoRoot, 'node_modules/.bin/mcp-inspector');
const run = promisify(execFile);
const BUILD_LOCK = '/tmp/build.lock';

async function stdioClient(env: Record<string, string>, extraArgs: string[] = []): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp', ...extraArgs], env: { ...getDefaultEnvironment(), ...env }, stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const client = new Client({ name: 'shipgate-stdio-test', version: '0.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr };
}

/**
 * Source modules and packages the built `shipgate mcp` path loads statically: esbuild's metafile for the
 * same build options, walked from the cli entry through the `mcp` command chunk and the stdio chunk,
 * following import statements only (dynamic imports are what tool handlers load on first call).
 */
async function staticModulesOfMcpCommand(): Promise<{ front: string[]; server: string[] }> {
  const { buildOptions } = (await import(pathToFileURL(join(repoRoot, 'scripts/build.mjs')).href)) as { buildOptions: (outdir: string) => Record<string, unknown> };
  const outdir = mkdtempSync(join(tmpdir(), 'shipgate-meta-'));
  try {
    const { metafile } = await esbuild({ ...buildOptions(outdir), write: false, metafile: true, logLevel: 'silent' } as Parameters<typeof esbuild>[0] & { metafile: true });
    const outputs = metafile.outputs;
    const outRel = relative(repoRoot, outdir);
    const byEntry = (entry: string) => {
      const found = Object.entries(outputs).find(([, o]) => o.entryPoint === entry);
      if (!found) throw new Error(`no output for ${entry}`);
      return found[0];
    };
    let modules = new Set<string>();
    const seen = new Set<string>();
    const walk = (output: string) => {
      if (seen.has(output)) return;
      seen.add(output);
      const meta = outputs[output]!;
      for (const input of Object.keys(meta.inputs)) {
        const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        modules.add(pkg ? `node_modules/${pkg[1]}` : input);
      }
      for (const imported of meta.imports) if (imported.kind === 'import-statement' && !imported.external) walk(imported.path);
    };
    walk(`${outRel}/cli.js`);
    walk(byEntry('mcp-server/src/cli/commands/mcp.ts'));
    walk(byEntry('mcp-server/src/server/stdio.ts'));
    const front = [...modules];
    modules = new Set<string>(front);
    walk(byEntry('mcp-server/src/server/create-server.ts')); // what the front loads once initialize and tools/list are answered
    return { front, server: [...modules] };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * Hold a shared lock on the build lock while these tests run, so a parallel `npm run build` (which
 * empties dist/ first) waits instead of pulling the bundle away mid-test. Released in afterAll.
 */
async function holdSharedBuildLock(): Promise<ChildProcess> {
  const holder = spawn('flock', ['-s', BUILD_LOCK, process.execPath, '-e', "process.stdout.write('locked\\n'); process.stdin.resume();"], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((done, fail) => {
    holder.stdout!.once('data', () => done());
    holder.once('error', fail);
    holder.once('exit', (code) => fail(new Error(`flock exited with ${code}`)));
  });
  return holder;
}

describe('built server over stdio', () => {
  let repo: FixtureRepo;
  let lock: ChildProcess | undefined;

  beforeAll(async () => {
    // The bundle is built once before every test file (test/global-build.ts).
    lock = await holdSharedBuildLock();
    repo = createFixtureRepo();
  }, 180_000);
  afterAll(() => {
    lock?.stdin?.end();
    lock?.kill();
    repo?.cleanup();
  });

  it('lists the tools and runs gate_check (SDK client)', async () => {
    const { client, stderr } = await stdioClient({ SHIPGATE_PROJECT_ROOT: repo.root });
    try {
      expect(client.getServerVersion()?.name).toBe('shipgate');
      expect(client.getServerCapabilities()?.logging).toBeDefined();
      const { tools } = await client.listTools();
      expect(tools).toHaveLength(11);
      const passing = await client.callTool({ name: 'gate_check', arguments: { environment: 'staging' } });
      expect(passing.isError, `${textOf(passing)}\n${stderr()}`).toBeFalsy();
      const output = z.object(gateCheck.outputSchema).strict().parse(passing.structuredContent);
      expect(output).toMatchObject({ ok: true, commit: repo.head });
      const blocked = await client.callTool({ name: 'gate_check', arguments: { environment: 'production' } });
      expect(blocked.structuredContent).toMatchObject({ ok: false, blockedBy: ['always_false'] });
    } finally {
      await client.close();
    }
  });

  it('SHIPGATE_READ_ONLY=1 hides and refuses write tools in the built server too', async () => {
    const { client } = await stdioClient({ SHIPGATE_PROJECT_ROOT: repo.root, SHIPGATE_READ_ONLY: '1' });
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).not.toContain('gate_check');
      expect(names).not.toContain('deploy');
      const refused = await client.callTool({ name: 'deploy', arguments: {} });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toContain('read-only mode');
    } finally {
      await client.close();
    }
  });

  it('`shipgate mcp --read-only` does the same as the env variable; CLAUDE_PROJECT_DIR names the project', async () => {
    const { client } = await stdioClient({ CLAUDE_PROJECT_DIR: repo.root }, ['--read-only']);
    try {
      const names = (await client.listTools()).tools.map((t) => t.name);
      expect(names).not.toContain('gate_check');
      expect(names.length).toBeGreaterThan(0);
      const resource = await client.readResource({ uri: 'shipgate://learnings' });
      expect(resource.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    } finally {
      await client.close();
    }
    expect(serverProjectStart({ SHIPGATE_PROJECT_ROOT: '/a', CLAUDE_PROJECT_DIR: '/b' }, '/c')).toBe('/a');
    expect(serverProjectStart({ CLAUDE_PROJECT_DIR: '/b' }, '/c')).toBe('/b');
    expect(serverProjectStart({}, '/c')).toBe('/c');
    // Claude Code launched in a subfolder: the server still works on the repository (nearest config).
    mkdirSync(join(repo.root, 'app', 'src'), { recursive: true });
    expect(await serverProjectRoot({ CLAUDE_PROJECT_DIR: join(repo.root, 'app', 'src') }, '/c')).toBe(realpathSync(repo.root));
  });

  it('cold start: `shipgate mcp` answers tools/list before loading the SDK or zod, and its server loads no Markdown parser, validator or skill parser', async () => {
    const { front, server: modules } = await staticModulesOfMcpCommand();
    // Until initialize and tools/list are answered (from the build-time manifest), only the front runs.
    expect(front).toContain('mcp-server/src/server/stdio-front.ts');
    expect(front.filter((m) => /^node_modules\/|^mcp-server\/src\/server\/(create-server|tools\/)/.test(m))).toEqual([]);
    expect(modules).toContain('mcp-server/src/server/create-server.ts'); // the walk found the server
    const forbidden = modules.filter((m) => /^node_modules\/(remark-|unified|mdast|micromark|gray-matter|fast-xml-parser)|^mcp-server\/src\/(validate|skill)\//.test(m));
    expect(forbidden).toEqual([]);
    // The heavier cores stay behind import() too: tool handlers load them on first call.
    // (learnings/resource-descriptor.ts is the import-free metadata of the learnings resource;
    // config/names.ts the zod-only names every tool's arguments use; config/free-text*.ts the one check of
    // free text, which the rollback tool's `reason` schema uses: zod and errors.ts only.)
    const light = ['mcp-server/src/learnings/resource-descriptor.ts', 'mcp-server/src/config/names.ts', 'mcp-server/src/config/free-text.ts', 'mcp-server/src/config/free-text-schema.ts'];
    const lateable = modules.filter(
      (m) => !light.includes(m) && /^node_modules\/(yaml|execa|semver|conventional-commits-parser)$|^mcp-server\/src\/(config|release|deploy|gates|learnings)\//.test(m),
    );
    expect(lateable).toEqual([]);
  });

  it('exits with code 0 when the client closes stdin', async () => {
    const child = spawn(process.execPath, [cli, 'mcp'], { cwd: repo.root, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    child.stdin.end();
    const code = await Promise.race([exited, new Promise<'timeout'>((done) => setTimeout(() => done('timeout'), 10_000))]);
    if (code === 'timeout') child.kill('SIGKILL');
    expect(code, stderr).toBe(0);
  });

  it('the MCP Inspector CLI lists the tools and calls gate_check', async () => {
    const common = [cli, 'mcp', '-e', `SHIPGATE_PROJECT_ROOT=${repo.root}`];
    const listed = await run(inspector, ['--cli', process.execPath, ...common, '--method', 'tools/list'], { cwd: repo.root, timeout: 60_000 });
    const names = (JSON.parse(listed.stdout) as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['gate_check', 'gate_attest', 'deploy', 'validate_skills']));

    const called = await run(inspector, ['--cli', process.execPath, ...common, '--method', 'tools/call', '--tool-name', 'gate_check', '--tool-arg', 'environment=production'], { cwd: repo.root, timeout: 60_000 });
    const result = JSON.parse(called.stdout) as { structuredContent: { ok: boolean; blockedBy: string[]; commit: string } };
    expect(result.structuredContent).toMatchObject({ ok: false, blockedBy: ['always_false'], commit: repo.head });
  }, 120_000);
});
