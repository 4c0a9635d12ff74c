// Where `shipgate mcp`'s cold start goes, phase by phase, next to @modelcontextprotocol/server-filesystem
// (the peer of issue #16), medians of N interleaved runs on the built bundle:
//   1. Node itself           `node -e 0`, spawn to exit
//   2. module loading        `node cli.js --version`, spawn to exit: the CLI entry and its static imports
//   3. own init + initialize spawn → initialize answered (project root found, the stdio front answering
//                            from the build-time manifest; server-filesystem: SDK + zod loaded first)
//   4. handshake             initialize answered → tools/list answered
//   5. the server behind it  tools/list answered → first tools/call answered (shipgate: the SDK, zod and
//                            createServer load in the background after tools/list, then deployment_status)
// Prints a Markdown table and, with --write, records it in bench/cold-start-profile.md.
// Usage: node bench/cold-start-profile.mjs [--runs 9] [--write]. Run both sides in one environment
// (`env -u NODE_EXTRA_CA_CERTS` on this sandbox, where that variable slows every Node start).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, median, timeMcpSession } from './lib/mcp-raw-session.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 9;
const cli = join(root, 'mcp-server/dist/cli.js');
const scratch = mkdtempSync(join(tmpdir(), 'shipgate-profile-'));

const spawnMs = (argv) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, argv, { stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${argv.join(' ')} exited with ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const servers = {
  shipgate: { name: 'shipgate', argv: [cli, 'mcp'], env: { SHIPGATE_PROJECT_ROOT: scratch }, cwd: scratch, call: { name: 'deployment_status', arguments: {} } },
  filesystem: {
    name: 'server-filesystem',
    argv: [join(root, 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js'), scratch],
    cwd: scratch,
    call: { name: 'list_allowed_directories', arguments: {} },
  },
};

try {
  const loadBefore = loadAverage();
  const samples = { node: [], version: [], shipgate: [], filesystem: [] };
  spawnMs(['-e', '0']);
  for (const server of Object.values(servers)) await timeMcpSession(server); // warm the file cache
  for (let i = 0; i < runs; i += 1) {
    samples.node.push(spawnMs(['-e', '0']));
    samples.version.push(spawnMs([cli, '--version']));
    samples.shipgate.push(await timeMcpSession(servers.shipgate));
    samples.filesystem.push(await timeMcpSession(servers.filesystem));
  }
  const loadAfter = loadAverage();
  const m = (values) => median(values);
  const phase = (key, pick) => m(samples[key].map(pick));
  const node = m(samples.node);
  const row = (key) => {
    const init = phase(key, (s) => s.initializeMs);
    const list = phase(key, (s) => s.ms);
    const call = phase(key, (s) => s.callMs);
    return { init, list, call, handshake: list - init, behind: call - list };
  };
  const ship = row('shipgate');
  const fs = row('filesystem');
  const version = m(samples.version);
  const f = (v) => `${v.toFixed(1)} ms`;
  const lines = [
    `Cold start, phase by phase: medians of ${runs} interleaved runs, node ${process.version}, load average (1/5/15 min) ${loadBefore} before, ${loadAfter} after.`,
    '',
    '| phase | shipgate | server-filesystem |',
    '|---|---|---|',
    `| 1. Node itself (\`node -e 0\`, spawn to exit) | ${f(node)} | ${f(node)} |`,
    `| 2. module loading (\`cli.js --version\` − \`node -e 0\`) | ${f(version - node)} | (in 3) |`,
    `| 3. spawn → initialize answered | ${f(ship.init)} | ${f(fs.init)} |`,
    `| 4. initialize → tools/list answered | ${f(ship.handshake)} | ${f(fs.handshake)} |`,
    `| **spawn → tools/list answered** | **${f(ship.list)}** | **${f(fs.list)}** (ratio ${(ship.list / fs.list).toFixed(2)}) |`,
    `| 5. tools/list → first tools/call answered | ${f(ship.behind)} (SDK + zod + server load, then deployment_status) | ${f(fs.behind)} (list_allowed_directories) |`,
    `| server CPU at tools/list | ${f(phase('shipgate', (s) => s.cpuMs))} | ${f(phase('filesystem', (s) => s.cpuMs))} |`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
  if (args.includes('--write')) {
    const header = [
      '# Cold-start profile of `shipgate mcp`',
      '',
      'Written by `node bench/cold-start-profile.mjs --write` (figures depend on the machine and its load; the ratio is what to compare).',
      '',
      'A client waits for `tools/list` before the session is usable. Most of a Node MCP server\'s cold start is',
      'evaluating the SDK\'s protocol schemas (zod): about 100 ms on this machine, before any of its own code runs.',
      '`shipgate mcp` therefore answers `initialize`, `ping` and the parameterless lists from a manifest computed',
      'at build time from the SDK server itself (`mcp-server/src/server/tools-manifest.ts`, embedded by',
      '`scripts/build.mjs`), and loads the SDK, zod and `createServer()` in the background once `tools/list` is',
      'answered; the connection is then handed over (`stdio-front.ts`, `handover-transport.ts`, `stdio.ts`),',
      'with the client\'s `initialize` replayed so the SDK server knows its capabilities. Phase 5 is where that',
      'load went: the first tool call pays it, unless the client was idle long enough for it to finish.',
      '',
    ];
    writeFileSync(join(root, 'bench/cold-start-profile.md'), `${header.join('\n')}\n${lines.join('\n')}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
