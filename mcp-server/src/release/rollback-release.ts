/**
 * Undo a local, unpushed release from its journal: delete the tag, move the branch back to the HEAD
 * the release started from (only if HEAD is exactly the release commit on top of it), restore every
 * file's original bytes, clear the index, and remove the journal. Used when apply fails and when the
 * next run finds a journal left by a killed process.
 *
 * Good: commit + tag made, push rejected → tag deleted, `git reset --mixed <before>`, files restored.
 * Bad:  `git reset --hard` — would also throw away work that is not ours.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git, gitOk, gitTest } from '../project/git.js';
import { removeJournal, type ReleaseJournal } from './journal.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ConflictError } from '../errors.js';

export async function rollbackRelease(root: string, journal: ReleaseJournal): Promise<string[]> {
  const done: string[] = [];
  if (await gitTest(root, ['rev-parse', '-q', '--verify', `refs/tags/${journal.tag}`])) {
    // Preflight proved the tag did not exist when the journal was written, so it is ours.
    await gitOk(root, ['tag', '-d', journal.tag]);
    done.push(`deleted tag ${journal.tag}`);
  }
  const head = (await git(root, ['rev-parse', '-q', '--verify', 'HEAD'])).stdout.trim();
  const branch = (await git(root, ['symbolic-ref', '-q', '--short', 'HEAD'])).stdout.trim();
  if (head !== journal.headBefore) {
    const parent = (await git(root, ['rev-parse', '-q', '--verify', 'HEAD^'])).stdout.trim();
    const subject = (await git(root, ['log', '-1', '--format=%s'])).stdout.trim();
    const ours = branch === journal.branch && parent === journal.headBefore && subject === journal.commitMessage;
    if (!ours) {
      throw new ConflictError(`Cannot undo the interrupted release ${journal.tag} automatically: HEAD moved since it started.`, {
        where: `branch ${branch || '(detached)'} at ${head.slice(0, 12)}`,
        expected: `HEAD at ${journal.headBefore.slice(0, 12)} or the release commit "${journal.commitMessage}" directly on top of it`,
        hint: `Inspect \`git log\`; if a "${journal.commitMessage}" commit is still there, remove it by hand, then delete ${join('.claude/shipgate', 'release-journal.json')}.`,
      });
    }
    await gitOk(root, ['reset', '-q', '--mixed', journal.headBefore]);
    done.push(`removed release commit ${head.slice(0, 12)} (branch ${branch} back at ${journal.headBefore.slice(0, 12)})`);
  } else if (journal.headBefore) {
    await gitOk(root, ['reset', '-q', '--mixed', journal.headBefore]);
  }
  for (const file of journal.files) {
    const path = join(root, file.path);
    if (file.before === null) await rm(path, { force: true });
    else await writeFileAtomic(path, file.before);
  }
  if (journal.files.length) done.push(`restored ${journal.files.map((file) => file.path).join(', ')}`);
  await removeJournal(root);
  return done;
}
