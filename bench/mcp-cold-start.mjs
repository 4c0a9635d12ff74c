// Cold start of the shipgate MCP server next to the reference filesystem server: time from spawn
// until the answer to `tools/list` (after `initialize` + `notifications/initialized`), median of N
// runs each, interleaved so machine noise hits both alike. Two clients: raw JSON-RPC lines (no client
// start-up in the figure) and the SDK's own Client + StdioClientTransport (what the issue measures:
// connect() spawns the server, then listTools()).
//
// Usage: node bench/mcp-cold-start.mjs [--runs 7] [--json] [--cli PATH]   (PATH: another built cli.js)
// Needs the built bundle (`npm run build`). Goal: shipgate <= half the filesystem server's time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { cpuMsOf, loadAverage, median, timeMcpSession } from './lib/mcp-raw-session.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 7;
const asJson = args.includes('--json');
const cliIndex = args.indexOf('--cli');
const cli = cliIndex >= 0 ? resolve(args[cliIndex + 1]) : join(root, 'mcp-server/dist/cli.js');

const scratch = mkdtempSync(join(tmpdir(), 'shipgate-bench-'));
const servers = [
  { name: 'shipgate', argv: [cli, 'mcp'], env: { SHIPGATE_PROJECT_ROOT: scratch } },
  { name: 'server-filesystem', argv: [join(root, 'node_modules/@modelcontextprotocol/server-filesystem/dist/index.js'), scratch], env: {} },
];

/** Raw JSON-RPC: spawn → initialize → tools/list, from bench/lib/mcp-raw-session.mjs. */
const measure = (server) => timeMcpSession({ ...server, cwd: scratch });

/** The SDK client's view: connect() (spawn + initialize) then listTools(); milliseconds until tools arrive. */
async function measureWithSdkClient(server) {
  const started = process.hrtime.bigint();
  const transport = new StdioClientTransport({ command: process.execPath, args: server.argv, cwd: scratch, env: { ...getDefaultEnvironment(), ...process.env, ...server.env }, stderr: 'ignore' });
  const client = new Client({ name: 'shipgate-bench', version: '0' });
  await client.connect(transport);
  // When the tools/list answer reached the client, before the client's own work on it (the SDK client
  // compiles an Ajv validator for every outputSchema it is given: a cost of the client, not the server).
  let arrived = 0n;
  const deliver = transport.onmessage;
  transport.onmessage = (message) => {
    arrived = process.hrtime.bigint();
    deliver?.(message);
  };
  const { tools } = await client.listTools();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const arrivedMs = Number(arrived - started) / 1e6;
  const cpuMs = transport.pid ? cpuMsOf(transport.pid) : Number.NaN;
  await client.close();
  return { ms, arrivedMs, cpuMs, tools: tools.length };
}

try {
  const round = (v) => Math.round(v * 10) / 10;
  const loadNow = loadAverage;
  const loadBefore = loadNow();
  const summary = { runs, node: process.version, loadAverageBefore: loadBefore, clients: {} };
  for (const [client, measureOne] of [['raw JSON-RPC', measure], ['SDK Client + StdioClientTransport', measureWithSdkClient]]) {
    const samples = Object.fromEntries(servers.map((s) => [s.name, []]));
    const cpuSamples = Object.fromEntries(servers.map((s) => [s.name, []]));
    const arrivedSamples = Object.fromEntries(servers.map((s) => [s.name, []]));
    const tools = {};
    for (const server of servers) await measureOne(server); // warm the OS file cache once, not measured
    for (let i = 0; i < runs; i += 1) {
      for (const server of servers) {
        const { ms, arrivedMs, cpuMs, tools: count } = await measureOne(server);
        samples[server.name].push(ms);
        if (arrivedMs !== undefined) arrivedSamples[server.name].push(arrivedMs);
        cpuSamples[server.name].push(cpuMs);
        tools[server.name] = count;
      }
    }
    const result = Object.fromEntries(
      servers.map((s) => [s.name, { medianMs: round(median(samples[s.name])), ...(arrivedSamples[s.name].length ? { answerArrivedMedianMs: round(median(arrivedSamples[s.name])) } : {}), medianCpuMs: round(median(cpuSamples[s.name])), tools: tools[s.name], samplesMs: samples[s.name].map((v) => Math.round(v)) }]),
    );
    const ratio = result.shipgate.medianMs / result['server-filesystem'].medianMs;
    const cpuRatio = result.shipgate.medianCpuMs / result['server-filesystem'].medianCpuMs;
    const arrivedRatio = result.shipgate.answerArrivedMedianMs / result['server-filesystem'].answerArrivedMedianMs;
    summary.clients[client] = { ...result, ratio: Math.round(ratio * 100) / 100, cpuRatio: Math.round(cpuRatio * 100) / 100, ...(Number.isFinite(arrivedRatio) ? { answerArrivedRatio: Math.round(arrivedRatio * 100) / 100 } : {}), goal: 'ratio <= 0.5', met: ratio <= 0.5 };
  }
  summary.loadAverageAfter = loadNow();
  if (asJson) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    process.stdout.write(`MCP cold start (spawn → initialize → tools/list), median of ${runs}, node ${process.version}, load average (1/5/15 min) ${loadBefore} before, ${summary.loadAverageAfter} after\n`);
    for (const [client, result] of Object.entries(summary.clients)) {
      process.stdout.write(` client: ${client}\n`);
      for (const server of servers) {
        const r = result[server.name];
        const arrivedNote = r.answerArrivedMedianMs !== undefined ? `, answer at the client after ${r.answerArrivedMedianMs} ms` : '';
        process.stdout.write(`  ${server.name.padEnd(18)} ${String(r.medianMs).padStart(7)} ms wall, ${String(r.medianCpuMs).padStart(7)} ms server CPU${arrivedNote}  (${r.tools} tools; wall runs: ${r.samplesMs.join(', ')})\n`);
      }
      const arrivedText = result.answerArrivedRatio !== undefined ? `, ${result.answerArrivedRatio} until the answer arrives (before the client's own schema compiling)` : '';
      process.stdout.write(`  ratio shipgate / filesystem: ${result.ratio} wall, ${result.cpuRatio} CPU${arrivedText} (goal <= 0.5: ${result.met ? 'met' : 'NOT met'})\n`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
