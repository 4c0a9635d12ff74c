/**
 * git push (and `git send-pack`) to a protected branch: the production names on any remote, the
 * configured git-push target, and, while the config is broken, the default branch. The destination
 * is resolved the way git resolves it: explicit refspecs (`HEAD`, `@`, `src:dst`, `heads/main`,
 * `refs/heads/main`), `--all`/`--mirror`, or, without a refspec, from the checked-out branch, its
 * upstream, `push.default` and `remote.<name>.push`; the remote from `--repo`, its URL or the
 * branch's push remote; the repository from `-C`, `--git-dir` and earlier `cd`s.
 * Blocked: `git push origin main:production`, `git push` on main tracking origin/main (target origin/main),
 *          `git push origin feature:heads/main`, `git push --mirror origin`, `git send-pack ../r.git main:production`.
 * Allowed: `git push origin feature-x`, `git push --tags`, `git push origin feature/production-banner`.
 */
import { optionValues, positionals, type GuardRule } from './guard-rule.js';
import type { GuardContext } from '../guard-context.js';
import { readGitState, type GitRepoState } from '../git-state.js';

const GIT_VALUE_OPTIONS = ['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--exec-path', '--config-env', '--super-prefix', '--list-cmds', '--attr-source'];
const PUSH_VALUE_OPTIONS = ['--repo', '-o', '--push-option', '--receive-pack', '--exec', '--signed', '--force-with-lease', '--recurse-submodules'];

export const gitPushRule: GuardRule = {
  id: 'git-push',
  check(command, context) {
    if (command.program !== 'git' && command.program !== 'git-send-pack' && command.program !== 'git-push') return null;
    let verb: string;
    let verbArgs: string[];
    let cwd = command.shell.cwd;
    let gitDir: string | undefined;
    const overrides = environmentConfig(command.env);
    if (command.program === 'git') {
      let i = 0;
      const args = command.args;
      while (i < args.length && args[i]!.startsWith('-')) {
        const arg = args[i]!;
        const value = (name: string) => (arg === name ? args[++i] : arg.startsWith(`${name}=`) ? arg.slice(name.length + 1) : undefined);
        const dir = value('-C');
        if (dir !== undefined) cwd = resolvePath(cwd, dir);
        else if (arg === '-c' || arg.startsWith('-c')) {
          const pair = arg === '-c' ? args[++i] : arg.slice(2);
          const eq = pair?.indexOf('=') ?? -1;
          if (pair && eq > 0) overrides.set(pair.slice(0, eq).toLowerCase(), pair.slice(eq + 1));
        } else {
          const dirOption = value('--git-dir');
          if (dirOption !== undefined) gitDir = dirOption;
          else if (GIT_VALUE_OPTIONS.includes(arg)) i += 1;
        }
        i += 1;
      }
      verb = args[i] ?? '';
      verbArgs = args.slice(i + 1);
    } else {
      verb = command.program.slice(4);
      verbArgs = command.args;
    }
    const repo = readGitState(context.files, cwd, command.env, gitDir ?? command.env.GIT_DIR);
    // `git -c alias.p=push p …` and `[alias] p = push` in the git config: the alias's first word is the verb.
    const alias = verb !== 'push' && verb !== 'send-pack' ? overrides.get(`alias.${verb.toLowerCase()}`) ?? repo?.config(`alias.${verb}`) : undefined;
    if (alias && !alias.startsWith('!')) {
      const [aliased, ...aliasArgs] = alias.trim().split(/\s+/);
      verb = aliased ?? '';
      verbArgs = [...aliasArgs, ...verbArgs];
    }
    if (verb !== 'push' && verb !== 'send-pack') return null;
    const config = (key: string) => overrides.get(key.toLowerCase()) ?? repo?.config(key);
    const words = positionals(verbArgs, PUSH_VALUE_OPTIONS);
    const remote = optionValues(verbArgs, ['--repo'])[0] ?? words[0] ?? implicitRemote(repo, config);
    const refspecs = optionValues(verbArgs, ['--repo']).length ? words : words.slice(1);
    const deleting = verbArgs.includes('--delete') || verbArgs.includes('-d');
    const remoteNames = remoteNamesFor(remote, repo);
    const protectedBranches = protectedFor(remoteNames, repo, context);
    if (verbArgs.includes('--mirror')) return `git ${verb} --mirror, which overwrites every branch on ${remote}, production included`;
    let destinations: string[];
    if (verbArgs.includes('--all') || verbArgs.includes('--branches')) destinations = repo?.localBranches() ?? [];
    else if (!refspecs.length && verbArgs.includes('--tags')) destinations = [];
    else if (refspecs.length) destinations = refspecs.map((spec) => destinationOf(spec, deleting, repo));
    else destinations = implicitDestinations(remoteNames, repo, config);
    const hit = destinations.find((d) => protectedBranches.has(d));
    if (!hit) return null;
    return `git ${verb} to the protected branch "${hit}" on ${remote}${context.policy.configProblem ? ' (the config is broken, so the default branch is protected too)' : ''}`;
  },
};

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

function resolvePath(cwd: string, dir: string): string {
  return dir.startsWith('/') ? dir : `${cwd.replace(/\/+$/, '')}/${dir}`;
}

function implicitRemote(repo: GitRepoState | undefined, config: (key: string) => string | undefined): string {
  const branch = repo?.currentBranch;
  return (branch && config(`branch.${branch}.pushRemote`)) || config('remote.pushDefault') || (branch && config(`branch.${branch}.remote`)) || 'origin';
}

/** The remote names a remote argument stands for: itself, every remote whose URL it is, and every remote sharing its URL. */
function remoteNamesFor(remote: string, repo: GitRepoState | undefined): string[] {
  if (!repo) return [remote];
  const urls = /[/:]/.test(remote) ? [remote] : [...repo.configAll(`remote.${remote}.url`), ...repo.configAll(`remote.${remote}.pushurl`)];
  return [...new Set([remote, ...urls.flatMap((url) => repo.remotesWithUrl(url))])];
}

function protectedFor(remoteNames: readonly string[], repo: GitRepoState | undefined, context: GuardContext): Set<string> {
  const { policy } = context;
  const branches = new Set(policy.productionBranches);
  for (const target of policy.gitPushTargets) if (remoteNames.includes(target.remote)) branches.add(target.branch);
  if (policy.configProblem) {
    const head = remoteNames.map((name) => repo?.remoteHead(name)).find(Boolean);
    for (const branch of head ? [head] : ['main', 'master']) branches.add(branch);
  }
  return branches;
}

/** The branch a refspec writes on the remote (`HEAD` and `@` mean the checked-out branch). */
function destinationOf(refspec: string, deleting: boolean, repo: GitRepoState | undefined): string {
  const spec = refspec.replace(/^\+/, '');
  const colon = spec.indexOf(':');
  let destination = deleting || colon < 0 ? spec : spec.slice(colon + 1);
  if (colon >= 0 && destination === '' && !deleting) destination = spec.slice(0, colon);
  if (destination === 'HEAD' || destination === '@') destination = repo?.currentBranch ?? destination;
  return destination.replace(/^refs\/heads\//, '').replace(/^heads\//, '');
}

/** What `git push` without a refspec writes, per remote.<name>.push and push.default. */
function implicitDestinations(remoteNames: readonly string[], repo: GitRepoState | undefined, config: (key: string) => string | undefined): string[] {
  const configured = remoteNames.flatMap((name) => repo?.configAll(`remote.${name}.push`) ?? []);
  if (configured.length) return configured.map((spec) => destinationOf(spec, false, repo));
  const branch = repo?.currentBranch;
  const mode = (config('push.default') ?? 'simple').toLowerCase();
  if (mode === 'nothing') return [];
  if (mode === 'matching') return repo?.localBranches() ?? [];
  if (!branch) return [];
  const upstream = config(`branch.${branch}.merge`)?.replace(/^refs\/heads\//, '');
  if (mode === 'upstream' || mode === 'tracking') return [upstream ?? branch];
  return [branch, ...(upstream && upstream !== branch ? [upstream] : [])];
}
