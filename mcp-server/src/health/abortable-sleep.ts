/**
 * Waits `ms` or until the signal aborts, whichever comes first; never rejects. Monitors and retries
 * sleep through this so Ctrl-C or a cancelled MCP call stops them at once, not after the interval.
 *
 * Good: `await abortableSleep(10_000, signal)` then check `signal.aborted`.
 * Bad:  `await new Promise((r) => setTimeout(r, 10_000))` in a loop that should stop on abort.
 */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

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
