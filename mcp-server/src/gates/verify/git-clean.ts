/**
 * `git-clean`: the working tree has no uncommitted changes (shipgate's own output excepted), so
 * what is gated is what is committed.
 *
 * Good: `<verify kind="git-clean"/>`, `<verify kind="git-clean" allow_untracked="true"/>`
 * Bad:  gating a commit while `src/` holds edits that would not be deployed.
 */
import { uncommittedPaths } from '../../project/working-tree.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export const gitCleanKind: VerifyKind = {
  kind: 'git-clean',
  async verify(spec, context) {
    const allowUntracked = attribute(spec, 'allow_untracked') === 'true';
    let dirty: string[];
    try {
      dirty = await uncommittedPaths(context.projectRoot, context.config, { untracked: !allowUntracked, signal: context.signal });
    } catch (error) {
      return { status: 'error', message: (error as Error).message };
    }
    if (dirty.length) return { status: 'failed', message: `The working tree has ${dirty.length} uncommitted change${dirty.length > 1 ? 's' : ''}: ${dirty.slice(0, 5).join(', ')}${dirty.length > 5 ? ', …' : ''}. Commit or stash them.` };
    return { status: 'passed', message: 'The working tree is clean.' };
  },
};
