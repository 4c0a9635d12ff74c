/**
 * Apply a ReleasePlan all or nothing. The journal is written BEFORE each step; the steps are:
 *   write-files → stage → commit → tag → (push) → finish.
 * Any failure before the push restores every file byte-for-byte and removes the commit and tag this
 * run made. The push is `git push --atomic <remote> <branch> <tag>`: both refs land or neither; a
 * rejected push (the remote moved on) undoes the local release and says how to resume. After a
 * successful push nothing is undone: the release exists, and the result says so.
 *
 * Test-only fault injection: see crash-hook.ts (SHIPGATE_TEST_CRASH_AT=<step>).
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { ConflictError, FailedError, InternalError, ShipgateError } from '../errors.js';
import { git, gitOk } from '../project/git.js';
import { readJournal, removeJournal, writeJournal, type ApplyStep, type ReleaseJournal } from './journal.js';
import { checkpoint, TestCrash } from './crash-hook.js';
import { rollbackRelease } from './rollback-release.js';
import type { ReleasePlan } from './plan-release.js';

export interface ApplyOptions {
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
}

export interface AppliedRelease {
  version: string;
  tag: string;
  commit: string;
  pushed: boolean;
  files: string[];
}

export async function applyRelease(plan: ReleasePlan, options: ApplyOptions = {}): Promise<AppliedRelease> {
  const env = options.env ?? process.env;
  const root = plan.projectRoot;
  if (!plan.nextVersion || !plan.tag || !plan.commitMessage || !plan.tagMessage || !plan.branch || !plan.head) {
    throw new InternalError('applyRelease called with a plan that has nothing to release or no branch/HEAD.');
  }
  if (plan.refusals.length) throw new InternalError('applyRelease called with a refused plan.');
  if (await readJournal(root)) {
    throw new ConflictError('An interrupted release journal exists.', { hint: 'Run `shipgate bump` again: it repairs the interrupted release first.' });
  }
  const journal: ReleaseJournal = {
    v: 1,
    pid: process.pid,
    startedAt: (options.now?.() ?? new Date()).toISOString(),
    step: 'write-files',
    version: plan.nextVersion,
    tag: plan.tag,
    branch: plan.branch,
    headBefore: plan.head,
    commitMessage: plan.commitMessage,
    push: plan.push,
    remote: plan.remote,
    files: plan.files.map((file) => ({ path: file.path, before: file.before })),
  };
  const step = async (name: ApplyStep): Promise<void> => {
    journal.step = name;
    await writeJournal(root, journal);
    checkpoint(name, env);
  };
  let pushed = false;
  try {
    await step('write-files');
    let first = true;
    for (const file of plan.files) {
      await writeFileAtomic(join(root, file.path), file.after);
      if (first) {
        first = false;
        checkpoint('write-files:partial', env);
      }
    }
    await step('stage');
    await gitOk(root, ['add', '--', ...plan.files.map((file) => file.path)]);
    await step('commit');
    await gitOk(root, ['commit', '-q', '--cleanup=verbatim', '-m', plan.commitMessage]);
    journal.releaseCommit = (await gitOk(root, ['rev-parse', 'HEAD'])).trim();
    await step('tag');
    await gitOk(root, ['tag', '-a', '--cleanup=whitespace', plan.tag, '-F', '-'], { input: plan.tagMessage });
    if (plan.push) {
      await step('push');
      const target = plan.upstream && plan.upstream.startsWith(`${plan.remote}/`) ? plan.upstream.slice(plan.remote.length + 1) : plan.branch;
      const result = await git(root, ['push', '--atomic', '--porcelain', plan.remote, `refs/heads/${plan.branch}:refs/heads/${target}`, `refs/tags/${plan.tag}`]);
      if (result.exitCode !== 0) {
        throw new ConflictError(`The push to ${plan.remote} was rejected; nothing was published.`, {
          where: `git push --atomic ${plan.remote} ${plan.branch}:${target} ${plan.tag}`,
          found: (result.stderr || result.stdout).trim().split('\n').slice(-4).join(' | '),
          hint: `The local release commit and tag were removed. Bring the branch up to date (\`git pull --rebase ${plan.remote} ${target}\`) and run \`shipgate bump --push\` again.`,
        });
      }
      pushed = true;
      await step('pushed');
    }
    await step('finish');
    await removeJournal(root);
    return { version: plan.nextVersion, tag: plan.tag, commit: journal.releaseCommit, pushed, files: plan.files.map((file) => file.path) };
  } catch (error) {
    if (error instanceof TestCrash && error.abandon) throw error;
    if (pushed) {
      // Published: undoing would rewrite public history. Say exactly what exists.
      await removeJournal(root).catch(() => undefined);
      throw new FailedError(`Release ${plan.tag} was pushed, but a later step failed: ${(error as Error).message}`, {
        hint: `Nothing to undo: ${plan.tag} and its commit are on ${plan.remote}. Continue with the deploy.`,
      });
    }
    let undone: string[];
    try {
      undone = await rollbackRelease(root, journal);
    } catch (rollbackError) {
      throw new FailedError(`Release ${plan.tag} failed and could not be undone automatically: ${(rollbackError as Error).message}`, {
        where: join(root, '.claude/shipgate/release-journal.json'),
        hint: 'The journal is kept; run `shipgate bump` again to retry the repair, or follow the message above.',
      });
    }
    if (error instanceof ShipgateError) {
      error.details.hint = `${error.details.hint ? `${error.details.hint} ` : ''}Undone: ${undone.join('; ') || 'nothing had been written'}.`;
      throw error;
    }
    throw new FailedError(`Release ${plan.tag} failed at step "${journal.step}": ${(error as Error).message}`, {
      hint: `Nothing was released. Undone: ${undone.join('; ') || 'nothing had been written'}. Fix the cause and run \`shipgate bump\` again.`,
    });
  }
}
