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
import { git } from './git.js';
import { LEGACY_STATE_DIR } from './state-dir.js';
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

/** Uncommitted paths (tracked changes and, unless `untracked: false`, untracked files), output excepted. */
export async function uncommittedPaths(projectRoot: string, config: OutputFolders, options: { untracked?: boolean; signal?: AbortSignal } = {}): Promise<string[]> {
  const result = await git(projectRoot, ['status', '--porcelain=v1', '-z', options.untracked === false ? '--untracked-files=no' : '--untracked-files=all'], { signal: options.signal });
  if (result.exitCode !== 0) throw new BlockedError('git status failed: the working tree cannot be checked.', { where: projectRoot, found: result.stderr.trim().slice(0, 300), hint: 'Fix the repository (`git status` must work), then run again.' });
  const prefixes = shipgateOutputPrefixes(config);
  const paths: string[] = [];
  const entries = result.stdout.split('\0');
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i]!;
    if (entry.length < 4) continue;
    const status = entry.slice(0, 2);
    paths.push(entry.slice(3));
    // A rename or copy carries its source as the next NUL-separated field.
    if (status.includes('R') || status.includes('C')) paths.push(entries[++i] ?? '');
  }
  return [...new Set(paths.filter((p) => p && !isShipgateOutput(p, prefixes)))];
}

/** BlockedError naming the uncommitted files, or nothing when the tree holds exactly the commit. */
export async function requireCleanTree(projectRoot: string, config: OutputFolders, action: string, signal?: AbortSignal): Promise<void> {
  const dirty = await uncommittedPaths(projectRoot, config, { signal });
  if (!dirty.length) return;
  throw new BlockedError(`Cannot ${action}: the working tree differs from the commit in ${dirty.length} file${dirty.length > 1 ? 's' : ''}: ${dirty.slice(0, 8).join(', ')}${dirty.length > 8 ? ', …' : ''}.`, {
    where: projectRoot,
    expected: 'a working tree identical to HEAD (gates and receipts are bound to the commit)',
    hint: 'Commit the changes (or `git stash -u`, or add build output to .gitignore), then run again.',
  });
}
