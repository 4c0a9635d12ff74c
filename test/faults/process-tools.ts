/** Real-signal helpers for the fault tests: find a process by its command line in /proc and SIGKILL it. */
import { readdirSync, readFileSync } from 'node:fs';

/** PIDs of live (not zombie) processes whose argv contains every given fragment. */
export function pidsMatching(...fragments: string[]): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const state = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.[0];
      if (state !== 'Z' && fragments.every((f) => argv.some((a) => a.includes(f)))) found.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** SIGKILL every match and wait (bounded) until none is left; returns how many were killed. */
export async function killMatching(...fragments: string[]): Promise<number> {
  const pids = pidsMatching(...fragments);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  for (let i = 0; i < 100 && pidsMatching(...fragments).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return pids.length;
}
