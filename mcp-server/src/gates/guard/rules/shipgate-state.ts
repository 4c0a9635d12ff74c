/**
 * Hand-writing shipgate's gate state (receipts, attestations, history, locks, key): those are written
 * by a passing gate and by a human attesting, never by the assistant copying, editing or moving
 * files there. Paths are normalised (`..`, `//`, `/./`, `~`, `$HOME`, symlinks, case where the
 * filesystem folds it) by protected-paths.ts; reading stays allowed.
 * Blocked: `cp r.json .claude/shipgate/receipts/`, `sed -i s/x/y/ .claude/shipgate/attestations.jsonl`,
 *          `rm -rf ~/.local/state/shipgate`, `node forge.js .claude//shipgate/./receipts/p.json`.
 * Allowed: `cat .claude/shipgate/receipts/p.json`, `sed -n 1p …`, `jq . …`, `python -m json.tool …`, `ls …`,
 *          `cp .claude/shipgate/receipts/p.json /tmp/backup.json` (only a copy's destination is written).
 */
import type { GuardRule } from './guard-rule.js';
import { isProtectedPath } from '../protected-paths.js';
import { readsOnly, writtenWords } from '../reads-only.js';

export const shipgateStateRule: GuardRule = {
  id: 'shipgate-state',
  check(command, context) {
    if (readsOnly(command.program, command.args)) return null;
    // `--output=PATH`, `of=PATH` (dd): the part after `=` is a path too.
    const words = writtenWords(command.program, command.args).flatMap((a) => (a.includes('=') ? [a.startsWith('-') ? '' : a, a.slice(a.indexOf('=') + 1)] : [a]));
    // Every word may be a path: a symlink named `r` can point into the state folder, after 200 other words as well.
    // Each distinct word once (`npm run build x npm run build x …` names four).
    const seen = new Set<string>();
    const target = words.find((w) => w !== '' && !w.startsWith('-') && !seen.has(w) && (seen.add(w), isProtectedPath(w, command.shell.cwd, context.env, context.files)));
    return target ? `writing shipgate's gate state (${target}) by hand` : null;
  },
};
