/**
 * The `team:` section: defaults, errors that name the key, and a lock setting that cannot work
 * (kubernetes Lease for a non-kubernetes environment) refused before anything runs, with the
 * machine-local lock let go again so the next attempt is not blocked by this one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parseConfigText } from '../../mcp-server/src/config/load-config.js';
import { acquireEnvironmentLock } from '../../mcp-server/src/team/environment-lock.js';
import { isExpired, describeHolder, type TeamLockHolder } from '../../mcp-server/src/team/remote-lock.js';
import { unionServed } from '../../mcp-server/src/team/served-versions.js';
import { ConfigError } from '../../mcp-server/src/errors.js';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('team configuration', () => {
  it('fills in defaults', () => {
    expect(parseConfigText('team: {}\n', 'shipgate.config.yaml').team).toEqual({ remote: 'origin', lease: 600_000, timeout: 30_000, lock: 'git', allowedSigners: '.shipgate/allowed_signers' });
    expect(parseConfigText('app: x\n', 'shipgate.config.yaml').team).toBeUndefined();
  });

  it('names the key path of a bad value', () => {
    const error = (() => { try { parseConfigText('team:\n  lease: forever\n  lock: zookeeper\n', 'shipgate.config.yaml'); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('team.lease');
    expect((error as Error).message).toContain('team.lock');
  });

  it('refuses a Lease lock for an environment that does not deploy to kubernetes, and frees the local lock', async () => {
    const root = mkdtempSync(join(tmpdir(), 'shipgate-team-config-'));
    dirs.push(root);
    mkdirSync(join(root, 'gates'));
    writeFileSync(join(root, 'shipgate.config.yaml'), 'team: { lock: kubernetes }\nenvironments:\n  production:\n    provider: { type: command, deploy: ["true"] }\n');
    execFileSync('git', ['init', '-q'], { cwd: root });
    const error = await acquireEnvironmentLock({ projectRoot: root, environment: 'production', operation: 'deploy', now: new Date() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).details.where).toContain('team.lock');
    const locks = join(root, '.claude', 'shipgate', 'locks');
    expect(existsSync(locks) ? readdirSync(locks) : []).toEqual([]);
  });
});

describe('lock and served-version helpers', () => {
  const holder: TeamLockHolder = { v: 1, id: 'i', name: 'Ada', email: 'ada@example.com', host: 'ada-laptop', pid: 42, environment: 'production', operation: 'deploy of v1.2.0', startedAt: '2026-01-01T10:00:00.000Z', renewedAt: '2026-01-01T10:05:00.000Z', leaseMs: 600_000 };

  it('expires a lock only after its lease since the last renewal', () => {
    expect(isExpired(holder, new Date('2026-01-01T10:14:59.999Z'))).toBe(false);
    expect(isExpired(holder, new Date('2026-01-01T10:15:00.000Z'))).toBe(true);
    expect(describeHolder(holder)).toBe('Ada <ada@example.com> on ada-laptop (pid 42): deploy of v1.2.0, since 2026-01-01T10:00:00.000Z, lease 10m renewed at 2026-01-01T10:05:00.000Z');
  });

  it('orders local and team served releases by when they started serving', () => {
    const r = (version: string, at: string) => ({ version, tag: `v${version}`, sha: version, at });
    expect(unionServed([r('1.0.0', '2026-01-01T00:00:00Z'), r('1.2.0', '2026-01-03T00:00:00Z')], [r('1.1.0', '2026-01-02T00:00:00Z')]).map((x) => x.version)).toEqual(['1.0.0', '1.1.0', '1.2.0']);
  });
});
