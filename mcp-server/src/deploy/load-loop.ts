/**
 * A bounded load loop on 127.0.0.1 for the demo and the benchmark: `rate` requests per second against
 * one URL until stopped, counting answers that are not 2xx and remembering when the first and last
 * failure happened and which version answered.
 */
export interface LoadStats {
  sent: number;
  ok: number;
  failed: number;
  firstFailureAt?: number;
  lastFailureAt?: number;
  versions: Record<string, number>;
}

export function startLoad(url: string, rate: number): { stats: LoadStats; stop(): Promise<LoadStats> } {
  const stats: LoadStats = { sent: 0, ok: 0, failed: 0, versions: {} };
  const inflight = new Set<Promise<void>>();
  let running = true;
  const intervalMs = 10;
  const perTick = rate / (1000 / intervalMs);
  let budget = 0;
  const timer = setInterval(() => {
    if (!running) return;
    budget += perTick;
    while (budget >= 1) {
      budget -= 1;
      stats.sent += 1;
      const request = fetch(url, { signal: AbortSignal.timeout(5_000) })
        .then(async (response) => {
          const version = response.headers.get('x-app-version') ?? 'unknown';
          stats.versions[version] = (stats.versions[version] ?? 0) + 1;
          await response.arrayBuffer();
          if (response.ok) stats.ok += 1;
          else fail();
        })
        .catch(() => fail())
        .finally(() => inflight.delete(request));
      inflight.add(request);
    }
  }, intervalMs);
  function fail(): void {
    stats.failed += 1;
    const now = Date.now();
    stats.firstFailureAt ??= now;
    stats.lastFailureAt = now;
  }
  return {
    stats,
    async stop() {
      running = false;
      clearInterval(timer);
      await Promise.all([...inflight]);
      return stats;
    },
  };
}
