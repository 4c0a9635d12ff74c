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
import { homedir } from 'node:os';
import { join } from 'node:path';
import { keyPaths, stateRoot } from '../project/state-dir.js';
import { effectiveScalar, readSettingsFiles, settingAt } from './claude-settings.js';

export async function projectCommandConfinement(projectRoot: string, config: ShipgateConfig, env: NodeJS.ProcessEnv = process.env): Promise<Confinement | undefined> {
  const hardened = await isHardened(projectRoot, env);
  if (!hardened && config.protection.confine !== true) return undefined;
  // Required on Linux only: elsewhere there is no bubblewrap (docs/security.md says what that leaves open).
  return { hidden: [stateRoot(env), keyPaths(env).dir], readOnly: gitExecVectors(projectRoot, env), required: process.platform === 'linux' };
}

/**
 * What makes git run code, and shipgate runs git unconfined (status, commit, tag): a test that writes
 * `.git/hooks/pre-commit` or `core.fsmonitor` would run outside the wall at the next `shipgate bump`.
 */
function gitExecVectors(projectRoot: string, env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || homedir();
  const xdg = env.XDG_CONFIG_HOME?.trim() || join(home, '.config');
  const git = join(projectRoot, '.git');
  return [join(git, 'hooks'), join(git, 'config'), join(git, 'config.worktree'), join(git, 'info', 'attributes'), join(home, '.gitconfig'), join(xdg, 'git')];
}

/** `shipgate harden` wrote sandbox.enabled into the project settings; a local file cannot undo that here. */
export async function isHardened(projectRoot: string, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const files = await readSettingsFiles(projectRoot, env.HOME ? { home: env.HOME } : {});
  const project = files.find((file) => file.scope === 'project');
  return settingAt(project?.settings, 'sandbox.enabled') === true || effectiveScalar(files, 'sandbox.enabled').value === true;
}
