/**
 * A clock for tests: `now` starts at a fixed date and moves only when someone sleeps, so a 30-minute
 * monitor window or a canary pause runs in milliseconds of real time. Sleeping yields to the event loop
 * (real HTTP probes still answer) and returns at once when the signal has fired.
 */
import type { Clock } from '../../mcp-server/src/util/clock.js';

export interface FakeClock extends Clock {
  /** Total time slept so far. */
  elapsedMs: () => number;
}

export function fakeClock(start = new Date('2026-03-04T10:00:00Z')): FakeClock {
  let elapsed = 0;
  return {
    now: () => new Date(start.getTime() + elapsed),
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      elapsed += Math.max(0, ms);
      await new Promise<void>((resolve) => setImmediate(resolve));
    },
    elapsedMs: () => elapsed,
  };
}
