/**
 * Time as a dependency. Deploys, monitors, health retries and baselines read the time and wait only
 * through a Clock, so a test can run a 30-minute monitor window in milliseconds with a fake clock and
 * every timestamp in a record comes from the same source as the run's `now` (CLI, MCP, tests).
 *
 * Good: `await clock.sleep(interval, signal)` then check `signal.aborted`; `clock.now().toISOString()`.
 * Bad:  `new Date()` inside a step (a test cannot pin it) or `await new Promise((r) => setTimeout(r, ms))`
 *       in a loop that should stop on abort.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface Clock {
  now: () => Date;
  sleep: Sleep;
  /**
   * Monotonic milliseconds from an arbitrary origin: it never jumps when the wall clock is stepped (NTP,
   * a VM resumed, a hand-set date). How long a monitor window has run and how long a breach has held are
   * measured with it, so a wall-clock jump can neither end a window early as "healthy" nor stall it.
   * A fake clock may leave it out: its `now` is monotonic by construction.
   */
  elapsed?: () => number;
}

/** Waits `ms` or until the signal aborts, whichever comes first; never rejects. */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted || ms <= 0) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

export const systemClock: Clock = { now: () => new Date(), sleep: abortableSleep, elapsed: () => performance.now() };
