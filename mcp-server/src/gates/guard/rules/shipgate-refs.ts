/**
 * The team's lock, history and signed gate records live under `refs/shipgate/*` on the remote and are
 * written only by shipgate (compare-and-swap, signed). The assistant pushing there by hand (deleting
 * someone's lock, rewriting the history chain) is refused here first; signatures and the remote's
 * compare-and-swap are the wall behind it.
 * Blocked: `git push origin :refs/shipgate/locks/production`, `git push -f origin x:refs/shipgate/history/production`,
 *          `git push origin --delete refs/shipgate/locks/production`, `git push origin 'refs/shipgate/*'`.
 * Allowed: `git fetch origin 'refs/shipgate/*:refs/shipgate/*'`, `git push origin main`, `git ls-remote origin`.
 */
import { positionals, type GuardRule } from './guard-rule.js';

const GIT_VALUE_OPTIONS = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'];
const PUSH_VALUE_OPTIONS = ['--repo', '-o', '--push-option', '--receive-pack', '--exec', '--signed'];

export const shipgateRefsRule: GuardRule = {
  id: 'shipgate-refs',
  check(command) {
    if (command.program !== 'git') return null;
    const words = positionals(command.args, GIT_VALUE_OPTIONS);
    if (words[0] !== 'push') return null;
    const pushArgs = command.args.slice(command.args.indexOf('push') + 1);
    const [, ...refspecs] = positionals(pushArgs, PUSH_VALUE_OPTIONS);
    const touched = refspecs.find((refspec) => {
      const spec = refspec.replace(/^\+/, '');
      const destination = spec.includes(':') ? spec.slice(spec.indexOf(':') + 1) : spec;
      return /^refs\/shipgate\//.test(destination) || /^refs\/shipgate\//.test(spec);
    });
    if (pushArgs.includes('--mirror')) return 'git push --mirror would overwrite the team lock and history under refs/shipgate/*';
    return touched ? `git push to ${touched.replace(/^\+/, '')}: the team lock, history and gate records are written only by shipgate` : null;
  },
};
