/** Loading shipgate.config.yaml: defaults, both file names, errors with file:line:col and key paths. */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, getEnvironment, sha256 } from '../../mcp-server/src/config/load-config.js';
import { findProjectRoot } from '../../mcp-server/src/project/find-project-root.js';
import { ConfigError } from '../../mcp-server/src/errors.js';
import { makeRepo } from './fixture-repo.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
async function project(files: Record<string, string>): Promise<string> {
  const root = await realpath(await mkdtemp(join(tmpdir(), 'shipgate-config-')));
  dirs.push(root);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}

describe('loadConfig', () => {
  it('uses defaults and the hash of "" when there is no file', async () => {
    const loaded = await loadConfig(await project({}));
    expect(loaded).toMatchObject({ path: null, hash: sha256('') });
    expect(loaded.config.state.file).toBe('specs/*/state.yaml');
  });

  it('reads .claude/shipgate.yaml and hashes its bytes', async () => {
    const text = 'app: shop\nenvironments:\n  production:\n    provider: { type: git-push }\n';
    const root = await project({ '.claude/shipgate.yaml': text });
    const loaded = await loadConfig(root);
    expect(loaded.path).toBe(join(root, '.claude/shipgate.yaml'));
    expect(loaded.hash).toBe(sha256(text));
    expect(getEnvironment(loaded, 'production').provider).toEqual({ type: 'git-push', remote: 'origin', branch: 'production' });
    expect(getEnvironment(loaded, 'production').receiptTtl).toBe(30 * 60_000);
  });

  it('names file:line:col for YAML syntax errors', async () => {
    const root = await project({ 'shipgate.config.yaml': 'app: shop\nenvironments:\n  production: [unclosed\n' });
    const error = await loadConfig(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).details.where).toMatch(/shipgate\.config\.yaml:\d+:\d+$/);
  });

  it('lists every schema problem by key path with what was expected and found', async () => {
    const root = await project({ 'shipgate.config.yaml': 'environments:\n  production:\n    provider: { type: ssh }\n    recieptTtl: 5m\nwindow:\n  timezone: Mars/Olympus\n  deny: [{ days: [friday] }]\n' });
    const error = (await loadConfig(root).catch((e: unknown) => e)) as ConfigError;
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.message).toContain('environments.production.provider.type: expected one of git-push|command|kubernetes, found "ssh"');
    expect(error.message).toContain('environments.production: unknown key "recieptTtl"');
    expect(error.message).toContain('window.timezone: expected an IANA time zone');
    expect(error.message).toContain('window.deny.0.days.0: expected one of mon|tue|wed|thu|fri|sat|sun, found "friday"');
  });

  it('getEnvironment lists the configured environments when the name is unknown', async () => {
    const loaded = await loadConfig(await project({ 'shipgate.config.yaml': 'environments:\n  production:\n    provider: { type: git-push }\n  staging:\n    provider: { type: git-push }\n' }));
    expect(() => getEnvironment(loaded, 'prod')).toThrow(ConfigError);
    try {
      getEnvironment(loaded, 'prod');
    } catch (error) {
      expect((error as ConfigError).details.expected).toBe('one of: production, staging');
    }
    expect(() => getEnvironment(loaded, '__proto__')).toThrow(ConfigError);
  });
});

describe('findProjectRoot', () => {
  it('finds the nearest config folder, else the git top level, else cwd', async () => {
    const withConfig = await project({ 'shipgate.config.yaml': '{}\n', 'a/b/c.txt': '' });
    expect(await findProjectRoot(join(withConfig, 'a/b'))).toBe(withConfig);
    const repo = await makeRepo({ 'src/deep/x.ts': '' });
    dirs.push(repo.root);
    expect(await findProjectRoot(join(repo.root, 'src/deep'))).toBe(repo.root);
    const plain = await project({ 'x/y.txt': '' });
    expect(await findProjectRoot(join(plain, 'x'))).toBe(join(plain, 'x'));
  });
});
