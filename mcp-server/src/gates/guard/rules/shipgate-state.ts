/**
 * Hand-writing shipgate's gate state: receipts and attestations are written by a passing gate and by a
 * human attesting, never by the assistant copying, editing or redirecting into them.
 * Blocked: `echo '{...}' > .claude/shipgate/receipts/production.json`, `cp r.json .claude/shipgate/receipts/`,
 *          `sed -i s/x/y/ .claude/shipgate/attestations.jsonl`, `node -e "..." .claude/shipgate/receipts/p.json`.
 * Allowed: `cat .claude/shipgate/receipts/production.json`, `git diff .claude/shipgate/`, `ls .claude/shipgate`.
 */
import type { GuardRule } from './guard-rule.js';

const STATE_PATH = /(^|\/)\.claude\/shipgate\/(receipts(\/|$)|attestations\.jsonl)/;
const READ_ONLY = new Set(['cat', 'less', 'more', 'head', 'tail', 'grep', 'rg', 'egrep', 'fgrep', 'jq', 'ls', 'wc', 'stat', 'file', 'diff', 'git', 'bat', 'sha256sum', 'md5sum', 'shipgate', 'test', '[', 'echo', 'printf']);

export function isShipgateStatePath(word: string): boolean {
  return STATE_PATH.test(word);
}

export const shipgateStateRule: GuardRule = {
  id: 'shipgate-state',
  check(command) {
    if (READ_ONLY.has(command.program)) return null;
    const target = command.args.find(isShipgateStatePath);
    return target ? `writing shipgate's gate state (${target}) by hand` : null;
  },
};
