/**
 * Hand-writing shipgate's gate state (receipts, attestations, history, locks, key): those are written
 * by a passing gate and by a human attesting, never by the assistant copying, editing or moving
 * files there. Paths are normalised (`..`, `//`, `/./`, `~`, `$HOME`, symlinks, case where the
 * filesystem folds it) by protected-paths.ts; reading stays allowed.
 * Blocked: `cp r.json .claude/shipgate/receipts/`, `sed -i s/x/y/ .claude/shipgate/attestations.jsonl`,
 *          `rm -rf ~/.local/state/shipgate`, `node forge.js .claude//shipgate/./receipts/p.json`.
 * Allowed: `cat .claude/shipgate/receipts/p.json`, `sed -n 1p …`, `jq . …`, `python -m json.tool …`, `ls …`.
 */
import type { GuardCommand, GuardRule } from './guard-rule.js';
import { isProtectedPath } from '../protected-paths.js';

const READ_ONLY = new Set(['cat', 'less', 'more', 'head', 'tail', 'grep', 'rg', 'egrep', 'fgrep', 'jq', 'yq', 'ls', 'wc', 'stat', 'file', 'diff', 'cmp', 'bat', 'sha256sum', 'sha1sum', 'md5sum', 'shasum', 'b2sum', 'cksum', 'shipgate', 'test', '[', 'echo', 'printf', 'tree', 'du', 'realpath', 'readlink', 'basename', 'dirname', 'xxd', 'od', 'hexdump', 'strings', 'nl', 'column', 'git']);

/** Read-only uses of programs that can also write: `sed` without -i, `python -m json.tool` with one file. */
function readsOnly(command: GuardCommand): boolean {
  const { program, args } = command;
  if (READ_ONLY.has(program)) return program !== 'yq' || !args.some((a) => /^(-i|--inplace)$/.test(a));
  if (program === 'sed') return !args.some((a) => /^(-[a-zA-Z]*i|--in-place)/.test(a));
  if (/^python[0-9.]*$/.test(program)) return args[0] === '-m' && args[1] === 'json.tool' && args.slice(2).filter((a) => !a.startsWith('-')).length <= 1;
  if (program === 'find') return !args.some((a) => /^-(delete|exec|execdir|ok|okdir|fprint|fprintf|fls)$/.test(a));
  return false;
}

export const shipgateStateRule: GuardRule = {
  id: 'shipgate-state',
  check(command, context) {
    if (readsOnly(command)) return null;
    // `--output=PATH`, `of=PATH` (dd): the part after `=` is a path too.
    const words = command.args.flatMap((a) => (a.includes('=') ? [a.startsWith('-') ? '' : a, a.slice(a.indexOf('=') + 1)] : [a]));
    // Every word may be a path (a symlink named `r` can point into the state folder); past the first
    // 200 words only those that look like paths are resolved, to keep huge commands linear and cheap.
    const target = words.find((w, i) => w !== '' && !w.startsWith('-') && (i < 200 || w.includes('/')) && isProtectedPath(w, command.shell.cwd, context.env, context.files));
    return target ? `writing shipgate's gate state (${target}) by hand` : null;
  },
};
