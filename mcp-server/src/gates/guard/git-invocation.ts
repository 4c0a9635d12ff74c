/**
 * How git reads its own command line before the subcommand runs: global options (`-C`, `-c k=v`,
 * `--git-dir`, `--work-tree`), then the verb, which may be an alias from `-c alias.x=…`, the
 * environment (`GIT_CONFIG_*`), the same call's `git config`, or the repository's config files;
 * aliases chain (`a` → `b` → `push`), and a `!` alias is shell text. Also what a git command changes
 * for later parts of the same call (config, remotes, upstream, the checked-out branch).
 *
 * Good: `git -c alias.p='!git push origin HEAD:main' p` is read as the shell text `git push origin HEAD:main`.
 * Bad:  taking `p` for the verb, which no rule knows.
 */
import { dirname, join, resolve } from 'node:path';
import type { ShellState } from './guard-context.js';
import { isUnknown } from './expand-words.js';
import { normalizeKey, readGitState, type GitRepoState } from './git-state.js';
import { memoize, type FileLookup } from './guard-context.js';

const GIT_VALUE_OPTIONS = ['--namespace', '--exec-path', '--config-env', '--super-prefix', '--list-cmds', '--attr-source'];

export interface GitInvocation {
  cwd: string;
  gitDir?: string;
  /** Config from `-c`, the environment and earlier `git config` in the same call, keys lowercased. */
  overrides: Map<string, string>;
  verb: string;
  verbArgs: string[];
  /** Set when the verb is a `!` alias: the shell text git runs (the arguments follow it). */
  shellAlias?: string;
}

/** Environment config per environment object (the hook's environment is one object for the whole call). */
const environmentConfigs = new WeakMap<object, Map<string, string>>();

/** Parsed invocations per call and environment: the classifier and the push rule ask for the same one, and generated commands repeat. */
const invocations = new WeakMap<FileLookup, WeakMap<object, Map<string, GitInvocation>>>();

export function parseGitInvocation(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>, shell: ShellState, files: FileLookup): GitInvocation {
  if (shell.git) return parseUncached(args, cwd, env, shell, files);
  let byEnv = invocations.get(files);
  if (!byEnv) { byEnv = new WeakMap(); invocations.set(files, byEnv); }
  let cache = byEnv.get(env);
  if (!cache) { cache = new Map(); byEnv.set(env, cache); }
  const key = `${cwd}\0${args.join('\0')}`;
  let found = cache.get(key);
  if (!found) {
    found = parseUncached(args, cwd, env, shell, files);
    if (cache.size < 2_000) cache.set(key, found);
  }
  return found;
}

function parseUncached(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>, shell: ShellState, files: FileLookup): GitInvocation {
  let fromEnvironment = environmentConfigs.get(env);
  if (!fromEnvironment) { fromEnvironment = environmentConfig(env); environmentConfigs.set(env, fromEnvironment); }
  const overrides = new Map(fromEnvironment);
  for (const [key, value] of shell.git?.config ?? []) overrides.set(key, value);
  let gitDir: string | undefined;
  let i = 0;
  while (i < args.length && args[i]!.startsWith('-')) {
    const arg = args[i]!;
    const value = (name: string) => (arg === name ? args[++i] : arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined);
    const dir = value('-C');
    if (dir !== undefined) cwd = isUnknown(dir) ? dir : resolve(cwd, dir);
    else if (arg === '-c' || /^-c./.test(arg)) {
      const pair = arg === '-c' ? args[++i] : arg.slice(2);
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) overrides.set(normalizeKey(pair.slice(0, eq)), pair.slice(eq + 1));
      else if (pair) overrides.set(normalizeKey(pair), 'true');
    } else {
      const dirOption = value('--git-dir');
      if (dirOption !== undefined) gitDir = dirOption;
      else if (GIT_VALUE_OPTIONS.includes(arg) || arg === '--work-tree') i += 1;
    }
    i += 1;
  }
  let verb = args[i] ?? '';
  let verbArgs = args.slice(i + 1);
  const repo = readGitState(files, cwd, env, gitDir ?? env.GIT_DIR);
  // Aliases chain; git refuses loops, and so does this bound.
  for (let depth = 0; depth < 10; depth += 1) {
    if (BUILTIN_VERBS.has(verb)) break;
    const alias = overrides.get(normalizeKey(`alias.${verb}`)) ?? repo?.config(`alias.${verb}`);
    if (alias === undefined) break;
    if (alias.startsWith('!')) return { cwd, ...(gitDir ? { gitDir } : {}), overrides, verb, verbArgs, shellAlias: alias.slice(1) };
    const [aliased, ...aliasArgs] = alias.trim().split(/\s+/);
    verb = aliased ?? '';
    verbArgs = [...aliasArgs, ...verbArgs];
  }
  return { cwd, ...(gitDir ? { gitDir } : {}), overrides, verb, verbArgs };
}

/** Verbs git runs itself: an alias of the same name is ignored, and no `git-<verb>` program is looked up on PATH. */
export const BUILTIN_VERBS = new Set(['push', 'send-pack', 'subtree', 'config', 'remote', 'branch', 'checkout', 'switch', 'status', 'log', 'diff', 'show', 'commit', 'add', 'fetch', 'pull', 'merge', 'rebase', 'tag', 'stash', 'reset', 'restore', 'rm', 'mv', 'init', 'clone', 'worktree', 'cherry-pick', 'revert', 'am', 'apply', 'format-patch', 'blame', 'grep', 'ls-files', 'ls-remote', 'ls-tree', 'cat-file', 'rev-parse', 'rev-list', 'describe', 'shortlog', 'reflog', 'gc', 'fsck', 'prune', 'clean', 'bisect', 'notes', 'submodule', 'sparse-checkout', 'archive', 'bundle', 'help', 'version', 'var', 'symbolic-ref', 'update-ref', 'for-each-ref', 'show-ref', 'name-rev', 'merge-base', 'range-diff', 'difftool', 'mergetool', 'citool', 'gui', 'gitk', 'instaweb', 'maintenance', 'lfs', 'credential', 'hash-object', 'write-tree', 'read-tree', 'commit-tree', 'update-index', 'check-ignore', 'check-attr', 'count-objects', 'verify-commit', 'verify-tag', 'whatchanged', 'request-pull', 'send-email', 'filter-branch', 'replace', 'rerere', 'annotate', 'fast-export', 'fast-import', 'repack', 'pack-refs', 'interpret-trailers', 'column', 'stage', 'sh-setup', 'mailinfo', 'mailsplit', 'diff-tree', 'diff-index', 'diff-files', 'show-branch', 'switch', 'backfill', 'replay']);

/** Config keys whose value is a program git runs (`-c core.sshCommand='…'`, a planted `core.fsmonitor`). */
const PROGRAM_KEYS = /^(core\.(sshcommand|pager|editor|askpass|fsmonitor)|sequence\.editor|gpg(\.[^.]+)?\.program|credential(\..+)?\.helper|diff\.external|diff\..+\.(command|textconv)|filter\..+\.(clean|smudge|process)|merge\..+\.driver|uploadpack\.packobjectshook|pager\..+)$/;
/** Environment variables naming a program git runs. */
const PROGRAM_ENV = ['GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_PAGER', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'GIT_ASKPASS', 'GIT_EXTERNAL_DIFF'];
/** Hooks git runs for a verb (the ones `--no-verify` skips are marked by the flag). */
const HOOKS: Record<string, string[]> = {
  commit: ['pre-commit', 'prepare-commit-msg', 'commit-msg', 'post-commit', 'post-rewrite', 'reference-transaction'],
  merge: ['pre-merge-commit', 'prepare-commit-msg', 'commit-msg', 'post-merge', 'reference-transaction'],
  pull: ['pre-merge-commit', 'post-merge', 'post-checkout', 'post-rewrite', 'reference-transaction'],
  checkout: ['post-checkout', 'reference-transaction'], switch: ['post-checkout', 'reference-transaction'], clone: ['post-checkout'], worktree: ['post-checkout'],
  rebase: ['pre-rebase', 'post-rewrite', 'post-checkout', 'reference-transaction'], am: ['applypatch-msg', 'pre-applypatch', 'post-applypatch', 'reference-transaction'],
  push: ['pre-push', 'reference-transaction'], 'cherry-pick': ['prepare-commit-msg', 'reference-transaction'], revert: ['prepare-commit-msg', 'reference-transaction'],
  branch: ['reference-transaction'], tag: ['reference-transaction'], reset: ['reference-transaction'], 'update-ref': ['reference-transaction'], fetch: ['reference-transaction'], gc: ['pre-auto-gc'], stash: ['reference-transaction'],
};
const SKIPPED_BY_NO_VERIFY = new Set(['pre-commit', 'commit-msg', 'pre-push', 'pre-merge-commit', 'applypatch-msg', 'pre-applypatch']);

/**
 * Shell text git itself would run for this invocation: configured programs (from `-c`, the
 * environment, the same call's `git config`, the repository's config), hooks of the verb (also under
 * `core.hooksPath` and husky's `.husky/`), an `ext::` transport, and a `git-<verb>` program on PATH.
 * What a hook or program is written in other than shell is not read (best effort).
 *
 * Good: `git -c core.sshCommand='git push origin HEAD:main #' fetch` runs the push; so does a planted `.git/hooks/pre-commit` on `git commit`.
 * Bad:  reading only the verb, when `git commit` runs whatever `.git/hooks/pre-commit` says.
 */
export function gitRunsTexts(invocation: GitInvocation, repo: GitRepoState | undefined, env: Readonly<Record<string, string | undefined>>, files: FileLookup): string[] {
  // Invocations are shared per call for identical commands (parseGitInvocation), so is what they run.
  const known = runsTexts.get(invocation);
  if (known) return known;
  const texts = gitRunsTextsUncached(invocation, repo, env, files);
  runsTexts.set(invocation, texts);
  return texts;
}

const runsTexts = new WeakMap<GitInvocation, string[]>();

function gitRunsTextsUncached(invocation: GitInvocation, repo: GitRepoState | undefined, env: Readonly<Record<string, string | undefined>>, files: FileLookup): string[] {
  const texts: string[] = [];
  const program = (value: string, key: string) => {
    if (/^(true|false|yes|no|on|off|0|1|cat|less|more)$/i.test(value.trim())) return;
    if (/helper$/.test(key)) { if (value.startsWith('!')) texts.push(value.slice(1)); return; }
    texts.push(value.startsWith('!') ? value.slice(1) : value);
  };
  for (const [key, value] of invocation.overrides) if (PROGRAM_KEYS.test(key)) program(value, key);
  for (const key of repo?.keys() ?? []) if (PROGRAM_KEYS.test(key) && !invocation.overrides.has(key)) program(repo!.config(key) ?? '', key);
  for (const name of PROGRAM_ENV) if (env[name]) texts.push(env[name]!);
  // `ext::sh -c …` runs a command as the transport (`% ` is a space).
  for (const word of [...invocation.verbArgs, ...urlsOf(invocation, repo)]) if (word.startsWith('ext::')) texts.push(extCommand(word.slice(5)));
  const hooks = HOOKS[invocation.verb] ?? [];
  if (hooks.length && repo) texts.push(...hookTexts(invocation, repo, env, files, hooks));
  if (invocation.verb && !BUILTIN_VERBS.has(invocation.verb) && !/[/\u0005]/.test(invocation.verb)) {
    for (const dir of (env.PATH ?? '').split(':').filter(Boolean)) {
      const path = resolve(invocation.cwd, dir, `git-${invocation.verb}`);
      if (!files.exists(path)) continue;
      const text = files.readText(path);
      if (text && !text.includes('\u0000') && (!text.startsWith('#!') || /^#!.*\b(ba|z|da|k)?sh\b/.test(text))) texts.push(text);
      break;
    }
  }
  return texts;
}

/** The shell hooks a verb runs; the folders they live in are worked out once per repository and hooks path. */
function hookTexts(invocation: GitInvocation, repo: GitRepoState, env: Readonly<Record<string, string | undefined>>, files: FileLookup, hooks: readonly string[]): string[] {
  const noVerify = invocation.verbArgs.includes('--no-verify') || (invocation.verb === 'commit' && invocation.verbArgs.some((a) => /^-[A-Za-z]*n[A-Za-z]*$/.test(a) && !a.startsWith('--')));
  const hooksPath = invocation.overrides.get('core.hookspath') ?? repo.config('core.hooksPath');
  const folders = memoize(files, `hooks\0${repo.commonDir}\0${invocation.cwd}\0${hooksPath ?? ''}`, () => {
    const top = topFolder(files, invocation.cwd);
    // husky points core.hooksPath at `.husky/_`, whose generated wrappers run `.husky/<hook>`: that file is read instead.
    if (top !== undefined && (hooksPath?.includes('.husky') ?? false)) return [join(top, '.husky')];
    return [hooksPath ? resolve(top ?? invocation.cwd, hooksPath.replace(/^~(?=\/)/, env.HOME ?? '~')) : join(repo.commonDir, 'hooks')];
  });
  const texts: string[] = [];
  for (const hook of hooks) {
    if (noVerify && SKIPPED_BY_NO_VERIFY.has(hook)) continue;
    for (const folder of folders) {
      const text = files.readText(`${folder}/${hook}`);
      // A hook sourcing its runner's helper next to itself (`. "$(dirname -- "$0")/_/husky.sh"`) re-runs the hook: not followed.
      if (text && !text.includes('\u0000') && (!text.startsWith('#!') || /^#!.*\b(ba|z|da|k)?sh\b/.test(text))) texts.push(text.replace(/^\s*(\.|source)\s+["']?\$\(dirname[^\n]*\$0[^\n]*$/gm, ''));
    }
  }
  return texts;
}

/** URLs of the remotes a network verb may use (for `ext::` transports set in the config). */
function urlsOf(invocation: GitInvocation, repo: GitRepoState | undefined): string[] {
  if (!/^(push|fetch|pull|ls-remote|remote|clone|submodule)$/.test(invocation.verb)) return [];
  const urls: string[] = [];
  for (const [key, value] of invocation.overrides) if (/^remote\..+\.(url|pushurl)$/.test(key)) urls.push(value);
  for (const key of repo?.keys() ?? []) if (/^remote\..+\.(url|pushurl)$/.test(key)) urls.push(...repo!.configAll(key));
  return urls;
}

/** The working tree's top folder: the nearest folder holding `.git`. */
function topFolder(files: FileLookup, cwd: string): string | undefined {
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (files.exists(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/** Config given through the environment (`GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n`, `GIT_CONFIG_PARAMETERS`), as git reads it. */
function environmentConfig(env: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const config = new Map<string, string>();
  for (const match of (env.GIT_CONFIG_PARAMETERS ?? '').matchAll(/'([^']+)'\s*=\s*'([^']*)'|'([^'=]+)=([^']*)'/g)) {
    const key = match[1] ?? match[3];
    if (key) config.set(normalizeKey(key), match[2] ?? match[4] ?? '');
  }
  // As many as git reads (it refuses to run when one of them is missing), however many that is.
  const count = Number(env.GIT_CONFIG_COUNT ?? 0) || 0;
  for (let i = 0; i < count; i += 1) {
    const key = env[`GIT_CONFIG_KEY_${i}`];
    if (key === undefined) break;
    if (key) config.set(normalizeKey(key), env[`GIT_CONFIG_VALUE_${i}`] ?? '');
  }
  return config;
}

/**
 * Remember what a git command changes for the rest of the call: `git config k v`, `git remote
 * add|set-url`, `git branch -u`, `git checkout -b/-B/--track`, `git switch -c`, `git checkout BRANCH`.
 */
export function recordGitChanges(invocation: GitInvocation, shell: ShellState, repo: GitRepoState | undefined): void {
  const { verb, verbArgs } = invocation;
  const state: NonNullable<ShellState['git']> = (shell.git ??= { config: new Map<string, string>() });
  const set = (key: string, value: string) => state.config.set(normalizeKey(key), value);
  const positional = verbArgs.filter((a) => !a.startsWith('-'));
  const current = state.branch ?? repo?.currentBranch;
  if (verb === 'config') {
    const words = positional[0] === 'set' ? positional.slice(1) : positional;
    if (words.length >= 2 && !verbArgs.some((a) => /^(--get|--get-all|--unset|--unset-all|-l|--list|--remove-section|--rename-section)$/.test(a))) set(words[0]!, words[1]!);
  } else if (verb === 'remote' && (positional[0] === 'add' || positional[0] === 'set-url') && positional.length >= 3) {
    set(`remote.${positional[1]}.url`, positional[2]!);
  } else if (verb === 'branch') {
    const upstream = optionAfter(verbArgs, ['-u', '--set-upstream-to']);
    if (upstream && current) setUpstream(set, positional.find((p) => p !== upstream) ?? current, upstream);
  } else if (verb === 'checkout' || verb === 'switch') {
    const created = optionAfter(verbArgs, verb === 'checkout' ? ['-b', '-B'] : ['-c', '-C', '--create', '--force-create']);
    const name = created ?? positional[0];
    if (!name || name === '--') return;
    state.branch = name;
    const start = positional.find((p) => p !== name);
    const tracked = optionAfter(verbArgs, ['-t', '--track']) ?? start;
    if (created && tracked && /^[^/]+\/./.test(tracked)) setUpstream(set, name, tracked);
  }
}

function setUpstream(set: (key: string, value: string) => void, branch: string, upstream: string): void {
  const slash = upstream.indexOf('/');
  if (slash < 0) return;
  set(`branch.${branch}.remote`, upstream.slice(0, slash));
  set(`branch.${branch}.merge`, `refs/heads/${upstream.slice(slash + 1)}`);
}

function optionAfter(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    for (const name of names) {
      if (args[i] === name) return args[i + 1];
      if (name.startsWith('--') && args[i]!.startsWith(`${name}=`)) return args[i]!.slice(name.length + 1);
    }
  }
  return undefined;
}

/** `ext::` argv: words split at spaces, `% ` a space inside a word, `%%` a percent sign; quoted for the shell parser. */
function extCommand(spec: string): string {
  const words: string[] = [];
  let word = '';
  for (let i = 0; i < spec.length; i += 1) {
    const c = spec[i]!;
    if (c === '%' && i + 1 < spec.length) { const next = spec[++i]!; word += next === ' ' || next === '%' ? next : `%${next}`; continue; }
    if (c === ' ') { if (word) words.push(word); word = ''; continue; }
    word += c;
  }
  if (word) words.push(word);
  return words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
}
