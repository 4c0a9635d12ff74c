/**
 * `git-branch`: HEAD is on the named branch (a comma list and `*` globs allowed).
 *
 * Good: `<verify kind="git-branch" branch="main,release/*"/>`
 * Bad:  deploying production from a detached HEAD or a feature branch.
 */
import { git } from '../../project/git.js';
import { attribute, type VerifyKind } from './verify-kind.js';

export const gitBranchKind: VerifyKind = {
  kind: 'git-branch',
  async verify(spec, context) {
    const wanted = attribute(spec, 'branch')?.split(',').map((s) => s.trim()).filter(Boolean);
    if (!wanted?.length) return { status: 'error', message: 'The verify element needs a `branch` attribute.' };
    const result = await git(context.projectRoot, ['symbolic-ref', '--quiet', '--short', 'HEAD'], { signal: context.signal });
    const branch = result.stdout.trim();
    if (result.exitCode !== 0 || !branch) return { status: 'failed', message: `HEAD is detached; expected branch ${wanted.join(' or ')}.` };
    const match = wanted.some((w) => new RegExp(`^${w.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*')}$`).test(branch));
    if (!match) return { status: 'failed', message: `HEAD is on ${branch}, expected ${wanted.join(' or ')}.` };
    return { status: 'passed', message: `HEAD is on ${branch}.` };
  },
};
