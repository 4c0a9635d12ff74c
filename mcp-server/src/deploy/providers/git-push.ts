/**
 * git-push provider: production is a branch of a remote (Heroku-style platforms, GitOps repositories).
 * Deploy pushes the release tag's commit to the branch; undo pushes the previous release's commit back
 * with `--force-with-lease=<branch>:<sha production has now>`, so a push someone else made meanwhile is
 * never overwritten silently. It has no traffic split: blue-green and canary need another provider.
 *
 * Good: `git push origin 4f2c…:refs/heads/production`.
 * Bad:  `git push --force origin HEAD:production` (pushes whatever is checked out, loses others' pushes).
 */
import { runArgv } from '../../exec/run.js';
import { git } from '../../project/git.js';
import type { Provider, ProviderAction, ProviderContext, ProviderRunResult, ReleaseRef } from './provider.js';
import { runSequence } from './provider.js';

export interface GitPushConfig {
  type: 'git-push';
  remote: string;
  branch: string;
}

export function createGitPushProvider(config: GitPushConfig): Provider {
  const ref = `refs/heads/${config.branch}`;
  async function remoteSha(context: ProviderContext): Promise<string | undefined> {
    const result = await git(context.projectRoot, ['ls-remote', config.remote, ref], { timeoutMs: context.timeoutMs, signal: context.signal });
    if (result.exitCode !== 0) return undefined;
    return result.stdout.split(/\s+/)[0] || undefined;
  }
  return {
    type: 'git-push',
    supports: (action) => action === 'deploy' || action === 'undo',
    commands(action: ProviderAction, release: ReleaseRef): string[][] {
      if (action.action === 'deploy') return [['git', 'push', config.remote, `${release.sha}:${ref}`]];
      if (action.action === 'undo') return [['git', 'push', `--force-with-lease=${config.branch}:<sha production has now>`, config.remote, `${release.sha}:${ref}`]];
      return [];
    },
    async run(action, release, context): Promise<ProviderRunResult> {
      if (action.action === 'deploy') {
        // A forward deploy may move production back (redeploying an older tag): lease on what is there now.
        const current = await remoteSha(context);
        const args = current
          ? ['push', `--force-with-lease=${ref}:${current}`, config.remote, `${release.sha}:${ref}`]
          : ['push', config.remote, `${release.sha}:${ref}`];
        return runSequence([['git', ...args]], context, runArgv);
      }
      if (action.action === 'undo') {
        const current = await remoteSha(context);
        if (current === release.sha) return { ok: true, runs: [], detail: `${config.remote}/${config.branch} already at ${release.tag}` };
        const lease = current ? `--force-with-lease=${ref}:${current}` : `--force-with-lease=${ref}`;
        return runSequence([['git', 'push', lease, config.remote, `${release.sha}:${ref}`]], context, runArgv);
      }
      return { ok: true, runs: [], detail: `git-push has no ${action.action} step (nothing to do)` };
    },
    async status(context) {
      const sha = await remoteSha(context);
      return { sha, detail: sha ? `${config.remote}/${config.branch} at ${sha.slice(0, 12)}` : `${config.remote}/${config.branch} does not exist yet` };
    },
  };
}
