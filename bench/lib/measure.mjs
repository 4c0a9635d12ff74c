// Shared bench helper: run a command as a child, return wall time and peak RSS.
// Peak RSS comes from GNU time (`/usr/bin/time -v`) when present, else from a tiny Node wrapper that
// reports the child's process.resourceUsage().maxRSS. No shell: argv only.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** @returns {{ ms: number, cpuMs: number | null, rssMb: number | null, status: number | null, stdout: string, stderr: string }} */
export function measure(argv, options = {}) {
  const [command, ...args] = argv;
  const started = process.hrtime.bigint();
  // GNU time writes its report to a file: a Node child may leave the shared stderr pipe non-blocking,
  // which truncates (and fails) a report written there.
  const reportDir = GNU_TIME ? mkdtempSync(join(tmpdir(), 'shipgate-bench-')) : null;
  const child = GNU_TIME
    ? spawnSync(GNU_TIME, ['-v', '-o', join(reportDir, 'time.txt'), command, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], ...options })
    : spawnSync(command, args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], ...options });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  let rssMb = null;
  let status = child.status;
  let cpuMs = null;
  const stderr = child.stderr ?? '';
  if (reportDir) {
    let report = '';
    try {
      report = readFileSync(join(reportDir, 'time.txt'), 'utf8');
    } catch {
      // no report: leave rss unknown
    }
    rmSync(reportDir, { recursive: true, force: true });
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (match) rssMb = Number(match[1]) / 1024;
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const system = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
    const exit = /Exit status: (\d+)/.exec(report);
    if (exit) status = Number(exit[1]);
  }
  return { ms, cpuMs, rssMb, status, stdout: child.stdout ?? '', stderr };
}

export function formatTable(header, rows) {
  const widths = header.map((h, i) => Math.max(String(h).length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
