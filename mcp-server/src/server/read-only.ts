/**
 * Read-only mode from the environment. Its own module because both the stdio front (which must load
 * nothing heavy) and createServer() need it.
 */

/** True when the env asks for read-only mode (`SHIPGATE_READ_ONLY=1|true|yes`). */
export function readOnlyFromEnv(env: NodeJS.ProcessEnv): boolean {
  const value = env.SHIPGATE_READ_ONLY?.trim().toLowerCase();
  return value === '1' || value === 'true' || value === 'yes';
}
