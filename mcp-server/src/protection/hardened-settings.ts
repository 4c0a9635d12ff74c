/**
 * What `shipgate harden` writes into the project's `.claude/settings.json`, and how it merges: plan the
 * settings as plain data from the protected targets (pure), then merge into what the file holds without
 * clobbering anything (lists gain entries, other keys stay, our three sandbox switches are set and any
 * change to them is reported). The setting names are those of the Claude Code client in
 * devDependencies (checked against its bundled schema in test/protection/harden.test.ts).
 *
 * Paths: sandbox paths take absolute paths or `~/…`; permission rules write an absolute path as `//…`,
 * a home path as `~/…`, and project files as `**\/<path>` (portable in a committed file). Only `Read(…)`
 * and `Edit(…)` rules take paths. The Write/Edit tools are not sandboxed: only these rules stop them.
 *
 * Good: { sandbox: { enabled: true, failIfUnavailable: true, allowUnsandboxedCommands: false, … } }
 * Bad:  overwriting the user's own permission rules, or leaving `allowUnsandboxedCommands` at true.
 */
import { homedir } from 'node:os';
import { isObject, type Json } from './claude-settings.js';

export interface ProtectedTargets {
  /** The state root (absolute): write denied. */
  stateRoot: string;
  /** The key folder (absolute): read and write denied. */
  keyDir: string;
  /** Project-relative files whose change must be asked of the human (config, gate skills). */
  gateFiles: string[];
  /** Absolute folders outside the project that hold gate skills (the plugin): write denied. */
  gateFolders: string[];
  /**
   * shipgate's own code: the plugin folder its MCP server and hooks run from (absolute): write denied.
   * An agent that could edit the guard or the server there would not need to get past them.
   */
  codeFolders: string[];
  /** Production credentials (absolute or ~/): read denied. */
  credentials: string[];
  /** Production hosts: network denied. */
  hosts: string[];
  /** Local paths that are production (a git remote on disk): write denied. */
  productionPaths: string[];
}

export interface SettingsChange {
  path: string;
  change: string;
}

/** `~/x` for a path under the home folder, else the absolute path. */
export function homeRelative(path: string, home = process.env.HOME || homedir()): string {
  const h = home.replace(/\/+$/, '');
  return path === h ? '~' : path.startsWith(`${h}/`) ? `~/${path.slice(h.length + 1)}` : path;
}

function rulePath(path: string): string {
  if (path.startsWith('~/')) return path;
  if (path.startsWith('/')) return `/${path}`;
  return `**/${path.replace(/^\.\//, '')}`;
}

/**
 * What makes the repository's git run code (hooks, and `.git/config`: core.hooksPath, fsmonitor, filters,
 * sshCommand). The sandbox already refuses Bash writes there; the Write/Edit tools are not sandboxed, so
 * rules name them too. shipgate's own git switches hooks and fsmonitor off as well (project/git.ts).
 */
const GIT_CODE_PATHS = ['.git/hooks', '.git/config', '.git/config.worktree'];

/**
 * The folders between the project root and a write-denied project file, each bound onto itself by the
 * sandbox (`allowWrite`: they are writable anyway, being in the project). Why: Linux's sandbox makes a
 * denied file a read-only mount, and a mount does not stop its PARENT from being renamed. Without the
 * pins `mv .git .git-old && cp -r .git-old .git` gives the agent a fresh, writable `.git/config`
 * (filters, `core.sshCommand`: code that shipgate's own git would run outside the sandbox), and
 * `mv .claude .claude-old` drops the hardened settings. A folder that is a mount point cannot be renamed
 * (EBUSY), so with every folder on the way pinned, the denied file stays where shipgate reads it.
 *
 * Good: `gates/release/SKILL.md` → `gates`, `gates/release`.   Bad: pinning the file itself (it is already a mount).
 */
export function folderPins(projectFiles: readonly string[]): string[] {
  const pins = new Set<string>();
  for (const file of projectFiles) {
    if (file.startsWith('/') || file.startsWith('~')) continue;
    const parts = file.replace(/^\.\//, '').split('/').filter(Boolean);
    for (let end = 1; end < parts.length; end += 1) pins.add(parts.slice(0, end).join('/'));
  }
  return [...pins].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

/** The project files hardened mode write-denies (relative to the project root). */
export function deniedProjectFiles(targets: ProtectedTargets): string[] {
  return [...targets.gateFiles, '.claude/settings.json', '.claude/settings.local.json', ...GIT_CODE_PATHS];
}

export function planHardenedSettings(targets: ProtectedTargets, home?: string): Json {
  const short = (p: string) => homeRelative(p, home);
  const state = short(targets.stateRoot);
  const key = short(targets.keyDir);
  const credentials = targets.credentials.map((c) => (c.startsWith('~/') ? c : short(c)));
  return {
    sandbox: {
      enabled: true,
      failIfUnavailable: true,
      allowUnsandboxedCommands: false,
      filesystem: {
        allowWrite: folderPins(deniedProjectFiles(targets)),
        denyWrite: [state, ...targets.codeFolders.map(short), ...targets.gateFolders.map(short), ...targets.productionPaths.map(short), ...deniedProjectFiles(targets)],
        denyRead: [key, ...credentials],
      },
      network: { deniedDomains: targets.hosts },
    },
    permissions: {
      deny: [`Edit(${rulePath(state)}/**)`, ...[...targets.codeFolders, ...targets.gateFolders].map((folder) => `Edit(${rulePath(short(folder))}/**)`), `Read(${rulePath(key)}/**)`, `Edit(${rulePath(key)}/**)`, ...credentials.map((c) => `Read(${rulePath(c)}/**)`), ...credentials.map((c) => `Read(${rulePath(c)})`), `Edit(${rulePath('.git/hooks')}/**)`, `Edit(${rulePath('.git/config')})`, `Edit(${rulePath('.git/config.worktree')})`],
      ask: [...targets.gateFiles, '.claude/settings.json', '.claude/settings.local.json'].map((f) => `Edit(${rulePath(f)})`),
    },
  };
}

/** Merge `planned` into `existing`: lists are unions, objects merge, scalars are set (changes reported). */
export function mergeSettings(existing: Json, planned: Json, prefix = ''): { merged: Json; changes: SettingsChange[] } {
  const merged: Json = { ...existing };
  const changes: SettingsChange[] = [];
  for (const [key, value] of Object.entries(planned)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const current = merged[key];
    if (Array.isArray(value)) {
      const list = Array.isArray(current) ? [...(current as unknown[])] : [];
      const added = (value as unknown[]).filter((item) => !list.includes(item));
      if (current !== undefined && !Array.isArray(current)) changes.push({ path, change: `replaced a non-list value ${JSON.stringify(current)}` });
      if (added.length) changes.push({ path, change: `added ${added.map((a) => JSON.stringify(a)).join(', ')}` });
      merged[key] = [...list, ...added];
    } else if (isObject(value)) {
      const inner = mergeSettings(isObject(current) ? current : {}, value, path);
      if (current !== undefined && !isObject(current)) changes.push({ path, change: `replaced a non-object value ${JSON.stringify(current)}` });
      merged[key] = inner.merged;
      changes.push(...inner.changes);
    } else if (current !== value) {
      changes.push({ path, change: current === undefined ? `set to ${JSON.stringify(value)}` : `changed from ${JSON.stringify(current)} to ${JSON.stringify(value)}` });
      merged[key] = value;
    }
  }
  return { merged, changes };
}
