/**
 * Deploys still running inside this process after the `deploy` tool answered (`waitForMonitor: false`).
 *
 * Why: a client gives each MCP tool call a time limit; at the limit it cancels the call, and a cancelled
 * deploy is aborted and rolled back even when the release is healthy (measured in the real Claude Code
 * with MCP_TOOL_TIMEOUT below the monitor window). A 30-minute monitor window must not depend on that
 * limit, so the deploy can answer once traffic is shifted and the monitor has started, keep watching
 * here, and `deployment_status` follows it (waiting a bounded time per call).
 *
 * Imports nothing, so records/ can ask "is this in-progress record mine and alive?" without a cycle.
 *
 * Good: `track('production', promise)` → deployment_status shows `in_progress` and can wait for the end.
 * Bad:  marking the running deploy's record aborted because its pid is this process's own.
 */
const running = new Map<string, Promise<unknown>>();

/** Remember a deploy of `environment` running here until `done` settles. */
export function trackDeploy(environment: string, done: Promise<unknown>): void {
  const settled = done.then(
    () => undefined,
    () => undefined,
  );
  running.set(environment, settled);
  void settled.then(() => {
    if (running.get(environment) === settled) running.delete(environment);
  });
}

export function isDeployRunningHere(environment: string): boolean {
  return running.has(environment);
}

/** Wait until the deploy of `environment` running here ends, or `ms` pass; true when it ended (or none ran). */
export async function waitForDeploy(environment: string, ms: number, signal?: AbortSignal): Promise<boolean> {
  const pending = running.get(environment);
  if (!pending) return true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    signal?.addEventListener('abort', () => resolve(false), { once: true });
  });
  try {
    return await Promise.race([pending.then(() => true as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
