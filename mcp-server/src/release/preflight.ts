/**
 * What must hold before a release touches anything. Each check returns a refusal that says how to fix
 * it; `shipgate bump` refuses (and changes nothing) when there is one, `--dry-run` lists them.
 *
 * Good: "Tag v1.3.0 already exists on origin. fix: a release of 1.3.0 was already pushed; `git fetch --tags`".
 * Bad:  creating the commit first and failing on `git tag` — that is the mess this module prevents.
 */
import { git, gitOk, gitTest } from '../project/git.js';
import { ConfigError } from '../errors.js';
import { isShipgateOutput, shipgateOutputPrefixes } from '../project/working-tree.js';

export interface Refusal {
  id: 'wrong-branch' | 'no-remote' | 'dirty-tree' | 'detached-head' | 'tag-exists' | 'tag-exists-remote' | 'behind-upstream' | 'bump-too-small' | 'interrupted-release' | 'no-commits' | 'promotion-prerequisite';
  message: string;
  hint: string;
}

export interface RepositoryState {
  branch: string | null;
  head: string | null;
  /** `origin/main` style upstream, if the branch has one. */
  upstream: string | null;
  remoteExists: boolean;
}

export async function ensureGitRepository(root: string): Promise<void> {
  if (!(await gitTest(root, ['rev-parse', '--is-inside-work-tree']))) {
    throw new ConfigError('This folder is not a git repository.', {
      where: root,
      expected: 'a git working tree (a release is a commit and a tag)',
      hint: 'Run `git init` and commit your work, or run shipgate inside the repository.',
    });
  }
}

export async function readRepositoryState(root: string, remote: string): Promise<RepositoryState> {
  const branchResult = await git(root, ['symbolic-ref', '-q', '--short', 'HEAD']);
  const branch = branchResult.exitCode === 0 ? branchResult.stdout.trim() : null;
  const headResult = await git(root, ['rev-parse', '-q', '--verify', 'HEAD']);
  const head = headResult.exitCode === 0 ? headResult.stdout.trim() : null;
  const upstreamResult = branch ? await git(root, ['rev-parse', '--abbrev-ref', '--symbolic-full-name', '@{u}']) : null;
  const upstream = upstreamResult && upstreamResult.exitCode === 0 ? upstreamResult.stdout.trim() : null;
  const remoteExists = await gitTest(root, ['remote', 'get-url', remote]);
  return { branch, head, upstream, remoteExists };
}

export interface PreflightOptions {
  tag: string;
  remote: string;
  push: boolean;
  /** versioning.branch: releases are cut from this branch only. */
  releaseBranch?: string;
  /** Where shipgate writes records and learnings: its own output is not dirt. */
  output?: { records: { dir: string }; learnings: { dir: string } };
}

export async function preflight(root: string, state: RepositoryState, options: PreflightOptions): Promise<Refusal[]> {
  const { tag, remote } = options;
  const refusals: Refusal[] = [];
  if (options.releaseBranch && state.branch && state.branch !== options.releaseBranch) {
    refusals.push({
      id: 'wrong-branch',
      message: `Releases are cut from ${options.releaseBranch} (versioning.branch), but HEAD is on ${state.branch}.`,
      hint: `\`git switch ${options.releaseBranch}\` and run again, or change versioning.branch.`,
    });
  }
  if (options.push && !state.remoteExists) {
    refusals.push({
      id: 'no-remote',
      message: `--push needs the remote "${remote}", which this repository does not have.`,
      hint: `Add it (\`git remote add ${remote} <url>\`), set versioning.remote, or release without --push.`,
    });
  }
  if (!state.branch) {
    refusals.push({
      id: 'detached-head',
      message: 'HEAD is detached: a release commit would belong to no branch.',
      hint: 'Check out the release branch first: `git switch main` (or your release branch).',
    });
  }
  const status = await gitOk(root, ['status', '--porcelain', '--untracked-files=all']);
  const prefixes = shipgateOutputPrefixes(options.output ?? { records: { dir: '.claude/processes' }, learnings: { dir: '.claude/shipgate/learnings' } });
  const dirty = status.split('\n').filter((line) => line.trim() !== '' && !isShipgateOutput(line.slice(3), prefixes));
  if (dirty.length) {
    refusals.push({
      id: 'dirty-tree',
      message: `The working tree has ${dirty.length} uncommitted change${dirty.length === 1 ? '' : 's'} (${dirty.slice(0, 3).map((l) => l.slice(3)).join(', ')}${dirty.length > 3 ? ', …' : ''}).`,
      hint: 'Commit or stash them (`git stash -u`) so the release commit contains only the release.',
    });
  }
  if (await gitTest(root, ['rev-parse', '-q', '--verify', `refs/tags/${tag}`])) {
    refusals.push({
      id: 'tag-exists',
      message: `Tag ${tag} already exists in this repository.`,
      hint: `That version was already released; bump again from it (the version files may be stale), or delete the tag if it is a leftover: \`git tag -d ${tag}\`.`,
    });
  }
  if (state.remoteExists) {
    const remoteTag = await git(root, ['ls-remote', '--tags', remote, `refs/tags/${tag}`]);
    if (remoteTag.exitCode === 0 && remoteTag.stdout.trim() !== '') {
      refusals.push({
        id: 'tag-exists-remote',
        message: `Tag ${tag} already exists on ${remote}.`,
        hint: `Someone released ${tag} already: \`git pull --tags ${remote}\` and run \`shipgate bump\` again.`,
      });
    }
  }
  if (state.upstream && state.branch) {
    const upstreamRemote = state.upstream.split('/')[0] ?? remote;
    await git(root, ['fetch', '--quiet', '--no-tags', upstreamRemote]);
    const behind = await git(root, ['rev-list', '--count', 'HEAD..@{u}']);
    const count = Number(behind.stdout.trim());
    if (behind.exitCode === 0 && count > 0) {
      refusals.push({
        id: 'behind-upstream',
        message: `Branch ${state.branch} is ${count} commit${count === 1 ? '' : 's'} behind ${state.upstream}.`,
        hint: `Bring it up to date first (\`git pull --rebase ${upstreamRemote} ${state.upstream.slice(upstreamRemote.length + 1)}\`) so the release includes what is already published.`,
      });
    }
  }
  return refusals;
}
