/**
 * The confined runner for the project's own commands (gate checks, provider commands, rollback
 * procedure steps, monitor signals, `notify:`). Those are repository code, and the agent can edit and
 * commit them; shipgate runs them as the user, outside the agent's sandbox. Under bubblewrap they see
 * the whole filesystem as usual EXCEPT the folders in `hidden` (the shipgate state root and the key
 * folder), which are covered by an empty read-only tmpfs: a test that `cat`s the key or writes a
 * receipt finds an empty folder and fails loudly. The network stays (providers push to remotes).
 *
 *   bwrap --bind / / --dev /dev --proc /proc --unshare-pid --die-with-parent --new-session --cap-drop ALL
 *         --tmpfs <hidden> --remount-ro <hidden> ... -- <command>
 *
 * Why each part:
 *  - `--cap-drop ALL`: bwrap started by root keeps every capability otherwise, and CAP_SYS_ADMIN
 *    unmounts the mask (`umount <state root>`) and shows what is under it.
 *  - `--unshare-pid` + a fresh `/proc`: otherwise `/proc/<server pid>/root/…` is the un-masked tree.
 *  - `--dev /dev`: a minimal /dev, so no raw block device to read the key off the disk.
 *  - `--new-session`: no TIOCSTI into the user's terminal; `--die-with-parent`: when exec/run.ts kills
 *    bwrap (timeout, abort), everything inside goes too, also what left the process group.
 *  - a hidden folder that does not exist yet is created (0700) first: otherwise the command could
 *    create it and plant a signing key of its own.
 *  - every folder above a hidden or read-only one is bound onto itself: mount points cannot be renamed,
 *    so moving `~/.local` away and making a fresh state folder with a planted key fails (EBUSY), and so
 *    does moving `.git` away to give shipgate's own git a `.git/config` of the command's making. As a second
 *    line, the folders' identity (device + inode of the real path) is compared after the command; a
 *    changed identity is a breach and the run throws (fail closed).
 *  - a read-only path that does not exist yet (`~/.zshrc` on a bash system) cannot be mounted over: its
 *    nearest existing folder becomes a tmpfs with the real entries bound back (sealedFolders), so what
 *    the command creates there is gone when it ends.
 *
 * Good: `{ hidden: ['/home/ada/.local/state/shipgate'], required: true }` in hardened mode.
 * Bad:  deciding confinement from an environment variable or a tool argument: the agent sets those.
 */
import { lstatSync, mkdirSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { tmpdir } from 'node:os';
import { BlockedError } from '../errors.js';
import { trustedProgram } from './trusted-program.js';

export interface Confinement {
  /** Absolute folders the command must not see (state root, key folder). */
  hidden: readonly string[];
  /**
   * Files and folders the command may read but not change: what makes shipgate's own, unconfined git
   * run code later (`.git/hooks`, `.git/config`: `core.fsmonitor`, filters). A missing one cannot be
   * created either: its nearest existing folder is sealed (sealedFolders), or, inside `project`, the run
   * fails when it appears.
   */
  readOnly?: readonly string[];
  /**
   * Folders inside a hidden one that the command still sees, read-write: its own trusted checkout,
   * which lives under the state root so that the agent cannot write it (project/trusted-tree.ts).
   */
  visible?: readonly string[];
  /**
   * The project folder (real path). A read-only path that does not exist yet is sealed by its nearest
   * existing folder (see sealedFolders), except inside the project, where new files must persist: there
   * the path is checked after the command instead, and one that appeared fails the run.
   */
  project?: string;
  /** Hardened mode: refuse to run the command when bubblewrap cannot confine it. */
  required: boolean;
  /** The bubblewrap binary (default `bwrap` on PATH; tests name a missing one). */
  bwrap?: string;
}

export type ConfinementProbe = { ok: true; bwrap: string } | { ok: false; reason: string };

const probes = new Map<string, Promise<ConfinementProbe>>();

/**
 * Whether bubblewrap is installed AND can create the namespaces it needs here (a container without
 * user namespaces has bwrap but cannot use it). Asked once per process.
 */
export function probeConfinement(bwrap = 'bwrap'): Promise<ConfinementProbe> {
  let probe = probes.get(bwrap);
  if (probe) return probe;
  probe = (async (): Promise<ConfinementProbe> => {
    if (process.platform !== 'linux') return { ok: false, reason: `bubblewrap confinement is Linux only (this is ${process.platform})` };
    const result = await execa(bwrap, ['--bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-pid', '--die-with-parent', '--new-session', '--cap-drop', 'ALL', '--tmpfs', '/tmp', '--remount-ro', '/tmp', 'true'], { reject: false, stdin: 'ignore', timeout: 10_000 });
    if (result.exitCode === 0) return { ok: true, bwrap };
    const why = result.failed && result.exitCode === undefined ? '`${bwrap} is not installed (not found)`' : `bwrap cannot create its namespaces here: ${String(result.stderr).trim().split('\n').pop() ?? `exit ${result.exitCode}`}`;
    return { ok: false, reason: why };
  })();
  probes.set(bwrap, probe);
  return probe;
}

/** The command line that runs `file args` (or `sh -c script`) with the hidden folders masked. */
export function confinedCommand(bwrap: string, hidden: readonly string[], file: string, args: readonly string[], shell: boolean, readOnly: readonly string[] = [], visible: readonly string[] = [], project?: string): { file: string; args: string[] } {
  const points = hiddenMountPoints(hidden);
  const frozenPaths = [...new Set(readOnly.flatMap((path) => existingRealPath(path) ?? []))].sort();
  const sealed = sealedFolders(readOnly, project);
  // Every folder above a hidden or read-only one becomes a mount point of itself: a mount point cannot be
  // renamed, so `mv ~/.local ~/elsewhere && mkdir -p ~/.local/state/shipgate/key` cannot swap in a fresh
  // state folder, and `mv .git .git-old && cp -r .git-old .git` cannot swap in a writable `.git/config`
  // (a read-only mount of the file does not stop its folder from moving).
  // Pins and seals go in depth order (a seal's tmpfs covers what was mounted below it before; every
  // source is read from the real tree, so a later bind below it is the real folder again).
  const depth = (path: string) => path.split('/').length;
  const pinned = [...new Set([...points, ...frozenPaths, ...sealed].flatMap(ancestors))].filter((dir) => !sealed.includes(dir));
  const pins = [...pinned.map((dir) => ({ dir, seal: false })), ...sealed.map((dir) => ({ dir, seal: true }))]
    .sort((a, b) => depth(a.dir) - depth(b.dir) || a.dir.localeCompare(b.dir))
    .flatMap(({ dir, seal }) => (seal ? sealArguments(dir) : ['--bind', dir, dir]));
  // A visible folder is bound back into the fresh tmpfs before that is made read-only (bwrap creates
  // the folders on the way); the rest of the hidden folder stays empty.
  const shown = [...new Set(visible.flatMap((path) => existingRealPath(path) ?? []))].sort();
  const masks = points.flatMap((dir) => ['--tmpfs', dir, ...shown.filter((path) => path.startsWith(`${dir}/`)).flatMap((path) => ['--bind', path, path]), '--remount-ro', dir]);
  const frozen = frozenPaths.flatMap((path) => ['--ro-bind', path, path]);
  const inner = shell ? ['/bin/sh', '-c', file] : [file, ...args];
  return { file: bwrap, args: ['--bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--unshare-pid', '--die-with-parent', '--new-session', '--cap-drop', 'ALL', ...pins, ...frozen, ...masks, '--', ...inner] };
}

/**
 * The folders that must not get a new entry from the command: the nearest existing folder of each
 * read-only path that does not exist yet (`~` for a missing `~/.zshrc`, `~/.local` for a missing
 * `~/.local/bin` on PATH). bwrap can only mount over something that exists, and a read-only parent
 * would refuse every new file there (a first `npm ci` making `~/.npm`). So a sealed folder becomes a
 * fresh tmpfs into which each existing entry is bound back from the real tree (folders and files
 * writable as before, symbolic links recreated): the command works as usual, but whatever it creates
 * directly in that folder lands in the tmpfs and is gone when it ends. The user's next shell never
 * sees a `~/.zshrc` it planted. Not inside the project (new files there must persist: checked after
 * the command, see requireStillAbsent), and never `/` or the temp folder.
 */
export function sealedFolders(readOnly: readonly string[], project?: string): string[] {
  const folders = new Set<string>();
  for (const path of readOnly) {
    if (lstatSync(path, { throwIfNoEntry: false })) continue;
    const folder = nearestExistingFolder(path);
    // Not `/`, and not the temp folder: the agent's own sandbox may write there anyway (doctor names a PATH
    // folder in it), and a tmpfs over it would mean one bind per temp file at every command.
    if (!folder || folder === '/' || folder === existingRealPath(tmpdir())) continue;
    if (project && (folder === project || folder.startsWith(`${project}/`))) continue;
    folders.add(folder);
  }
  return [...folders].sort();
}

function nearestExistingFolder(path: string): string | undefined {
  for (let at = dirname(path); ; at = dirname(at)) {
    const real = existingRealPath(at);
    if (real) return statSync(real).isDirectory() ? real : undefined;
    if (dirname(at) === at) return undefined;
  }
}

/** A fresh tmpfs with the folder's mode, then every existing entry bound (or linked) back in. */
function sealArguments(dir: string): string[] {
  const mode = (statSync(dir).mode & 0o7777).toString(8).padStart(4, '0');
  const entries = readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    const info = lstatSync(path, { throwIfNoEntry: false });
    if (!info) return [];
    return info.isSymbolicLink() ? ['--symlink', readlinkSync(path), path] : ['--bind', path, path];
  });
  return ['--perms', mode, '--tmpfs', dir, ...entries];
}

/** Read-only paths inside the project that do not exist yet: they must not exist after the command either. */
export function absentInProject(confine: Confinement): string[] {
  const { project } = confine;
  if (!project) return [];
  return (confine.readOnly ?? []).filter((path) => (path === project || path.startsWith(`${project}/`)) && !lstatSync(path, { throwIfNoEntry: false }));
}

/** After the command: a protected path inside the project that it created is a breach; fail closed. */
export function requireStillAbsent(absent: readonly string[], command: string): void {
  const planted = absent.filter((path) => lstatSync(path, { throwIfNoEntry: false }));
  if (!planted.length) return;
  throw new BlockedError(`A project command created ${planted.join(', ')}, which shipgate keeps read-only to project commands because it runs later outside every wall: its result is not trusted.`, {
    where: command,
    expected: `${planted.length === 1 ? 'that path' : 'those paths'} not to exist after the command, as before it`,
    found: planted.join(', '),
    hint: `Look at what that command (a test, a script) writes; remove ${planted.join(' and ')} if you did not put it there yourself, then gate again.`,
  });
}

function existingRealPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** `/a/b/c` → `/a`, `/a/b` (not `/`, which cannot be renamed anyway). */
function ancestors(dir: string): string[] {
  const parts = dir.split('/').filter(Boolean);
  return parts.slice(0, -1).map((_, index) => `/${parts.slice(0, index + 1).join('/')}`);
}

/**
 * The real path of each hidden folder: a mount covers the folder itself, so every way to it (a
 * symlinked home, `cd` through an absolute path, a script that is a symlink into it) meets the mask.
 */
function hiddenMountPoints(hidden: readonly string[]): string[] {
  const real = [...new Set(hidden.map((dir) => realpathSync(dir)))].sort();
  // The key folder inside the state root is hidden with it (and cannot be mounted on a read-only mask).
  return real.filter((dir) => !real.some((other) => other !== dir && dir.startsWith(`${other}/`)));
}

/** Create missing hidden folders (0700) and remember who they are (device + inode). */
export function prepareHidden(hidden: readonly string[]): Map<string, string> {
  const identity = new Map<string, string>();
  for (const dir of hidden) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    identity.set(dir, identityOf(dir));
  }
  return identity;
}

/** After the command: a hidden folder that was moved, replaced or removed is a breach; fail closed. */
export function requireHiddenUnchanged(before: Map<string, string>, command: string): void {
  for (const [dir, was] of before) {
    const now = identityOf(dir);
    if (now === was) continue;
    throw new BlockedError(`A project command replaced shipgate's state folder ${dir} while it ran: its result is not trusted.`, {
      where: command,
      expected: `${dir} to stay the folder it was (${was})`,
      found: now,
      hint: 'Look at what that command (a test, a script) does with folders outside the project; restore the state folder, then gate again.',
    });
  }
}

function identityOf(dir: string): string {
  try {
    const real = realpathSync(dir);
    const stat = statSync(real);
    return `${real} (device ${stat.dev}, inode ${stat.ino})`;
  } catch {
    return 'missing';
  }
}

/** Before a deploy or rollback changes anything: a required confinement that cannot run refuses now. */
export async function ensureConfinement(confine: Confinement | undefined, what: string): Promise<void> {
  if (!confine?.required) return;
  const probe = await probeConfinement(trustedProgram(confine.bwrap ?? 'bwrap', tmpdir()));
  if (!probe.ok) throw confinementUnavailable(probe.reason, what);
}

/** The teaching refusal when confinement is required but bubblewrap cannot run. */
export function confinementUnavailable(reason: string, command: string): BlockedError {
  return new BlockedError(`The project's commands must run confined here (hardened mode, or \`protection.confine: true\`: state folder and key hidden), but ${reason}.`, {
    where: command,
    expected: 'bubblewrap (bwrap) that can create user and PID namespaces',
    hint: 'Install it (`apt-get install bubblewrap`) and allow unprivileged user namespaces (`sysctl kernel.unprivileged_userns_clone=1`, or the AppArmor rule your distribution documents); `shipgate doctor` shows the result.',
  });
}
