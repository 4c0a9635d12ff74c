/**
 * The command provider's own argv from shipgate.config.yaml (deploy, promote, traffic, undo of a
 * production environment), matched word by word up to the first `{placeholder}`.
 * Blocked (with `deploy: [./scripts/deploy.sh, "{version}"]`): `./scripts/deploy.sh 1.2.3`, `bash scripts/deploy.sh 1.2.3`.
 * Allowed: `./scripts/deploy-docs.sh`, `cat scripts/deploy.sh`.
 */
import type { GuardRule } from './guard-rule.js';

const normalize = (word: string) => word.replace(/^\.\//, '');

/** `scripts/deploy.sh` matches `/repo/scripts/deploy.sh`; `deploy-tool` matches `/usr/bin/deploy-tool`. */
function sameProgram(configured: string, written: string): boolean {
  if (configured.split('/').pop() !== written.split('/').pop()) return false;
  return !configured.includes('/') || written.endsWith(`/${configured}`) || configured.endsWith(`/${written}`);
}

export const configuredCommandRule: GuardRule = {
  id: 'configured-command',
  check(command, policy) {
    const words = [command.programWord, ...command.args].map(normalize);
    for (const argv of policy.commandArgv) {
      const cut = argv.findIndex((w) => w.includes('{'));
      const prefix = (cut < 0 ? argv : argv.slice(0, cut)).map(normalize);
      if (prefix.length === 0 || prefix.length > words.length) continue;
      const same = prefix.every((w, i) => w === words[i] || (i === 0 && sameProgram(w, words[0]!)));
      if (same) return `the configured production deploy command \`${argv.join(' ')}\``;
    }
    return null;
  },
};
