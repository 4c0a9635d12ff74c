/**
 * What the classifier may look at besides the command text: the policy from the project config, the
 * hook's environment, and a read-only view of files (git metadata, kubeconfig, package.json, Makefile,
 * workflows). Reads go through `FileLookup` so the classifier itself never touches the disk and tests
 * can hand it any view; the hook hands it the real filesystem (fs-lookup.ts).
 */
import type { GuardPolicy } from './guard-policy.js';
import type { ShellParse, SimpleCommand } from './split-shell.js';

export interface FileLookup {
  /** File content, or undefined when it does not exist or cannot be read. */
  readText(path: string): string | undefined;
  /** Names in a directory, or undefined. */
  listDir(path: string): string[] | undefined;
  exists(path: string): boolean;
  /** Absolute path with symlinks resolved through the nearest existing parent. */
  realPath(path: string): string;
  /** Whether names in this existing directory compare without regard to case. */
  caseInsensitive(dir: string): boolean;
}

export interface GuardContext {
  policy: GuardPolicy;
  /** The hook process's environment (HOME, KUBECONFIG, XDG_STATE_HOME, ...). */
  env: Readonly<Record<string, string | undefined>>;
  /** Where the tool call runs (the hook input's `cwd`). */
  cwd: string;
  files: FileLookup;
}

const memos = new WeakMap<FileLookup, Map<string, unknown>>();

/** Memoise a derived fact (git state, workflows, kubeconfig) for the life of one FileLookup. */
export function memoize<T>(files: FileLookup, key: string, compute: () => T): T {
  let memo = memos.get(files);
  if (!memo) { memo = new Map(); memos.set(files, memo); }
  const known = memo.get(key);
  if (known !== undefined || memo.has(key)) return known as T;
  const value = compute();
  memo.set(key, value);
  return value;
}

/**
 * `$0`, `$1`…`$9`, `$@`, `$*`, `$#` of a script or function read with arguments, worked out when asked:
 * a function called thousands of times in one command is asked for few of them, and building all
 * thirteen values per call was a measurable share of classifying such a command.
 * Positions past the last argument are empty; `$10` and beyond are not tracked (undefined).
 */
export class PositionalArgs {
  constructor(readonly name: string, readonly args: readonly string[]) {}

  get(key: string): string | undefined {
    if (key === '0') return this.name;
    if (key === '@' || key === '*') return this.args.join(' ');
    if (key === '#') return String(this.args.length);
    if (key.length === 1 && key >= '1' && key <= '9') return this.args[Number(key) - 1] ?? '';
    return undefined;
  }
}

/**
 * The command substitutions of one parsed text (`$(…)`, backticks), which its commands name by index:
 * their texts and parses. What each prints is worked out at the command that runs it (classify-command.ts).
 */
export interface Substitutions {
  texts: readonly string[];
  parses: readonly ShellParse[];
}

/** What earlier commands of the same Bash call changed: directory, variables, kube context, git settings. */
export interface ShellState {
  cwd: string;
  vars: Map<string, string>;
  /** `$0`, `$1`…, `$@`, `$#` of the script or function being read (unknown when unset). */
  positional?: PositionalArgs;
  /** `alias name=text` earlier in the call (Claude Code's shell expands aliases). */
  aliases?: Map<string, string>;
  /** `for NAME in a b c`: the values a loop variable takes, each tried in turn. */
  loops?: Map<string, string[]>;
  /** Shell functions defined earlier (`f() { … }`): read again, with their arguments, where they are called. */
  functions?: Map<string, { commands: readonly SimpleCommand[]; substitutions: Substitutions }>;
  /** `git config`, `git remote add`, `git branch -u`, `git checkout -b` earlier in the call. */
  git?: { config: Map<string, string>; branch?: string };
  /** Folders `pushd` left, for `popd` to return to. */
  dirStack?: string[];
  /** Set by `kubectl config use-context X` earlier in the same call. */
  kubeContext?: string;
  kubeNamespace?: string;
  /** The environment as the next command sees it; cleared whenever `cwd` or `vars` change. */
  env?: Record<string, string | undefined>;
}
