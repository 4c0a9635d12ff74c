/**
 * A clean checkout of one trusted commit, for running the project's provider and rollback commands.
 * Deploy and rollback run `scripts/deploy.sh` and friends; in the working tree those are whatever the
 * agent last wrote, and `rollback` needs no receipt (an incident is never blocked). So they run from
 * the commit that earned the trust instead: the gated release (deploy) or the release that served and
 * is being put back (rollback). An edit made after the gate, or before a rollback, never runs.
 *
 * The checkout is a detached `git worktree` (git still works inside it, so a script may run `git
 * rev-parse HEAD`), made without hooks, and removed afterwards whatever happened. Its files are written
 * from the commit's objects, each checked against its id (project/commit-export.ts): a rewritten object
 * file, a smudge filter or a link out of the commit never decides what runs. It lives under
 * shipgate's state root (`<state root>/trees/<pid>-<random>/tree`), not in the temp folder: a deploy
 * holds it for its whole monitor window, and the temp folder is writable from the agent's sandbox,
 * so a script there could be swapped between the provider and an automatic rollback. The state root is
 * what `shipgate harden` denies to the agent's shell and file tools; a confined command still sees its
 * own checkout through the mask (exec/confine.ts `visible`) and nothing else of the state root.
 * Commands run with that folder as cwd and `SHIPGATE_PROJECT_ROOT` naming the real project folder, for
 * files git ignores (a credentials file, a runtime URL): what a script reads from there is not gated.
 * A checkout left by a process that died (SIGKILL, power loss) is removed by the next one.
 *
 * Good: `withTrustedTree(root, plan.to.sha, (tree) => provider.run(action, plan.to, { projectRoot: tree.root, ... }))`.
 * Bad:  running the provider with `cwd: projectRoot`: the agent's uncommitted `scripts/deploy.sh` runs against production.
 */
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { git, gitOk } from './git.js';
import { exportCommit } from './commit-export.js';
import { stateRoot } from './state-dir.js';
import type { Confinement } from '../exec/confine.js';

export interface TrustedTree {
  /** The checkout: where the commands run. */
  root: string;
  sha: string;
  /** What a command gets in its environment: `SHIPGATE_PROJECT_ROOT` (the real project folder). */
  env: Record<string, string>;
}

/** How a command runs in the checkout: its environment, and the confinement (if any) with the checkout left visible. */
export function commandsIn(tree: TrustedTree, confine: Confinement | undefined): { env: Record<string, string>; confine?: Confinement } {
  return { env: tree.env, ...(confine ? { confine: { ...confine, visible: [...(confine.visible ?? []), tree.root] } } : {}) };
}

/** Where checkouts live: `<state root>/trees`. */
export function treesFolder(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateRoot(env), 'trees');
}

/** Check the commit out; the caller removes it (`remove`, in a finally). */
export async function checkoutTrustedTree(projectRoot: string, sha: string, env: NodeJS.ProcessEnv = process.env): Promise<TrustedTree & { remove(): Promise<void> }> {
  const trees = treesFolder(env);
  await mkdir(trees, { recursive: true, mode: 0o700 });
  await removeAbandoned(trees);
  const parent = await mkdtemp(join(trees, `${process.pid}-`));
  const root = join(parent, 'tree');
  const remove = async () => {
    await git(projectRoot, ['worktree', 'remove', '--force', root]).catch(() => undefined);
    await rm(parent, { recursive: true, force: true });
    await git(projectRoot, ['worktree', 'prune']).catch(() => undefined);
  };
  try {
    // git makes the worktree (HEAD, so a script may ask `git rev-parse HEAD`); the files come from the
    // verified objects (project/commit-export.ts), never from git's checkout; the index follows them.
    await gitOk(projectRoot, ['worktree', 'add', '--no-checkout', '--detach', '--force', '--quiet', root, sha]);
    await exportCommit(projectRoot, sha, root);
    await gitOk(root, ['read-tree', sha]);
  } catch (error) {
    await remove();
    throw error;
  }
  return { root, sha, env: { SHIPGATE_PROJECT_ROOT: projectRoot }, remove };
}

/** Run `use` in a checkout of the commit, removed afterwards whatever happened. */
export async function withTrustedTree<T>(projectRoot: string, sha: string, use: (tree: TrustedTree) => Promise<T>, env: NodeJS.ProcessEnv = process.env): Promise<T> {
  const tree = await checkoutTrustedTree(projectRoot, sha, env);
  try {
    return await use(tree);
  } finally {
    await tree.remove();
  }
}

/**
 * Checkouts whose process is gone: `<pid>-<random>` with no such process. Their worktree entries in
 * the repository that made them are pruned by git there (`git worktree prune`, run after every checkout).
 */
async function removeAbandoned(trees: string): Promise<void> {
  for (const name of await readdir(trees).catch(() => [] as string[])) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid || alive(pid)) continue;
    await rm(join(trees, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
