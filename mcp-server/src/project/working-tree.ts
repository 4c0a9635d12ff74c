/**
 * What in the working tree is not committed, minus shipgate's own output. The gate binds to a commit,
 * so `gate`, `deploy`, `bump` and the `git-clean` verify kind all refuse tracked changes and untracked
 * files git does not ignore: otherwise "gate with good files in the tree, then `git checkout -- .`"
 * ships a commit that was never checked. shipgate's own output (deployment records, learnings, the
 * ship report, the legacy `.claude/shipgate/` folder) is not dirt: writing it never blocks the next run.
 *
 * Good: after a deploy, `.claude/processes/deployment-v1.2.0-….md` is new: the next gate still runs.
 * Bad:  `src/app.js` modified, or `hotfix.js` untracked: refused, naming them.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from './git.js';
import type { RunResult } from '../exec/run.js';
import { hiddenEntries } from './git-hidden-entries.js';
import { LEGACY_STATE_DIR, stateRoot } from './state-dir.js';
import { BlockedError } from '../errors.js';

export interface OutputFolders {
  records: { dir: string };
  learnings: { dir: string };
}

/** Repository-relative prefixes of what shipgate writes itself. */
export function shipgateOutputPrefixes(config: OutputFolders): string[] {
  const folder = (dir: string) => `${dir.replace(/^\.\//, '').replace(/\/+$/, '')}/`;
  return [...new Set([folder(config.records.dir), folder(config.learnings.dir), `${LEGACY_STATE_DIR}/`])];
}

const SHIP_REPORT = /^specs\/[^/]+\/production-ship-report\.md$/;

export function isShipgateOutput(path: string, prefixes: readonly string[]): boolean {
  return SHIP_REPORT.test(path) || prefixes.some((prefix) => path.startsWith(prefix));
}

/**
 * git status as the gate needs it, whatever the repository's own config says: no fsmonitor hook (a
 * hook script answers "what changed?" and could answer "nothing"), no untracked cache (listings
 * remembered from an earlier run: the gate reads the folders now), and no optional locks, so the status never takes
 * `index.lock` from a check's own git command running beside it (gates/run-gate.ts runs them at once).
 */
const STATUS_ARGS = ['--no-optional-locks', '-c', 'core.fsmonitor=false', '-c', 'core.untrackedCache=false', 'status', '--porcelain=v1', '-z'] as const;

/** Said after a path git status cannot vouch for (project/git-hidden-entries.ts). */
export const HIDDEN_NOTE = '(git is told not to look at it: assume-unchanged or skip-worktree)';

/**
 * Every path git reports as differing from HEAD (tracked changes, staged or not; untracked unless
 * `untracked: false`), and every tracked path git status is told to skip, marked with HIDDEN_NOTE.
 */
export async function workingTreeChanges(projectRoot: string, options: { untracked?: boolean; signal?: AbortSignal } = {}): Promise<string[]> {
  const args = [...STATUS_ARGS, options.untracked === false ? '--untracked-files=no' : '--untracked-files=all'];
  // The repository's index says what is staged; a fresh one says what the files really hold (see statusAgainstHead).
  const [staged, read, hidden] = await Promise.all([git(projectRoot, args, { signal: options.signal }), statusAgainstHead(projectRoot, args, options.signal), hiddenEntries(projectRoot, options.signal)]);
  const paths: string[] = [];
  for (const result of [staged, read]) {
    if (result.exitCode !== 0) throw new BlockedError('git status failed: the working tree cannot be checked.', { where: projectRoot, found: result.stderr.trim().slice(0, 300), hint: 'Fix the repository (`git status` must work), then run again.' });
    paths.push(...statusPaths(result.stdout));
  }
  const skipped = new Set(hidden);
  const listed = paths.filter((path) => !skipped.has(path));
  for (const path of hidden) listed.push(`${path} ${HIDDEN_NOTE}`);
  return [...new Set(listed.filter(Boolean))];
}

/** The paths of `git status --porcelain=v1 -z` output (both sides of a rename or copy). */
function statusPaths(stdout: string): string[] {
  const paths: string[] = [];
  const entries = stdout.split('\0');
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    paths.push(entry.slice(3));
    // A rename or copy carries its source as the next NUL-separated field.
    if (status.includes('R') || status.includes('C')) paths.push(entries[++i] ?? '');
  }
  return paths;
}

/**
 * git status against a fresh index read from HEAD, in a scratch file under the state root, never the
 * repository's own `.git/index`. The index caches each file's size, times and inode, and git status
 * trusts a file whose stat data matches its entry without reading it. `.git/index` is the agent's to
 * write (the project folder, also from its sandbox): an index rewritten so that a good `src/app.js`
 * matches the entry of the bad, committed one makes status say "clean" while the gate tests the good
 * file and the receipt names the bad commit. A fresh index has no stat data, so every tracked file is
 * read and hashed (clean filters and line endings applied as git does); that costs one read of the
 * tracked files per check (tested in test/security/index-forgery.test.ts).
 */
async function statusAgainstHead(projectRoot: string, args: readonly string[], signal?: AbortSignal): Promise<RunResult> {
  const scratch = join(stateRoot(), 'scratch');
  await mkdir(scratch, { recursive: true, mode: 0o700 });
  const dir = await mkdtemp(join(scratch, `${process.pid}-`));
  try {
    const env = { GIT_INDEX_FILE: join(dir, 'index') };
    // One process in the common case; only when it fails, ask whether HEAD has no commit yet (then there is
    // nothing to read, and status against an empty index says what there is).
    const read = await git(projectRoot, ['read-tree', 'HEAD^{commit}'], { env, signal });
    if (read.exitCode !== 0) {
      const head = await git(projectRoot, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { signal });
      if (head.exitCode === 0) return read;
      await rm(join(dir, 'index'), { force: true });
    }
    return await git(projectRoot, args, { env, signal });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Uncommitted paths (tracked changes and, unless `untracked: false`, untracked files), output excepted. */
export async function uncommittedPaths(projectRoot: string, config: OutputFolders, options: { untracked?: boolean; signal?: AbortSignal } = {}): Promise<string[]> {
  return withoutShipgateOutput(await workingTreeChanges(projectRoot, options), config);
}

function withoutShipgateOutput(paths: readonly string[], config: OutputFolders): string[] {
  const prefixes = shipgateOutputPrefixes(config);
  return paths.filter((p) => !isShipgateOutput(p, prefixes));
}

/** BlockedError naming the uncommitted files, or nothing when the tree holds exactly the commit. */
export async function requireCleanTree(projectRoot: string, config: OutputFolders, action: string, signal?: AbortSignal): Promise<void> {
  const dirty = await uncommittedPaths(projectRoot, config, { signal });
  if (dirty.length) throw dirtyTreeError(projectRoot, action, dirty);
}

/**
 * requireCleanTree split in two so git runs while the caller works: git status starts now, before the
 * caller knows its configuration; the returned function, given the configuration, resolves when the tree
 * is clean and rejects with the same BlockedError otherwise. A caller that never asks (its config failed
 * to load) leaves no unhandled rejection behind.
 *
 * Good: `const verdict = beginCleanTreeCheck(root, 'gate production'); …load config, start checks…; await verdict(config)`.
 * Bad:  issuing anything that vouches for the commit before the verdict has been awaited.
 */
export function beginCleanTreeCheck(projectRoot: string, action: string, signal?: AbortSignal): (config: OutputFolders) => Promise<void> {
  const changes = workingTreeChanges(projectRoot, { signal }).then(
    (paths) => ({ paths }),
    (error: unknown) => ({ error }),
  );
  return async (config) => {
    const found = await changes;
    if ('error' in found) throw found.error;
    const dirty = withoutShipgateOutput(found.paths, config);
    if (dirty.length) throw dirtyTreeError(projectRoot, action, dirty);
  };
}

function dirtyTreeError(projectRoot: string, action: string, dirty: readonly string[]): BlockedError {
  return new BlockedError(`Cannot ${action}: the working tree differs from the commit in ${dirty.length} file${dirty.length > 1 ? 's' : ''}: ${dirty.slice(0, 8).join(', ')}${dirty.length > 8 ? ', …' : ''}.`, {
    where: projectRoot,
    expected: 'a working tree identical to HEAD (gates and receipts are bound to the commit)',
    hint: dirty.some((path) => path.endsWith(HIDDEN_NOTE))
      ? 'Let git look at every file again (`git update-index --no-assume-unchanged --no-skip-worktree -- <file>`, or `git sparse-checkout disable`), commit any change it then shows, and run again.'
      : 'Commit the changes (or `git stash -u`, or add build output to .gitignore), then run again.',
  });
}
