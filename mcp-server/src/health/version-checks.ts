/**
 * Version verification (issue #15.11): a health check whose `bodyContains` or `json` values name
 * `{version}` proves which release production runs, not just that something answers 200. Each deploy,
 * promotion and rollback fills in the version it just shipped; where no version is known (a first
 * deploy's baseline, a canary judged through the shared URL) such checks are left out rather than run
 * against a guess.
 *
 * Good: `{ path: '/api/version', json: { version: '{version}' } }` after deploying 1.2.0 → expects
 *       `"version": "1.2.0"`; production still on 1.1.1 fails the step and the deploy rolls back.
 * Bad:  a status-only check: the old release answers 200 as well and "success" is reported.
 */
import type { HealthCheck } from './run-health-checks.js';

const VERSION = /\{version\}/g;

/** Whether the check verifies the served version. */
export function checksVersion(check: HealthCheck): boolean {
  return (check.bodyContains?.includes('{version}') ?? false) || Object.values(check.json ?? {}).some((value) => typeof value === 'string' && value.includes('{version}'));
}

/** The checks with `{version}` filled in; version checks dropped when the version is unknown. */
export function checksForVersion(checks: HealthCheck[], version: string | undefined): HealthCheck[] {
  return checks.flatMap((check) => {
    if (!checksVersion(check)) return [check];
    if (version === undefined) return [];
    const filled: HealthCheck = { ...check };
    if (check.bodyContains !== undefined) filled.bodyContains = check.bodyContains.replace(VERSION, version);
    if (check.json) filled.json = Object.fromEntries(Object.entries(check.json).map(([key, value]) => [key, typeof value === 'string' ? value.replace(VERSION, version) : value]));
    return [filled];
  });
}
