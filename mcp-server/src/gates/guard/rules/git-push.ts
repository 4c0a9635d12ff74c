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
import { resolve } from 'node:path';
import { optionValues, positionals, type GuardRule } from './guard-rule.js';
import { memoize, type GuardContext } from '../guard-context.js';
import { normalizeKey, readGitState, type GitRepoState } from '../git-state.js';
import { parseGitInvocation } from '../git-invocation.js';
import { isUnknown } from '../expand-words.js';
import { matchesFilter, readWorkflows } from '../deploy-workflows.js';

/** Options of `git push` that take the next word as their value (`--force-with-lease` and `--signed` take one only with `=`). */
const PUSH_VALUE_OPTIONS = ['--repo', '-o', '--push-option', '--receive-pack', '--exec', '--recurse-submodules'];

export const gitPushRule: GuardRule = {
  id: 'git-push',
  check(command, context) {
    if (command.program !== 'git' && command.program !== 'git-send-pack' && command.program !== 'git-push') return null;
    const invocation = command.program === 'git'
      ? parseGitInvocation(command.args, command.shell.cwd, command.env, command.shell, context.files)
      : { cwd: command.shell.cwd, overrides: new Map<string, string>(), verb: command.program.slice(4), verbArgs: command.args };
    const { cwd, overrides } = invocation;
    let { verb, verbArgs } = invocation;
    // A verb computed at run time (`git ${X:-push}`) may be push.
    if (isUnknown(verb)) verb = 'push';
    if (verb === 'subtree' && verbArgs[0] === 'push') {
      const [remote, ref] = positionals(verbArgs.slice(1), ['-P', '--prefix', '-m', '--message']);
      verb = 'push';
      verbArgs = [remote ?? 'origin', `HEAD:${ref ?? ''}`];
    }
    if (verb !== 'push' && verb !== 'send-pack') return null;
    if (dryRun(verbArgs) || verbArgs.includes('--help') || verbArgs.includes('-h')) return null;
    const gitDir = 'gitDir' in invocation ? invocation.gitDir : undefined;
    const repoPath = gitDir ?? command.env.GIT_DIR;
    if ((repoPath !== undefined && isUnknown(repoPath)) || isUnknown(cwd)) return `git ${verb} in a repository chosen at run time`;
    const disk = readGitState(context.files, cwd, command.env, repoPath);
    const shellBranch = command.shell.git?.branch;
    const repo = disk && shellBranch ? { ...disk, currentBranch: shellBranch } : disk;
    // A folder made earlier in the same call (`git worktree add ../x main && git -C ../x push`) reads back as UNKNOWN.
    const place = repoPath ? resolve(cwd, repoPath) : cwd;
    const fresh = () => !context.files.exists(place) || isUnknown(context.files.readText(place) ?? '');
    const config = (key: string) => overrides.get(normalizeKey(key)) ?? repo?.config(key);
    const configAll = (key: string) => (overrides.has(normalizeKey(key)) ? [overrides.get(normalizeKey(key))!] : repo?.configAll(key) ?? []);
    const words = positionals(verbArgs, PUSH_VALUE_OPTIONS);
    const repoOption = optionValues(verbArgs, ['--repo'])[0];
    const remote = repoOption ?? words[0] ?? implicitRemote(repo, config);
    const refspecs = repoOption !== undefined ? words : words.slice(1);
    const deleting = verbArgs.includes('--delete') || verbArgs.includes('-d');
    // Without config given on the command line, a remote's names depend only on the repository: worked out once per call.
    const remoteNames = isUnknown(remote) ? allRemotes(repo, overrides, context) : overrides.size || !repo ? remoteNamesFor(remote, repo, overrides) : memoize(context.files, `remotes\0${repo.gitDir}\0${remote}`, () => remoteNamesFor(remote, repo, overrides));
    const protectedBranches = protectedFor(remoteNames, repo, context);
    if (verbArgs.includes('--mirror') || remoteNames.some((name) => /^(true|yes|on|1)$/i.test(config(`remote.${name}.mirror`) ?? ''))) return `git ${verb} --mirror, which overwrites every branch on ${remote}, production included`;
    // `git push "$@"`, `git push $REMOTE`: the refspecs may be inside the unknown word too.
    if (isUnknown(remote) && !refspecs.length && repoOption === undefined) return `git ${verb} to a remote and destination computed at run time (${remote.replace(/\u0005/g, '…')})`;
    const unknownSpec = refspecs.find(isUnknown);
    if (unknownSpec !== undefined) return `git ${verb} to a destination computed at run time (${unknownSpec.replace(/\u0005/g, '…')}), which may be a protected branch`;
    let destinations: string[];
    if (verbArgs.includes('--all') || verbArgs.includes('--branches')) destinations = repo?.localBranches() ?? [];
    else if (!refspecs.length && verbArgs.includes('--tags')) destinations = [];
    else if (refspecs.length) destinations = refspecs.flatMap((spec) => destinationsOf(spec, deleting, repo));
    else if (fresh()) return `git ${verb} without a refspec in a repository that does not exist yet or was made in this call (${repoPath ?? cwd})`;
    else destinations = implicitDestinations(remoteNames, repo, config, configAll);
    const hit = destinations.find((d) => protectedBranches.has(d)) ?? destinations.filter((d) => d.includes('*')).flatMap((d) => [...protectedBranches].filter((b) => globMatches(d, b)))[0];
    if (!hit) return workflowTrigger(refspecs, destinations, verbArgs, repo, context, cwd);
    return `git ${verb} to the protected branch "${hit}" on ${isUnknown(remote) ? 'a remote chosen at run time' : remote}${context.policy.configProblem ? ' (the config is broken, so the default branch is protected too)' : ''}`;
  },
};

/**
 * A push that starts a deploy workflow (`on: push: branches: [release]`, `tags: ['v*']`) is a deploy
 * too; tags are refspecs under refs/tags/, names that are local tags, and `--tags`/`--follow-tags`.
 */
function workflowTrigger(refspecs: readonly string[], branches: readonly string[], args: readonly string[], repo: GitRepoState | undefined, context: GuardContext, cwd: string): string | null {
  const workflows = readWorkflows(context.files, cwd).filter((w) => w.deploys && (w.pushBranches.length || w.pushTags.length));
  if (!workflows.length) return null;
  const localTags = repo ? tagsOf(repo, context) : [];
  const tags = [...refspecs.map((spec) => spec.replace(/^\+/, '').split(':').pop()!).filter((dst) => dst.startsWith('refs/tags/') || localTags.includes(dst)).map((dst) => dst.replace(/^refs\/tags\//, '')), ...(args.includes('--tags') || args.includes('--follow-tags') ? localTags : [])];
  for (const workflow of workflows) {
    const branch = branches.find((b) => !tags.includes(b) && workflow.pushBranches.some((p) => matchesFilter(p, b)));
    if (branch) return `git push to "${branch}", which starts the deploy workflow "${workflow.name ?? workflow.file}"`;
    const tag = tags.find((t) => workflow.pushTags.some((p) => matchesFilter(p, t)));
    if (tag) return `git push of tag "${tag}", which starts the deploy workflow "${workflow.name ?? workflow.file}"`;
  }
  return null;
}

function tagsOf(repo: GitRepoState, context: GuardContext): string[] {
  const names = new Set<string>();
  const walk = (folder: string, prefix: string, depth: number) => {
    for (const name of context.files.listDir(folder) ?? []) {
      if (depth < 4 && context.files.listDir(`${folder}/${name}`)) walk(`${folder}/${name}`, `${prefix}${name}/`, depth + 1);
      else names.add(`${prefix}${name}`);
    }
  };
  walk(`${repo.commonDir}/refs/tags`, '', 0);
  for (const line of (context.files.readText(`${repo.commonDir}/packed-refs`) ?? '').split('\n')) {
    const match = /^[0-9a-f]+ refs\/tags\/(.+)$/.exec(line.trim());
    if (match) names.add(match[1]!);
  }
  return [...names];
}

/** `--dry-run`/`-n` (also inside `-fn`), unless a later `--no-dry-run` turns it off. */
function dryRun(args: readonly string[]): boolean {
  let on = false;
  for (const arg of args) {
    if (arg === '--') break;
    if (arg === '--dry-run' || (/^-[A-Za-z]+$/.test(arg) && arg.includes('n') && !arg.startsWith('--'))) on = true;
    else if (arg === '--no-dry-run') on = false;
  }
  return on;
}

function implicitRemote(repo: GitRepoState | undefined, config: (key: string) => string | undefined): string {
  const branch = repo?.currentBranch;
  return (branch && config(`branch.${branch}.pushRemote`)) || config('remote.pushDefault') || (branch && config(`branch.${branch}.remote`)) || 'origin';
}

/** The remote names a remote argument stands for: itself, every remote whose URL it is, and every remote sharing its URL. */
function remoteNamesFor(remote: string, repo: GitRepoState | undefined, overrides: ReadonlyMap<string, string>): string[] {
  const own = [overrides.get(normalizeKey(`remote.${remote}.url`)), overrides.get(normalizeKey(`remote.${remote}.pushurl`))].filter((u): u is string => u !== undefined);
  if (!repo) return [remote];
  const configured = [...own, ...repo.configAll(`remote.${remote}.url`), ...repo.configAll(`remote.${remote}.pushurl`)];
  // A word that is no remote's name is a URL, which `url.<base>.insteadOf`/`pushInsteadOf` may rewrite.
  const urls = configured.length ? configured.map((url) => rewriteUrl(url, repo, overrides)) : [remote, rewriteUrl(remote, repo, overrides)];
  // A remote added in the same call under a new name (`git remote add live URL`) is every remote with that URL.
  return [...new Set([remote, ...urls.flatMap((url) => repo.remotesWithUrl(url))])];
}

/** A remote computed at run time may be any of them. */
function allRemotes(repo: GitRepoState | undefined, overrides: ReadonlyMap<string, string>, context: GuardContext): string[] {
  const names = new Set(['origin', ...context.policy.gitPushTargets.map((t) => t.remote)]);
  for (const key of overrides.keys()) { const match = /^remote\.(.+)\.url$/.exec(key); if (match) names.add(match[1]!); }
  for (const name of repo?.remoteNames() ?? []) names.add(name);
  return [...names];
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

/**
 * The branches a refspec writes on the remote (`HEAD` and `@` mean the checked-out branch; `:` and
 * `+:` push every matching branch; `refs/heads/*:refs/heads/*` is a pattern, matched later).
 */
function destinationsOf(refspec: string, deleting: boolean, repo: GitRepoState | undefined): string[] {
  const spec = refspec.replace(/^\+/, '');
  if (spec === ':') return repo?.localBranches() ?? [];
  const colon = spec.indexOf(':');
  let destination = deleting || colon < 0 ? spec : spec.slice(colon + 1);
  if (colon >= 0 && destination === '' && !deleting) destination = spec.slice(0, colon);
  if (destination === 'HEAD' || destination === '@') destination = repo?.currentBranch ?? destination;
  return [destination.replace(/^refs\/heads\//, '').replace(/^heads\//, '')];
}

function globMatches(pattern: string, branch: string): boolean {
  return new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`).test(branch);
}

/** What `git push` without a refspec writes, per remote.<name>.push and push.default. */
function implicitDestinations(remoteNames: readonly string[], repo: GitRepoState | undefined, config: (key: string) => string | undefined, configAll: (key: string) => string[]): string[] {
  const configured = remoteNames.flatMap((name) => configAll(`remote.${name}.push`));
  if (configured.length) return configured.flatMap((spec) => destinationsOf(spec, false, repo));
  const branch = repo?.currentBranch;
  const mode = (config('push.default') ?? 'simple').toLowerCase();
  if (mode === 'nothing') return [];
  if (mode === 'matching') return repo?.localBranches() ?? [];
  if (!branch) return [];
  const upstream = config(`branch.${branch}.merge`)?.replace(/^refs\/heads\//, '');
  if (mode === 'upstream' || mode === 'tracking') return [upstream ?? branch];
  return [branch, ...(upstream && upstream !== branch ? [upstream] : [])];
}

/** The longest matching `url.<base>.pushInsteadOf` (else `insteadOf`) prefix replaced by its base. */
function rewriteUrl(url: string, repo: GitRepoState, overrides: ReadonlyMap<string, string>): string {
  let best: { base: string; prefix: string } | undefined;
  const consider = (key: string, value: string) => {
    const match = /^url\.(.+)\.(pushinsteadof|insteadof)$/.exec(key.toLowerCase());
    if (match && url.startsWith(value) && (!best || value.length > best.prefix.length)) best = { base: key.slice(4, key.length - match[2]!.length - 1), prefix: value };
  };
  for (const [key, value] of overrides) consider(key, value);
  for (const key of repo.keys()) for (const value of repo.configAll(key)) consider(key, value);
  return best ? `${best.base}${url.slice(best.prefix.length)}` : url;
}
