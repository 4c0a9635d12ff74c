// A raw JSON-RPC client over stdio for cold-start benchmarks: spawn a server, send initialize, then
// notifications/initialized + tools/list, then (optionally) one tools/call; record when each answer
// arrived (milliseconds from spawn) and the server's CPU time at the tools/list answer. No SDK client,
// so the figures hold no client start-up or client-side schema work.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time the child has used so far, all threads (Linux /proc schedstat, nanoseconds on CPU).
 * Wall time on a busy machine mostly measures the neighbours; CPU time is the steadier figure.
 */
export function cpuMsOf(pid) {
  try {
    let ns = 0;
    for (const task of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0]);
    return ns / 1e6;
  } catch {
    return Number.NaN;
  }
}

/**
 * @param {{ name: string, argv: string[], env?: Record<string, string>, cwd: string, call?: { name: string, arguments: object } }} server
 * @returns {Promise<{ initializeMs: number, ms: number, cpuMs: number, tools: number, callMs?: number }>} ms = tools/list answered
 */
export function timeMcpSession(server) {
  return new Promise((resolvePromise, reject) => {
    const started = process.hrtime.bigint();
    const since = () => Number(process.hrtime.bigint() - started) / 1e6;
    const child = spawn(process.execPath, server.argv, { cwd: server.cwd, env: { ...process.env, ...server.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const figures = {};
    let buffer = '';
    let stderr = '';
    let done = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${server.name}: no answers within 30 s. stderr: ${stderr.slice(-500)}`));
    }, 30_000);
    const send = (message) => child.stdin.write(`${JSON.stringify(message)}\n`);
    const finish = () => {
      done = true;
      clearTimeout(timer);
      child.stdin.end();
      child.once('exit', () => resolvePromise(figures));
      setTimeout(() => child.kill('SIGKILL'), 2_000).unref();
    };
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.once('exit', (code) => {
      if (done) return;
      clearTimeout(timer);
      reject(new Error(`${server.name} exited with ${code} before answering. stderr: ${stderr.slice(-500)}`));
    });
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let newline;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (!line.trim()) continue;
        const message = JSON.parse(line);
        if (message.id === 1) {
          figures.initializeMs = since();
          send({ jsonrpc: '2.0', method: 'notifications/initialized' });
          send({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });
        } else if (message.id === 2) {
          figures.ms = since();
          figures.cpuMs = cpuMsOf(child.pid);
          figures.tools = message.result?.tools?.length ?? 0;
          if (!server.call) return finish();
          send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: server.call });
        } else if (message.id === 3) {
          figures.callMs = since();
          finish();
        }
      }
    });
    send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'shipgate-bench', version: '0' } } });
  });
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const loadAverage = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};
