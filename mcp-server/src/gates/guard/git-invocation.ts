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
import { resolve } from 'node:path';
import type { ShellState } from './guard-context.js';
import { isUnknown } from './expand-words.js';
import { readGitState, type GitRepoState } from './git-state.js';
import type { FileLookup } from './guard-context.js';

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

export function parseGitInvocation(args: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>, shell: ShellState, files: FileLookup): GitInvocation {
  const overrides = environmentConfig(env);
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
      if (pair && eq > 0) overrides.set(pair.slice(0, eq).toLowerCase(), pair.slice(eq + 1));
      else if (pair) overrides.set(pair.toLowerCase(), 'true');
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
    const alias = overrides.get(`alias.${verb.toLowerCase()}`) ?? repo?.config(`alias.${verb}`);
    if (alias === undefined) break;
    if (alias.startsWith('!')) return { cwd, ...(gitDir ? { gitDir } : {}), overrides, verb, verbArgs, shellAlias: alias.slice(1) };
    const [aliased, ...aliasArgs] = alias.trim().split(/\s+/);
    verb = aliased ?? '';
    verbArgs = [...aliasArgs, ...verbArgs];
  }
  return { cwd, ...(gitDir ? { gitDir } : {}), overrides, verb, verbArgs };
}

/** Verbs git runs itself: an alias of the same name is ignored. */
const BUILTIN_VERBS = new Set(['push', 'send-pack', 'subtree', 'config', 'remote', 'branch', 'checkout', 'switch', 'status', 'log', 'diff', 'show', 'commit', 'add', 'fetch', 'pull', 'merge', 'rebase', 'tag', 'stash', 'reset']);

/** Config given through the environment (`GIT_CONFIG_COUNT`/`KEY_n`/`VALUE_n`, `GIT_CONFIG_PARAMETERS`), as git reads it. */
function environmentConfig(env: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const config = new Map<string, string>();
  for (const match of (env.GIT_CONFIG_PARAMETERS ?? '').matchAll(/'([^']+)'\s*=\s*'([^']*)'|'([^'=]+)=([^']*)'/g)) {
    const key = match[1] ?? match[3];
    if (key) config.set(key.toLowerCase(), match[2] ?? match[4] ?? '');
  }
  const count = Math.min(Number(env.GIT_CONFIG_COUNT ?? 0) || 0, 1000);
  for (let i = 0; i < count; i += 1) {
    const key = env[`GIT_CONFIG_KEY_${i}`];
    if (key) config.set(key.toLowerCase(), env[`GIT_CONFIG_VALUE_${i}`] ?? '');
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
  const set = (key: string, value: string) => state.config.set(key.toLowerCase(), value);
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
