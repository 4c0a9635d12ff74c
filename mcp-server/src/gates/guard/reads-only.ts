/**
 * Which commands only read the files they name, and which of their words a writing command writes:
 * the gate-state rule refuses writes into shipgate's state, and the classifier remembers what a
 * command may have changed (written-files.ts) so a later part of the same call is read as it will run.
 *
 * Good: `cat .claude/shipgate/receipts/p.json`, `cp .claude/shipgate/receipts/p.json /tmp/b.json` only read state.
 * Bad:  `git checkout -- .claude/shipgate/attestations.jsonl` passing because its program is `git`.
 */
const READ_ONLY = new Set(['cat', 'less', 'more', 'head', 'tail', 'grep', 'rg', 'egrep', 'fgrep', 'jq', 'yq', 'ls', 'wc', 'stat', 'file', 'diff', 'cmp', 'bat', 'sha256sum', 'sha1sum', 'md5sum', 'shasum', 'b2sum', 'cksum', 'shipgate', 'test', '[', 'echo', 'printf', 'tree', 'du', 'realpath', 'readlink', 'basename', 'dirname', 'xxd', 'od', 'hexdump', 'strings', 'nl', 'column', 'man', 'which', 'type']);
/** git verbs that change files in the working tree (the rest read, or write only inside .git). */
const GIT_WRITERS = new Set(['checkout', 'restore', 'rm', 'mv', 'clean', 'apply', 'am', 'reset', 'stash', 'switch', 'clone', 'init', 'worktree', 'cherry-pick', 'revert', 'merge', 'pull', 'rebase', 'archive', 'config']);
const GIT_VALUE_OPTIONS = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env'];

/** Read-only uses of programs that can also write: `sed` without -i, `python -m json.tool` with one file. */
export function readsOnly(program: string, args: readonly string[]): boolean {
  if (READ_ONLY.has(program)) return program !== 'yq' || !args.some((a) => /^(-i|--inplace)$/.test(a));
  if (program === 'git') {
    let i = 0;
    while (i < args.length && args[i]!.startsWith('-')) i += GIT_VALUE_OPTIONS.includes(args[i]!) ? 2 : 1;
    return !GIT_WRITERS.has(args[i] ?? '');
  }
  if (program === 'sed') return !args.some((a) => /^(-[a-zA-Z]*i|--in-place)/.test(a));
  if (/^python[0-9.]*$/.test(program)) return args[0] === '-m' && args[1] === 'json.tool' && args.slice(2).filter((a) => !a.startsWith('-')).length <= 1;
  if (program === 'find') return !args.some((a) => /^-(delete|exec|execdir|ok|okdir|fprint|fprintf|fls)$/.test(a));
  return false;
}

/** Programs that read every operand but the destination (`cp SRC… DEST`, `cp -t DEST SRC…`). */
const COPIERS = new Set(['cp', 'install', 'rsync', 'scp', 'ln']);

/**
 * A link gives its target a second name that writes go through: a hard link (`ln receipt.json r; echo x > r`
 * rewrites the receipt, and no path resolution can tell later), and a symbolic one made now for a write
 * another call makes at the same time (tool calls run in parallel: the other call was checked before the
 * link existed). `ln` and `cp -l`/`cp -s` write every operand, the target included.
 */
function makesHardLinks(program: string, args: readonly string[]): boolean {
  if (program === 'ln') return true;
  if (program === 'cp') return args.some((a) => a === '--link' || a === '--symbolic-link' || /^-[A-Za-z]*[ls]/.test(a));
  return false;
}

/** The words a writing command may write: for copiers only the destination, otherwise every word. */
export function writtenWords(program: string, args: readonly string[]): readonly string[] {
  if (!COPIERS.has(program) || makesHardLinks(program, args)) return args;
  const target = args.findIndex((a) => a === '-t' || a === '--target-directory' || a.startsWith('--target-directory='));
  if (target >= 0) return [args[target]!.includes('=') ? args[target]!.slice(args[target]!.indexOf('=') + 1) : args[target + 1] ?? ''];
  const operands = args.filter((a) => !a.startsWith('-'));
  if (program === 'ln' && operands.length === 1) return [operands[0]!.replace(/\/+$/, '').split('/').pop() ?? ''];
  return operands.length ? [operands.at(-1)!] : [];
}

/** git verbs that rewrite files of the working tree they do not name (a pull, a branch checked out, a stash applied). */
const GIT_TREE_VERBS = new Set(['pull', 'merge', 'rebase', 'checkout', 'switch', 'reset', 'stash', 'cherry-pick', 'revert', 'am', 'apply']);
const PACKAGE_MANAGERS = new Set(['npm', 'pnpm', 'yarn', 'bun']);

/**
 * Where a command rewrites files it does not name: the whole repository (`git pull`, `git checkout
 * other-branch`, `git stash pop`, `git apply x.diff`), a folder (`patch`, `tar x`, `unzip`), or
 * package.json (`npm pkg set`, `npm version`). The guard then reads nothing there as it is on disk now
 * (written-files.ts): `git pull origin feature && npm test` would run the pulled test script.
 */
export function treeRewrite(program: string, args: readonly string[]): { repository: string } | { folder: string } | { files: string[] } | undefined {
  if (program === 'git') {
    let i = 0;
    let at = '.';
    while (i < args.length && args[i]!.startsWith('-')) {
      if (args[i] === '-C') at = args[i + 1] ?? '.';
      i += GIT_VALUE_OPTIONS.includes(args[i]!) ? 2 : 1;
    }
    const verb = args[i];
    const rest = args.slice(i + 1);
    if (!verb || !GIT_TREE_VERBS.has(verb)) return undefined;
    // Paths after `--` are named, and recorded as written; a new branch made from HEAD changes no file.
    if ((verb === 'checkout' || verb === 'switch') && (rest.includes('--') || (rest.some((a) => /^-[bBcC]$/.test(a)) && rest.filter((a) => !a.startsWith('-')).length <= 1))) return undefined;
    if (verb === 'stash' && /^(list|show|drop|clear|create|store)$/.test(rest[0] ?? '')) return undefined;
    return { repository: at };
  }
  if (program === 'patch') return { folder: optionValueOf(args, ['-d', '--directory']) ?? '.' };
  if ((program === 'tar' || program === 'gtar' || program === 'bsdtar') && args.some((a, i) => a === '--extract' || a === '--get' || /^-[A-Za-z]*x/.test(a) || (i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(a)))) return { folder: optionValueOf(args, ['-C', '--directory']) ?? '.' };
  if (program === 'unzip') return { folder: optionValueOf(args, ['-d']) ?? '.' };
  if (PACKAGE_MANAGERS.has(program) && ((args[0] === 'pkg' && /^(set|delete|fix)$/.test(args[1] ?? '')) || args[0] === 'version')) return { files: ['package.json'] };
  return undefined;
}

function optionValueOf(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (args[i]!.startsWith(`${name}=`)) return args[i]!.slice(name.length + 1);
      if (name.length === 2 && !name.startsWith('--') && args[i]!.startsWith(name) && args[i]!.length > 2) return args[i]!.slice(2);
    }
  }
  return undefined;
}
