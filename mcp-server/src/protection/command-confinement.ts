/**
 * The policy for running the project's own commands (gate checks, provider, rollback procedure, monitor
 * signals, `notify:`): which folders they must not see, and whether confinement is required.
 *
 *   hardened (`shipgate harden` ran: sandbox.enabled in the project's or the effective settings)
 *       → required: bubblewrap must confine the command, or it does not run (a teaching refusal)
 *   `protection.confine: true` in the config → required as well, hardened or not
 *   otherwise → unconfined. At the signed level the agent runs as you: a script it starts with Bash
 *       reads the key as easily as a test the gate runs, so confinement would add ~13 ms per command
 *       (one bubblewrap start) and protect nothing. Hardened mode is where the wall stands.
 *
 * Hidden: the state root (receipts, attestations, served history, locks) and the key folder. The policy
 * comes from the config file and Claude Code's settings files only, never from an environment variable
 * or a tool argument: those are the agent's to set.
 *
 * Good: `protection: { confine: true }` on a CI runner that gates without Claude Code's sandbox.
 * Bad:  `SHIPGATE_NO_CONFINE=1`: any process the agent starts could set it.
 */
import type { Confinement } from '../exec/confine.js';
import type { ShipgateConfig } from '../config/schema.js';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { findPluginRoot } from '../learnings/plugin-root.js';
import { keyPaths, stateRoot } from '../project/state-dir.js';
import { effectiveScalar, readSettingsFiles, settingAt } from './claude-settings.js';

export async function projectCommandConfinement(projectRoot: string, config: ShipgateConfig, env: NodeJS.ProcessEnv = process.env): Promise<Confinement | undefined> {
  const hardened = await isHardened(projectRoot, env);
  if (!hardened && config.protection.confine !== true) return undefined;
  // Required on Linux only: elsewhere there is no bubblewrap (docs/security.md says what that leaves open).
  return { hidden: [stateRoot(env), keyPaths(env).dir], readOnly: codeThatRunsLater(projectRoot, env), project: realProject(projectRoot), required: process.platform === 'linux' };
}

/**
 * What runs later OUTSIDE every wall, and so must be read-only to a confined command (which is the
 * agent's code, running outside Claude Code's sandbox): a test that writes any of these would get its
 * code run unconfined, with the key in reach, at the next step.
 *  - git's code paths, for shipgate's own unconfined git (status, commit, tag): `.git/hooks`,
 *    `.git/config` (fsmonitor, filters, sshCommand), `.git/info/attributes`, the user's git config;
 *  - the programs shipgate and Claude Code start by name: every folder on PATH (a `git` planted in
 *    `~/.local/bin` would be shipgate's next git), and shipgate's own plugin folder (the MCP server, the
 *    guard, the hooks);
 *  - what decides whether the agent is sandboxed at all, and what Claude Code runs unsandboxed: the
 *    project's `.claude/settings*.json` and `.mcp.json`, the user's `~/.claude` (settings, hooks,
 *    plugins) and `~/.claude.json` (MCP servers): rewriting the project settings would switch hardened
 *    mode, and with it this confinement, off for the next gate;
 *  - `~/.ssh` (a `ProxyCommand` runs at the team remote's next fetch) and the shell start-up files.
 * One that does not exist yet cannot be created either: its nearest existing folder is sealed (a
 * tmpfs with the real entries bound back, exec/confine.ts sealedFolders), or, inside the project, the
 * run fails when the command created it (requireStillAbsent).
 */
export function codeThatRunsLater(projectRoot: string, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || homedir();
  const xdg = env.XDG_CONFIG_HOME?.trim() || join(home, '.config');
  const git = join(projectRoot, '.git');
  const plugin = findPluginRoot(env);
  const pathFolders = (env.PATH ?? '').split(delimiter).filter((dir) => isAbsolute(dir));
  const project = resolve(projectRoot);
  // A folder that holds the project (a PATH entry like `~`) cannot be read-only: the command works there.
  const holdsProject = (path: string) => project === path || project.startsWith(`${path.replace(/\/+$/, '')}/`);
  return [
    join(git, 'hooks'), join(git, 'config'), join(git, 'config.worktree'), join(git, 'info', 'attributes'), join(home, '.gitconfig'), join(xdg, 'git'),
    ...pathFolders,
    ...(plugin && resolve(plugin) !== resolve(projectRoot) && !resolve(projectRoot).startsWith(`${resolve(plugin)}/`) ? [resolve(plugin)] : []),
    join(projectRoot, '.claude', 'settings.json'), join(projectRoot, '.claude', 'settings.local.json'), join(projectRoot, '.mcp.json'),
    join(home, '.claude'), join(home, '.claude.json'),
    join(home, '.ssh'),
    ...['.bashrc', '.bash_profile', '.bash_login', '.profile', '.zshrc', '.zprofile', '.zshenv'].map((file) => join(home, file)),
  ].filter((path) => !holdsProject(resolve(path)));
}

function realProject(projectRoot: string): string {
  try {
    return realpathSync(projectRoot);
  } catch {
    return resolve(projectRoot);
  }
}

/** `shipgate harden` wrote sandbox.enabled into the project settings; a local file cannot undo that here. */
export async function isHardened(projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const files = await readSettingsFiles(projectRoot, env.HOME ? { home: env.HOME } : {});
  const project = files.find((file) => file.scope === 'project');
  return settingAt(project?.settings, 'sandbox.enabled') === true || effectiveScalar(files, 'sandbox.enabled').value === true;
}
