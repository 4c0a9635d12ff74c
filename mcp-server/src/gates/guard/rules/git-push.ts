/**
 * git push to the production branch (any remote), or to the configured git-push provider target.
 * Blocked: `git push origin main:production`, `git push origin HEAD:production`, `git push -f origin +main:prod`,
 *          `git -C app push origin production`, `git push origin :production`.
 * Allowed: `git push origin main`, `git push`, `git push origin feature/production-banner`.
 */
import { positionals, type GuardRule } from './guard-rule.js';

const GIT_VALUE_OPTIONS = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'];
const PUSH_VALUE_OPTIONS = ['--repo', '-o', '--push-option', '--receive-pack', '--exec', '--signed'];

export const gitPushRule: GuardRule = {
  id: 'git-push',
  check(command, policy) {
    if (command.program !== 'git') return null;
    const words = positionals(command.args, GIT_VALUE_OPTIONS);
    if (words[0] !== 'push') return null;
    const pushIndex = command.args.indexOf('push');
    const pushArgs = command.args.slice(pushIndex + 1);
    const [remote, ...refspecs] = positionals(pushArgs, PUSH_VALUE_OPTIONS);
    const deleting = pushArgs.includes('--delete') || pushArgs.includes('-d');
    for (const refspec of refspecs) {
      const spec = refspec.replace(/^\+/, '');
      const destination = (deleting || !spec.includes(':') ? spec : spec.slice(spec.indexOf(':') + 1)).replace(/^refs\/heads\//, '');
      if (policy.productionBranches.includes(destination)) return `git push to the production branch "${destination}"`;
      if (policy.gitPushTargets.some((t) => t.branch === destination && t.remote === remote)) return `git push to the configured production target ${remote}/${destination}`;
    }
    return null;
  },
};
