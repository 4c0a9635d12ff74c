/**
 * How many worker threads a validation may start. A worker pays off only on a core nobody else wants:
 * the main thread keeps one core busy, and a worker that has to share a core with it (or with another
 * process) takes CPU time from the main thread, which then finishes later than it would alone
 * (measured at load 2 on 2 cores: 1.3x the wall time of one thread). So workers are started only for
 * cores that are idle now, as far as the system can tell: the 1-minute load average (slow to notice a
 * burst) and, on Linux, the tasks running at this instant (quick to notice one). SHIPGATE_WORKERS=
 * always|never overrides (SHIPGATE_NO_WORKERS=1 is the older spelling of never).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** More workers than this gain nothing measurable on the corpora we measured; each costs ~10 MiB and a cold start. */
const MAX_WORKERS = 3;

export interface CoreReading {
  setting: 'always' | 'never' | 'auto';
  cores: number;
  /** The 1-minute load average. */
  load1: number;
  /** Tasks running right now outside this process, when the system says (Linux: /proc). */
  runningOthers: number | undefined;
}

/**
 * Workers for the cores left idle once the main thread has one: a core counts when at least half of it
 * is free. `always` starts at least one, whatever the load.
 */
export function workerCount(reading: CoreReading): number {
  const most = Math.max(0, Math.min(MAX_WORKERS, reading.cores - 1));
  if (reading.setting === 'never') return 0;
  if (reading.setting === 'always') return Math.max(1, most);
  const busy = Math.max(reading.load1, reading.runningOthers ?? 0);
  return Math.max(0, Math.min(most, Math.round(reading.cores - 1 - busy)));
}

/** SHIPGATE_WORKERS (or the older SHIPGATE_NO_WORKERS=1); anything else is `auto`. Cheap: no system reading. */
export function workerSetting(env: NodeJS.ProcessEnv = process.env): CoreReading['setting'] {
  const given = env.SHIPGATE_WORKERS ?? (env.SHIPGATE_NO_WORKERS === '1' ? 'never' : 'auto');
  return given === 'always' || given === 'never' ? given : 'auto';
}

export function readCores(env: NodeJS.ProcessEnv = process.env): CoreReading {
  const setting = workerSetting(env);
  return { setting, cores: availableParallelism(), load1: loadavg()[0] ?? 0, runningOthers: setting === 'auto' ? runningOthers() : undefined };
}

/**
 * Tasks running right now that are not ours: /proc/loadavg's fourth field is `running/total` over the
 * whole system, and counts this thread and any of this process's threads that are busy too (V8 compiles
 * and collects garbage on threads of its own), which /proc/self/task/<tid>/stat tells apart.
 */
function runningOthers(): number | undefined {
  try {
    const running = Number(readFileSync('/proc/loadavg', 'latin1').split(' ')[3]?.split('/')[0]);
    if (!Number.isFinite(running)) return undefined;
    let ours = 0;
    for (const task of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${task}/stat`, 'latin1');
        // The state follows the command name, which is in parentheses and may itself hold spaces or ')'.
        if (stat[stat.lastIndexOf(')') + 2] === 'R') ours += 1;
      } catch {
        // The thread ended meanwhile: not running.
      }
    }
    return Math.max(0, running - Math.max(1, ours));
  } catch {
    return undefined;
  }
}
