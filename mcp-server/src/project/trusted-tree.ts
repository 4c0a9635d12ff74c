/**
 * A clean checkout of one trusted commit, for running the project's provider and rollback commands.
 * Deploy and rollback run `scripts/deploy.sh` and friends; in the working tree those are whatever the
 * agent last wrote, and `rollback` needs no receipt (an incident is never blocked). So they run from
 * the commit that earned the trust instead: the gated release (deploy) or the release that served and
 * is being put back (rollback). An edit made after the gate, or before a rollback, never runs.
 *
 * The checkout is a detached `git worktree` in the OS temp folder (git still works inside it, so a
 * script may run `git rev-parse HEAD`), made without hooks, and removed afterwards whatever happened.
 * Commands run with that folder as cwd and `SHIPGATE_PROJECT_ROOT` naming the real project folder, for
 * files git ignores (a credentials file, a runtime URL): what a script reads from there is not gated.
 *
 * Good: `withTrustedTree(root, plan.to.sha, (tree) => provider.run(action, plan.to, { projectRoot: tree.root, ... }))`.
 * Bad:  running the provider with `cwd: projectRoot`: the agent's uncommitted `scripts/deploy.sh` runs against production.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { git, gitOk } from './git.js';

export interface TrustedTree {
  /** The checkout: where the commands run. */
  root: string;
  sha: string;
  /** What a command gets in its environment: `SHIPGATE_PROJECT_ROOT` (the real project folder). */
  env: Record<string, string>;
}

/** Check the commit out; the caller removes it (`remove`, in a finally). */
export async function checkoutTrustedTree(projectRoot: string, sha: string): Promise<TrustedTree & { remove(): Promise<void> }> {
  const parent = await mkdtemp(join(tmpdir(), 'shipgate-tree-'));
  const root = join(parent, 'tree');
  const remove = async () => {
    await git(projectRoot, ['worktree', 'remove', '--force', root]).catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
    await git(projectRoot, ['worktree', 'prune']).catch(() => undefined);
  };
  try {
    await gitOk(projectRoot, ['worktree', 'add', '--detach', '--force', '--quiet', root, sha]);
  } catch (error) {
    await remove();
    throw error;
  }
  return { root, sha, env: { SHIPGATE_PROJECT_ROOT: projectRoot }, remove };
}

/** Run `use` in a checkout of the commit, removed afterwards whatever happened. */
export async function withTrustedTree<T>(projectRoot: string, sha: string, use: (tree: TrustedTree) => Promise<T>): Promise<T> {
  const tree = await checkoutTrustedTree(projectRoot, sha);
  try {
    return await use(tree);
  } finally {
    await tree.remove();
  }
}
