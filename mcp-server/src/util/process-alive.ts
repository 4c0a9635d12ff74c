/**
 * Whether the process that owns a lock, a journal or an in-progress record still runs. `kill(pid, 0)`
 * alone is not enough: a killed process whose parent has exited stays a zombie (state `Z`) where PID 1
 * does not reap orphans (containers), and it answers `kill(pid, 0)` forever; and a pid can be reused
 * by an unrelated process. On Linux the answer comes from /proc/<pid>/stat: gone, zombie or dead
 * (`Z`, `X`, `x`) is not alive, and a different start time is another process. Elsewhere `kill(pid, 0)`.
 *
 * Good: `isProcessAlive(holder.pid, holder.startTicks)` → false for a killed bump left as a zombie.
 * Bad:  `process.kill(pid, 0)` → true for that zombie: every rerun says "another bump is running".
 */
import { readFileSync } from 'node:fs';

const HAS_PROC = (() => {
  try {
    readFileSync('/proc/self/stat', 'utf8');
    return true;
  } catch {
    return false;
  }
})();

interface ProcStat {
  state: string;
  /** Start time in clock ticks after boot (field 22): with the pid, identifies one process. */
  startTicks: number;
}

function readProcStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) S ppid ..." where comm may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: fields[0] ?? '', startTicks: Number(fields[19]) };
}

/** The current process's start time (Linux), recorded next to its pid so a reused pid is not mistaken for it. */
export function processStartTicks(pid: number = process.pid): number | undefined {
  if (!HAS_PROC) return undefined;
  const stat = readProcStat(pid);
  return stat && Number.isFinite(stat.startTicks) ? stat.startTicks : undefined;
}

export function isProcessAlive(pid: number, startTicks?: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (HAS_PROC) {
    const stat = readProcStat(pid);
    if (!stat) return false;
    if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
    return startTicks === undefined || stat.startTicks === startTicks;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
