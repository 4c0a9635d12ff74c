/**
 * Where shipgate keeps gate state: OUTSIDE the repository, per user, so that the files the gate relies
 * on (receipts, attestations, served history, locks, the release journal, the run log) are not part of
 * what the agent edits as "the project", and can be denied to the agent's sandbox as one folder.
 *
 *   state root   $SHIPGATE_STATE_DIR, else $XDG_STATE_HOME/shipgate, else ~/.local/state/shipgate
 *   project      <state root>/projects/<project-id>/      (mode 0700)
 *   signing key  $SHIPGATE_KEY_DIR/hmac.key, else <state root>/key/hmac.key (folder 0700, file 0600; denied separately)
 *
 * The project id is the repository folder's name plus a hash of its real path: two checkouts never
 * share state, and a symlinked path maps to the same state as the real one.
 *
 * Why the override is safe to honour: environment variables are set by whoever starts the process.
 * The MCP server is started by Claude Code with the user's environment, never the agent's; a CLI the
 * agent starts with `SHIPGATE_STATE_DIR=/tmp/mine` sees only state and a key it made itself, so its
 * receipts mean nothing to the user's server, and in hardened mode that process can reach neither
 * production nor the real state. (docs/security.md, "Environment overrides".)
 *
 * Good: statePaths('/home/ada/shop').receipts → ~/.local/state/shipgate/projects/shop-1a2b3c4d5e6f/receipts
 * Bad:  anything under <repo>/.claude/shipgate/ (the old place; see legacyStateFiles).
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, isAbsolute, join, resolve } from 'node:path';

/** The old in-repository state folder (before 0.3.0). Only learnings still live under it. */
export const LEGACY_STATE_DIR = '.claude/shipgate';

export function stateRoot(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.SHIPGATE_STATE_DIR?.trim();
  if (explicit) return resolve(explicit);
  const xdg = env.XDG_STATE_HOME?.trim();
  if (xdg && isAbsolute(xdg)) return join(xdg, 'shipgate');
  return join(env.HOME?.trim() || homedir(), '.local', 'state', 'shipgate');
}

export function projectId(projectRoot: string): string {
  let real = resolve(projectRoot);
  try {
    real = realpathSync(real);
  } catch {
    // a folder that does not exist (yet) keeps its resolved path
  }
  const name = basename(real).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 40) || 'project';
  return `${name}-${createHash('sha256').update(real).digest('hex').slice(0, 12)}`;
}

export interface StatePaths {
  /** This project's state folder. */
  base: string;
  receipts: string;
  attestations: string;
  /** Served history and live color per environment. */
  deployments: string;
  locks: string;
  releases: string;
  /** Refusals of unsigned or damaged state, one JSON line each. */
  runLog: string;
}

export function statePaths(projectRoot: string, env: NodeJS.ProcessEnv = process.env): StatePaths {
  const base = join(stateRoot(env), 'projects', projectId(projectRoot));
  return {
    base,
    receipts: join(base, 'receipts'),
    attestations: join(base, 'attestations.jsonl'),
    deployments: join(base, 'deployments'),
    locks: join(base, 'locks'),
    releases: join(base, 'release-journal.json'),
    runLog: join(base, 'runs.jsonl'),
  };
}

export interface KeyPaths {
  dir: string;
  file: string;
}

export function keyPaths(env: NodeJS.ProcessEnv = process.env): KeyPaths {
  // SHIPGATE_KEY_DIR puts the key in a folder of its own choosing (e.g. one only the server's user can read).
  const explicit = env.SHIPGATE_KEY_DIR?.trim();
  const dir = explicit ? resolve(explicit) : join(stateRoot(env), 'key');
  return { dir, file: join(dir, 'hmac.key') };
}

/**
 * The absolute paths the agent must never write (state) or read (key): what `shipgate harden` denies
 * to the sandbox and what the PreToolUse guard can refuse in Write/Edit/Bash. Exported for the guard.
 */
export function protectedStatePaths(env: NodeJS.ProcessEnv = process.env): { noWrite: string[]; noRead: string[] } {
  return { noWrite: [stateRoot(env)], noRead: [keyPaths(env).dir] };
}
