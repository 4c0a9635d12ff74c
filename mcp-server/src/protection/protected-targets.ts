/**
 * Everything hardened mode must keep from the agent, read from the project: the state folder and the
 * key folder, shipgate's own code (the plugin folder its server and hooks run from, unless the project
 * is inside it, as when shipgate gates itself), the configuration and gate skill files, production credentials (kubeconfig for the
 * kubernetes provider, `protection.credentials`), production hosts (environment URLs, git remotes,
 * `protection.hosts`) and production that lives on disk (a git remote that is a local path).
 *
 * Good: a git-push remote `git@github.com:acme/prod.git` → host github.com denied to the sandbox.
 * Bad:  hardening only the state folder: the agent's Bash could still push to production itself.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { loadConfig } from '../config/load-config.js';
import { keyPaths, stateRoot } from '../project/state-dir.js';
import { git } from '../project/git.js';
import { gateSettings } from '../gates/gate-settings.js';
import { resolveGateFiles } from '../gates/load-gate-skills.js';
import { findPluginRoot } from '../learnings/plugin-root.js';
import type { ProtectedTargets } from './hardened-settings.js';

export async function collectProtectedTargets(projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<ProtectedTargets> {
  const loaded = await loadConfig(projectRoot);
  const gateFiles = new Set<string>([loaded.path ? relative(projectRoot, loaded.path) : 'shipgate.config.yaml']);
  const gateFolders = new Set<string>();
  const credentials = new Set<string>(loaded.config.protection.credentials);
  const hosts = new Set<string>(loaded.config.protection.hosts);
  const productionPaths = new Set<string>();
  for (const name of Object.keys(loaded.config.environments)) {
    const environment = loaded.config.environments[name]!;
    const files = await resolveGateFiles(projectRoot, gateSettings(loaded, name).gates, env).catch(() => []);
    for (const file of files) {
      if (file.displayPath.startsWith('plugin:')) {
        const root = findPluginRoot(env);
        if (root) gateFolders.add(resolve(root, 'skills'));
      } else {
        gateFiles.add(file.displayPath);
      }
    }
    for (const url of [environment.url, environment.previewUrl]) {
      const host = hostOf(url?.replace(/\{color\}/g, 'blue'));
      if (host) hosts.add(host);
    }
    const provider = environment.provider;
    if (provider.type === 'kubernetes') {
      credentials.add('~/.kube');
      for (const path of (env.KUBECONFIG ?? '').split(':').filter(Boolean)) credentials.add(resolve(path));
    }
    if (provider.type === 'git-push') {
      const result = await git(projectRoot, ['remote', 'get-url', '--', provider.remote]);
      const url = result.exitCode === 0 ? result.stdout.trim() : provider.remote;
      const host = hostOf(url);
      if (host) hosts.add(host);
      else if (isAbsolute(url) || url.startsWith('file://') || url.startsWith('.')) {
        const path = resolve(projectRoot, url.replace(/^file:\/\//, ''));
        if (existsSync(path)) productionPaths.add(path);
      }
    }
  }
  // The team's trust anchors: allowed_signers decides which history entries are rollback targets here
  // (team/allowed-signers.ts); a team remote on disk holds the locks and that history.
  const team = loaded.config.team;
  if (team) {
    gateFiles.add(team.allowedSigners.replace(/^\.\//, ''));
    const result = await git(projectRoot, ['remote', 'get-url', '--', team.remote]);
    const url = result.exitCode === 0 ? result.stdout.trim() : team.remote;
    // A hosted team remote is usually `origin`, where the agent pushes its branches: its host stays open
    // (name it under protection.hosts to close it); entries it could push there still need an allowed signer.
    if (!hostOf(url) && (isAbsolute(url) || url.startsWith('file://') || url.startsWith('.'))) {
      const path = resolve(projectRoot, url.replace(/^file:\/\//, ''));
      if (existsSync(path)) productionPaths.add(path);
    }
  }
  const plugin = findPluginRoot(env);
  const codeFolders = plugin && !within(resolve(projectRoot), resolve(plugin)) ? [resolve(plugin)] : [];
  return { stateRoot: stateRoot(env), keyDir: keyPaths(env).dir, gateFiles: [...gateFiles], gateFolders: [...gateFolders], codeFolders, credentials: [...credentials], hosts: [...hosts], productionPaths: [...productionPaths] };
}

/** `path` is `folder` or inside it. */
function within(path: string, folder: string): boolean {
  return path === folder || path.startsWith(`${folder.replace(/\/+$/, '')}/`);
}

/** The host of an http(s)/ssh URL or an scp-like git address (`git@host:path`), else undefined. */
export function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const scp = /^[\w.-]+@([\w.-]+):(?!\/\/)/.exec(url);
  if (scp) return scp[1];
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' ? undefined : parsed.hostname.replace(/^\[|\]$/g, '') || undefined;
  } catch {
    return undefined;
  }
}
