/**
 * Tracked files git has been told not to look at: `git update-index --assume-unchanged` and
 * `--skip-worktree` make `git status` report nothing for a file however much it is edited, so one
 * Bash command would otherwise hide an edit from the clean-tree check (project/working-tree.ts).
 *
 * Asking git (`git ls-files -v`) costs a process spawn on every gate, so the index file is read first:
 * when it is in the plain layout and no entry carries either bit (nearly always), the answer is "none"
 * without a spawn. Anything this reader does not fully understand (another index version, a split or
 * sparse index, a worktree, a SHA-256 repository, an entry that does not add up) asks git, so a reader
 * mistake can only cost time, never hide a file: only "no flagged entry in an index read to its end"
 * skips git, and the names always come from git.
 *
 * Good: `git update-index --assume-unchanged src/app.js` then editing it → ["src/app.js"].
 * Bad:  trusting `git status` alone: it is silent about that edit.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { git } from './git.js';
import { BlockedError } from '../errors.js';

const ASSUME_VALID = 0x8000;
const EXTENDED = 0x4000;
const SKIP_WORKTREE = 0x4000;
const NAME_MASK = 0x0fff;
/** ctime, mtime (8 each), dev, ino, mode, uid, gid, size (4 each), then a SHA-1. */
const FLAGS_OFFSET = 40 + 20;

export type IndexVerdict = 'none' | 'maybe';

/** Whether the index at `file` may hold assume-unchanged or skip-worktree entries ('maybe' also when unsure). */
export function scanIndex(bytes: Buffer): IndexVerdict {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'DIRC') return 'maybe';
  const version = bytes.readUInt32BE(4);
  if (version !== 2 && version !== 3 && version !== 4) return 'maybe';
  const count = bytes.readUInt32BE(8);
  const end = bytes.length - 20;
  let offset = 12;
  let previousLength = 0;
  for (let i = 0; i < count; i += 1) {
    if (offset + FLAGS_OFFSET + 2 > end) return 'maybe';
    const flags = bytes.readUInt16BE(offset + FLAGS_OFFSET);
    if (flags & ASSUME_VALID) return 'maybe';
    let pathStart = offset + FLAGS_OFFSET + 2;
    if (flags & EXTENDED) {
      if (version < 3 || pathStart + 2 > end) return 'maybe';
      if (bytes.readUInt16BE(pathStart) & SKIP_WORKTREE) return 'maybe';
      pathStart += 2;
    }
    let pathLength: number;
    if (version === 4) {
      // Path compressed against the previous one: a varint of bytes to drop, then the new suffix.
      let strip = 0;
      let byte: number;
      let at = pathStart;
      do {
        if (at >= end) return 'maybe';
        byte = bytes[at++]!;
        strip = (strip << 7) | (byte & 0x7f);
        if (byte & 0x80) strip += 1;
      } while (byte & 0x80);
      const nul = bytes.indexOf(0, at);
      if (nul < 0 || nul >= end || strip > previousLength) return 'maybe';
      pathLength = previousLength - strip + (nul - at);
      offset = nul + 1;
    } else {
      const nul = bytes.indexOf(0, pathStart);
      if (nul < 0 || nul >= end) return 'maybe';
      pathLength = nul - pathStart;
      // Entries are padded with 1–8 NULs to a multiple of 8 bytes.
      offset += (pathStart - offset + pathLength + 8) & ~7;
    }
    // The flags carry the name length (up to 0xFFF): a mismatch means this reader lost its place.
    if ((flags & NAME_MASK) !== Math.min(pathLength, NAME_MASK)) return 'maybe';
    previousLength = pathLength;
  }
  // Extensions: a split index keeps entries in another file, a sparse index folds them into folders.
  while (offset + 8 <= end) {
    const signature = bytes.toString('latin1', offset, offset + 4);
    if (signature === 'link' || signature === 'sdir') return 'maybe';
    offset += 8 + bytes.readUInt32BE(offset + 4);
  }
  return offset === end ? 'none' : 'maybe';
}

/** The plain layout's index (`.git/` a folder, no GIT_DIR/GIT_INDEX_FILE override), scanned; else 'maybe'. */
async function scanProjectIndex(projectRoot: string): Promise<IndexVerdict> {
  if (process.env.GIT_DIR || process.env.GIT_INDEX_FILE || process.env.GIT_WORK_TREE) return 'maybe';
  try {
    const gitDir = join(projectRoot, '.git');
    if (!(await stat(gitDir)).isDirectory()) return 'maybe';
    const [config, index] = await Promise.all([readFile(join(gitDir, 'config'), 'utf8'), readFile(join(gitDir, 'index'))]);
    // Entries of a SHA-256 repository are laid out differently: git reads those.
    if (/objectformat/i.test(config)) return 'maybe';
    return scanIndex(index);
  } catch (error) {
    // No index yet (a repository with no commit staged): nothing can be flagged.
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'none' : 'maybe';
  }
}

/** Tracked paths marked assume-unchanged or skip-worktree (names from `git ls-files -v`). */
export async function hiddenEntries(projectRoot: string, signal?: AbortSignal): Promise<string[]> {
  if ((await scanProjectIndex(projectRoot)) === 'none') return [];
  const result = await git(projectRoot, ['ls-files', '-v', '-z'], { signal });
  if (result.exitCode !== 0) throw new BlockedError('git ls-files failed: the working tree cannot be checked.', { where: projectRoot, found: result.stderr.trim().slice(0, 300), hint: 'Fix the repository (`git ls-files` must work), then run again.' });
  const hidden: string[] = [];
  for (const entry of result.stdout.split('\0')) {
    // `h path`: a lower-case tag is assume-unchanged; S (or s) is skip-worktree.
    const tag = entry[0];
    if (entry.length > 2 && tag !== undefined && (tag === 'S' || tag !== tag.toUpperCase())) hidden.push(entry.slice(2));
  }
  return hidden;
}
