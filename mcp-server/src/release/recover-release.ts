/**
 * The next run after a killed `shipgate bump` finds the journal and repairs: if the push reached the
 * remote (the tag is there), the release is complete and only the journal goes; otherwise the local
 * half-release is undone (rollback-release.ts). A dry run never repairs; it explains.
 *
 * Good: killed between `commit` and `tag` → next run removes the commit, restores files, then releases.
 * Bad:  a second run that creates a second release commit on top of the half-made first one.
 *
 * The caller holds the release lock (run-bump.ts): a journal found then belongs to a run that has ended.
 */
import { git } from '../project/git.js';
import { readJournal, removeJournal, type ReleaseJournal } from './journal.js';
import { rollbackRelease } from './rollback-release.js';

export interface Recovery {
  tag: string;
  step: string;
  action: 'completed' | 'rolled-back' | 'needs-repair';
  message: string;
}

export async function recoverInterruptedRelease(root: string, options: { dryRun: boolean }): Promise<Recovery | null> {
  const journal = await readJournal(root);
  if (!journal) return null;
  const published = await isPublished(root, journal);
  if (options.dryRun) {
    return {
      tag: journal.tag,
      step: journal.step,
      action: 'needs-repair',
      message: published
        ? `An interrupted release of ${journal.tag} was pushed already; the next real run only clears its journal.`
        : `A release of ${journal.tag} was interrupted at step "${journal.step}"; the next real \`shipgate bump\` undoes it first.`,
    };
  }
  if (published) {
    await removeJournal(root);
    return { tag: journal.tag, step: journal.step, action: 'completed', message: `${journal.tag} had reached ${journal.remote} before the interruption; it is released. Cleared the journal.` };
  }
  const undone = await rollbackRelease(root, journal);
  return {
    tag: journal.tag,
    step: journal.step,
    action: 'rolled-back',
    message: `Undid the release of ${journal.tag} interrupted at step "${journal.step}": ${undone.join('; ') || 'nothing had been written'}.`,
  };
}

async function isPublished(root: string, journal: ReleaseJournal): Promise<boolean> {
  if (journal.step === 'pushed' || (journal.step === 'finish' && journal.push)) return true;
  if (journal.step !== 'push') return false;
  const remote = await git(root, ['ls-remote', '--tags', journal.remote, `refs/tags/${journal.tag}`]);
  return remote.exitCode === 0 && remote.stdout.trim() !== '';
}
