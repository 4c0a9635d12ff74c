/**
 * `shipgate doctor`: which protection level is in force, each setting it verified, and what is missing.
 *
 *   guarded    the PreToolUse guard refuses obvious commands; gate state is not signed (never since 0.3.0)
 *   signed     gate state lives outside the repository, signed with a per-user key (the default)
 *   sandboxed  Claude Code's OS sandbox is on, cannot be bypassed, and denies the agent's Bash the state
 *              folder (write), the key (read), the gate files (write) and production (network)
 *
 * It reads the merged settings like Claude Code does (managed > local > project > user; lists merged)
 * and parses every file, reporting invalid JSON (Claude Code drops such a file silently) and a local
 * file that turns the sandbox off.
 *
 * Good: level "sandboxed" with every check ✓.
 * Bad:  reporting "sandboxed" because `.claude/settings.json` says so while `.claude/settings.local.json`
 *       sets `sandbox.enabled: false`.
 */
import { existsSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { homedir, platform } from 'node:os';
import { keyPaths, LEGACY_STATE_DIR, stateRoot } from '../project/state-dir.js';
import { effectiveList, effectiveScalar, readSettingsFiles, settingAt, type SettingsFile } from './claude-settings.js';
import { collectProtectedTargets } from './protected-targets.js';
import { deniedProjectFiles, folderPins } from './hardened-settings.js';
import { projectCommandConfinement } from './command-confinement.js';
import { probeConfinement } from '../exec/confine.js';
import { isTrustedPathEntry } from '../exec/trusted-program.js';
import { loadConfig } from '../config/load-config.js';

export type ProtectionLevel = 'guarded' | 'signed' | 'sandboxed';

export interface DoctorCheck {
  id: string;
  level: ProtectionLevel;
  ok: boolean;
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  level: ProtectionLevel;
  checks: DoctorCheck[];
  notices: string[];
  settingsFiles: { scope: string; path: string; exists: boolean; error?: string }[];
}

export interface DoctorOptions {
  env?: NodeJS.ProcessEnv;
  /** Managed settings path (tests point it at a temp file). */
  managed?: string;
}

const LEGACY_STATE = ['receipts', 'attestations.jsonl', 'deployments', 'locks', 'release-journal.json'];

export async function runDoctor(projectRoot: string, options: DoctorOptions = {}): Promise<DoctorReport> {
  const env = options.env ?? process.env;
  const home = env.HOME || homedir();
  const files = await readSettingsFiles(projectRoot, { home, ...(options.managed ? { managed: options.managed } : {}) });
  const checks: DoctorCheck[] = [];
  const notices: string[] = [];
  const add = (check: DoctorCheck) => checks.push(check);

  // signed
  const key = keyPaths(env);
  const keyMode = modeOf(key.file);
  const dirMode = modeOf(key.dir);
  add({ id: 'state-outside-repository', level: 'signed', ok: true, detail: `gate state in ${join(stateRoot(env), 'projects')} (outside the repository)` });
  add(
    keyMode === undefined
      ? { id: 'signing-key', level: 'signed', ok: true, detail: `no key yet at ${key.file}: the first gate creates it (0600)` }
      : { id: 'signing-key', level: 'signed', ok: (keyMode & 0o077) === 0 && dirMode !== undefined && (dirMode & 0o077) === 0, detail: `${key.file} mode ${keyMode.toString(8)}, folder ${dirMode?.toString(8) ?? '?'}`, fix: `chmod 700 ${key.dir} && chmod 600 ${key.file}` },
  );
  if (env.SHIPGATE_STATE_DIR) notices.push(`SHIPGATE_STATE_DIR is set (${env.SHIPGATE_STATE_DIR}): this process uses that state folder and key; the MCP server Claude Code starts uses its own environment.`);
  const legacy = LEGACY_STATE.filter((name) => existsSync(join(projectRoot, LEGACY_STATE_DIR, name)));
  if (legacy.length) notices.push(`Old in-repository gate state in ${LEGACY_STATE_DIR}/ (${legacy.join(', ')}) is ignored since 0.3.0: unsigned state cannot be trusted, so it is not migrated. Gate again, and delete those files.`);

  // settings files
  for (const file of files) {
    if (file.error) add({ id: `settings-${file.scope}-parses`, level: 'sandboxed', ok: false, detail: `${file.path}: ${file.error}; Claude Code ignores this file silently`, fix: `Fix the JSON in ${file.path}.` });
  }
  const local = files.find((f) => f.scope === 'local');
  if (settingAt(local?.settings, 'sandbox.enabled') === false) {
    add({ id: 'local-keeps-sandbox', level: 'sandboxed', ok: false, detail: `${local!.path} sets sandbox.enabled: false, which overrides the project settings`, fix: `Remove "sandbox.enabled" from ${local!.path}.` });
  }

  // sandboxed
  const scalar = (path: string, want: unknown, id: string, fix: string) => {
    const { value, from } = effectiveScalar(files, path);
    add({ id, level: 'sandboxed', ok: value === want, detail: `sandbox ${path.replace('sandbox.', '')} = ${JSON.stringify(value)}${from ? ` (from ${from.scope}: ${from.path})` : ' (not set)'}`, fix });
  };
  scalar('sandbox.enabled', true, 'sandbox-enabled', 'Run `shipgate harden`.');
  scalar('sandbox.failIfUnavailable', true, 'sandbox-fail-if-unavailable', 'Run `shipgate harden`: without it Claude Code runs commands unsandboxed when the sandbox cannot start.');
  scalar('sandbox.allowUnsandboxedCommands', false, 'sandbox-no-unsandboxed-fallback', 'Run `shipgate harden`: otherwise the model can ask to run a command outside the sandbox.');

  const expand = (p: string) => resolve(p === '~' ? home : p.startsWith('~/') ? join(home, p.slice(2)) : p.startsWith('//') ? p.slice(1) : isRelative(p) ? join(projectRoot, p) : p);
  const rulePaths = (kind: 'Edit' | 'Read') => effectiveList(files, 'permissions.deny').map((rule) => new RegExp(`^${kind}\\((.+?)(/\\*\\*)?\\)$`).exec(rule)?.[1]).filter((p): p is string => p !== undefined && !p.startsWith('**'));
  const denyWrite = [...effectiveList(files, 'sandbox.filesystem.denyWrite'), ...rulePaths('Edit')].map(expand);
  const denyRead = [...effectiveList(files, 'sandbox.filesystem.denyRead'), ...rulePaths('Read')].map(expand);
  const covered = (list: string[], path: string) => list.some((entry) => path === entry || path.startsWith(`${entry.replace(/\/+$/, '')}/`));
  const root = stateRoot(env);
  add({ id: 'state-write-denied', level: 'sandboxed', ok: covered(denyWrite, root), detail: `write to ${root} ${covered(denyWrite, root) ? 'denied' : 'NOT denied'} to the sandbox`, fix: 'Run `shipgate harden`.' });
  add({ id: 'key-read-denied', level: 'sandboxed', ok: covered(denyRead, key.dir), detail: `read of ${key.dir} ${covered(denyRead, key.dir) ? 'denied' : 'NOT denied'} to the sandbox`, fix: 'Run `shipgate harden`.' });

  let targets;
  try {
    targets = await collectProtectedTargets(projectRoot, env);
  } catch (error) {
    notices.push(`The configuration could not be read, so gate files and production hosts were not checked: ${(error as Error).message}`);
  }
  if (targets) {
    const code = targets.codeFolders.filter((folder) => !covered(denyWrite, folder));
    if (targets.codeFolders.length) add({ id: 'plugin-code-write-denied', level: 'sandboxed', ok: code.length === 0, detail: code.length ? `shipgate's own code is writable by the sandbox: ${code.join(', ')}` : `shipgate's own code (${targets.codeFolders.join(', ')}) write-denied`, fix: 'Run `shipgate harden`.' });
    const unprotected = targets.gateFiles.filter((f) => !covered(denyWrite, join(projectRoot, f)));
    add({ id: 'gate-files-write-denied', level: 'sandboxed', ok: unprotected.length === 0, detail: unprotected.length ? `writable by the sandbox: ${unprotected.join(', ')}` : `${targets.gateFiles.join(', ')} write-denied`, fix: 'Run `shipgate harden`.' });
    // A denied file is a read-only mount; its folders must be mounts too, or renaming one swaps the file.
    const pinned = new Set(effectiveList(files, 'sandbox.filesystem.allowWrite').map(expand));
    const loose = folderPins(deniedProjectFiles(targets)).filter((folder) => existsSync(join(projectRoot, folder)) && !pinned.has(join(projectRoot, folder)));
    add({ id: 'denied-folders-pinned', level: 'sandboxed', ok: loose.length === 0, detail: loose.length ? `the sandbox can rename ${loose.join(', ')} and put its own files where shipgate reads the denied ones (${loose.includes('.git') ? '.git/config' : 'gate files, settings'})` : 'every folder above a write-denied project file is pinned (sandbox.filesystem.allowWrite), so none can be renamed', fix: 'Run `shipgate harden`.' });
    const denied = new Set(effectiveList(files, 'sandbox.network.deniedDomains'));
    const open = targets.hosts.filter((h) => !denied.has(h));
    add({ id: 'production-hosts-denied', level: 'sandboxed', ok: open.length === 0, detail: open.length ? `reachable from the sandbox: ${open.join(', ')}` : targets.hosts.length ? `denied: ${targets.hosts.join(', ')}` : 'no production hosts in the configuration', fix: 'Run `shipgate harden`.' });
    const credentials = targets.credentials.map(expand).filter((c) => !covered(denyRead, c));
    add({ id: 'credentials-read-denied', level: 'sandboxed', ok: credentials.length === 0, detail: credentials.length ? `readable by the sandbox: ${credentials.join(', ')}` : targets.credentials.length ? `denied: ${targets.credentials.join(', ')}` : 'no production credentials named', fix: 'Run `shipgate harden` (name more under protection.credentials).' });
    const paths = targets.productionPaths.filter((p) => !covered(denyWrite, p));
    if (targets.productionPaths.length) add({ id: 'production-paths-write-denied', level: 'sandboxed', ok: paths.length === 0, detail: paths.length ? `writable by the sandbox: ${paths.join(', ')}` : `denied: ${targets.productionPaths.join(', ')}`, fix: 'Run `shipgate harden`.' });
  }
  // shipgate's own git/ssh-keygen/bwrap skip PATH folders the agent's sandbox can write
  // (exec/trusted-program.ts); Claude Code still starts node, the MCP server and hooks by name from PATH.
  const writablePath = (env.PATH ?? '').split(delimiter).filter((dir) => !isTrustedPathEntry(dir, projectRoot));
  add({ id: 'path-outside-sandbox-reach', level: 'sandboxed', ok: writablePath.length === 0, detail: writablePath.length ? `PATH has folders the agent's sandbox can write (a program planted there runs outside it): ${writablePath.map((dir) => JSON.stringify(dir)).join(', ')}` : 'no PATH folder is in the project, the temp folder, or relative', fix: 'Remove empty, relative, project and temp-folder entries from PATH in the environment Claude Code starts with (shipgate\'s own git, ssh-keygen and bwrap skip them already).' });
  await checkConfinement(projectRoot, env, add, notices);
  if (platform() === 'linux') {
    for (const tool of ['bwrap', 'socat']) {
      const found = onPath(tool, env);
      add({ id: `${tool}-installed`, level: 'sandboxed', ok: found !== undefined, detail: found ? `${tool} at ${found}` : `${tool} not found on PATH: Claude Code's sandbox cannot start on Linux`, fix: `Install it: apt-get install ${tool === 'bwrap' ? 'bubblewrap' : 'socat'}` });
    }
  }

  const passed = (level: ProtectionLevel) => checks.filter((c) => c.level === level).every((c) => c.ok);
  const level: ProtectionLevel = passed('signed') ? (passed('sandboxed') ? 'sandboxed' : 'signed') : 'guarded';
  return { level, checks, notices, settingsFiles: files.map(describeFile) };
}

/**
 * The project's own commands (tests, provider scripts, notify) run confined: state and key hidden. In
 * hardened mode that is required, so a machine where bubblewrap cannot run is not "sandboxed".
 */
async function checkConfinement(projectRoot: string, env: NodeJS.ProcessEnv, add: (check: DoctorCheck) => void, notices: string[]): Promise<void> {
  const config = await loadConfig(projectRoot).then((loaded) => loaded.config, () => undefined);
  if (!config) return;
  const policy = await projectCommandConfinement(projectRoot, config, env);
  if (platform() !== 'linux') {
    notices.push(`The project's own commands (gate checks, provider, notify) run unconfined on ${platform()}: only Linux has bubblewrap. They can read the key and write the state folder; review what they run.`);
    return;
  }
  if (!policy) {
    notices.push('The project\'s own commands (gate checks, provider, notify) run unconfined: at this level the agent runs as you and could read the key itself. `shipgate harden` makes confinement required; `protection: { confine: true }` turns it on without hardening.');
    return;
  }
  const probe = await probeConfinement(policy.bwrap);
  add({
    id: 'project-commands-confined',
    level: 'sandboxed',
    ok: probe.ok,
    detail: probe.ok ? `project commands run under bubblewrap with ${policy.hidden.join(' and ')} hidden${policy.required ? ' (required)' : ''}, and read-only: what runs outside the sandbox later (git's code paths, Claude Code settings, PATH folders, shipgate's plugin, ~/.claude, ~/.ssh; ${policy.readOnly?.filter((path) => existsSync(path)).length ?? 0} paths here)` : `project commands cannot be confined: ${probe.reason}; gates, deploys and rollbacks refuse to run them`,
    fix: 'Install bubblewrap (`apt-get install bubblewrap`) and allow unprivileged user namespaces (`sysctl kernel.unprivileged_userns_clone=1` or your distribution\'s AppArmor rule).',
  });
}

function describeFile(file: SettingsFile) {
  return { scope: file.scope, path: file.path, exists: file.exists, ...(file.error ? { error: file.error } : {}) };
}

function isRelative(path: string): boolean {
  return !path.startsWith('/') && !path.startsWith('~');
}

function modeOf(path: string): number | undefined {
  try {
    return statSync(path).mode & 0o777;
  } catch {
    return undefined;
  }
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
