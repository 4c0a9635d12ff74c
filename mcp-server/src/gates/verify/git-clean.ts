/**
 * `git-clean`: the working tree has no uncommitted changes (shipgate's own state folder excepted), so
 * what is gated is what is committed.
 *
 * Good: `<verify kind="git-clean"/>`, `<verify kind="git-clean" allow_untracked="true"/>`
 * Bad:  gating a commit while `src/` holds edits that would not be deployed.
 */
import { git } from '../../project/git.js';
import { STATE_DIR } from '../../project/paths.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export const gitCleanKind: VerifyKind = {
  kind: 'git-clean',
  async verify(spec, context) {
    const allowUntracked = attribute(spec, 'allow_untracked') === 'true';
    const result = await git(context.projectRoot, ['status', '--porcelain', allowUntracked ? '--untracked-files=no' : '--untracked-files=all'], { signal: context.signal });
    if (result.exitCode !== 0) return { status: 'error', message: `git status failed: ${result.stderr.trim().slice(0, 300)}` };
    const dirty = result.stdout.split('\n').filter((line) => line.trim() && !line.slice(3).startsWith(`${STATE_DIR}/`) && !line.slice(3).startsWith('".claude/shipgate/'));
    if (dirty.length) return { status: 'failed', message: `The working tree has ${dirty.length} uncommitted change${dirty.length > 1 ? 's' : ''}: ${dirty.slice(0, 5).map((l) => l.slice(3)).join(', ')}${dirty.length > 5 ? ', …' : ''}. Commit or stash them.` };
    return { status: 'passed', message: 'The working tree is clean.' };
  },
};
