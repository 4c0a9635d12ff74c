/**
 * The repository facts a push's destination depends on, read from the files under `.git` (never by
 * spawning git, which would cost the hook more than its whole budget): the checked-out branch, its
 * upstream, push.default, remotes and their URLs, local branches, and the remote's default branch.
 *
 * Good: `git push` on main tracking origin/main resolves to origin → main.
 * Bad:  treating a push without a refspec as harmless because no branch name is written.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { memoize, type FileLookup } from './guard-context.js';

export interface GitRepoState {
  gitDir: string;
  commonDir: string;
  /** Checked-out branch name, undefined when HEAD is detached or unreadable. */
  currentBranch?: string;
  /** Last value of a key, `section.subsection.key` with section and key lowercased. */
  config(key: string): string | undefined;
  configAll(key: string): string[];
  /** Remote names whose url or pushurl is this URL. */
  remotesWithUrl(url: string): string[];
  localBranches(): string[];
  /** Names of the configured remotes. */
  remoteNames(): string[];
  /** Every key set in the config files read (lowercased section and key), for scans such as `url.*.insteadOf`. */
  keys(): string[];
  /** The branch the remote's HEAD points at (refs/remotes/<remote>/HEAD), if known. */
  remoteHead(remote: string): string | undefined;
}

/** Find the repository around `dir` (or the given --git-dir) and read its state; undefined outside a repo. */
export function readGitState(files: FileLookup, dir: string, env: Readonly<Record<string, string | undefined>>, gitDirOption?: string): GitRepoState | undefined {
  return memoize(files, `git\0${dir}\0${gitDirOption ?? ''}\0${env.HOME ?? ''}`, () => readGitStateUncached(files, dir, env, gitDirOption));
}

function readGitStateUncached(files: FileLookup, dir: string, env: Readonly<Record<string, string | undefined>>, gitDirOption?: string): GitRepoState | undefined {
  const gitDir = gitDirOption ? resolve(dir, gitDirOption) : findGitDir(files, dir);
  if (!gitDir) return undefined;
  const commonText = files.readText(join(gitDir, 'commondir'))?.trim();
  const commonDir = commonText ? resolve(gitDir, commonText) : gitDir;
  const entries = new Map<string, string[]>();
  const home = env.HOME ?? '';
  const xdg = env.XDG_CONFIG_HOME ?? (home ? join(home, '.config') : '');
  // `[include] path = …` and `[includeIf …] path = …` are followed (every includeIf counts: the guard
  // protects more, never less), so an alias hidden in an included file is still seen.
  const readConfig = (file: string, depth: number) => {
    const text = files.readText(file);
    if (!text) return;
    const includes: string[] = [];
    parseGitConfig(text, entries, includes);
    if (depth >= 5) return;
    for (const path of includes) readConfig(path.startsWith('~/') ? join(home, path.slice(2)) : resolve(dirname(file), path), depth + 1);
  };
  for (const file of ['/etc/gitconfig', xdg ? join(xdg, 'git/config') : '', home ? join(home, '.gitconfig') : '', join(commonDir, 'config'), join(gitDir, 'config.worktree')]) {
    if (file) readConfig(file, 0);
  }
  const head = files.readText(join(gitDir, 'HEAD'))?.trim();
  const currentBranch = head?.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : undefined;
  return {
    gitDir,
    commonDir,
    ...(currentBranch ? { currentBranch } : {}),
    config: (key) => entries.get(normalizeKey(key))?.at(-1),
    configAll: (key) => entries.get(normalizeKey(key)) ?? [],
    remotesWithUrl(url) {
      const wanted = normalizeUrl(url, dir);
      const names: string[] = [];
      for (const [key, values] of entries) {
        const match = /^remote\.(.+)\.(url|pushurl)$/.exec(key);
        if (match && values.some((v) => normalizeUrl(v, dirname(commonDir)) === wanted)) names.push(match[1]!);
      }
      return names;
    },
    keys: () => [...entries.keys()],
    remoteNames: () => [...new Set([...entries.keys()].map((key) => /^remote\.(.+)\.(url|pushurl)$/.exec(key)?.[1]).filter((n): n is string => n !== undefined))],
    localBranches() {
      const names = new Set<string>();
      const walk = (folder: string, prefix: string) => {
        for (const name of files.listDir(folder) ?? []) {
          const full = join(folder, name);
          if (files.listDir(full)) walk(full, `${prefix}${name}/`);
          else names.add(`${prefix}${name}`);
        }
      };
      walk(join(commonDir, 'refs/heads'), '');
      for (const line of (files.readText(join(commonDir, 'packed-refs')) ?? '').split('\n')) {
        const match = /^[0-9a-f]+ refs\/heads\/(.+)$/.exec(line.trim());
        if (match) names.add(match[1]!);
      }
      return [...names];
    },
    remoteHead(remote) {
      const text = files.readText(join(commonDir, 'refs/remotes', remote, 'HEAD'))?.trim();
      const prefix = `ref: refs/remotes/${remote}/`;
      return text?.startsWith(prefix) ? text.slice(prefix.length) : undefined;
    },
  };
}

function findGitDir(files: FileLookup, start: string): string | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    const dotGit = join(folder, '.git');
    if (files.listDir(dotGit)) return dotGit;
    const pointer = files.readText(dotGit);
    if (pointer?.startsWith('gitdir:')) {
      const target = pointer.slice('gitdir:'.length).trim();
      return isAbsolute(target) ? target : resolve(folder, target);
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** Minimal git-config reader: sections, subsections, keys, quoted values, comments. */
function parseGitConfig(text: string, into: Map<string, string[]>, includes: string[]): void {
  let section = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]/.exec(line);
    if (header) {
      const [name, ...dotted] = header[1]!.split('.');
      section = header[2] !== undefined ? `${name!.toLowerCase()}.${header[2].replace(/\\(.)/g, '$1')}` : [name!.toLowerCase(), ...dotted.map((d) => d.toLowerCase())].join('.');
      continue;
    }
    const pair = /^([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*))?$/.exec(line);
    if (!pair || !section) continue;
    const value = (pair[2] ?? 'true').replace(/\s+[#;].*$/, '').replace(/^"(.*)"$/, '$1');
    const key = `${section}.${pair[1]!.toLowerCase()}`;
    if (/^include(if\..*)?\.path$/.test(key)) includes.push(value);
    into.set(key, [...(into.get(key) ?? []), value]);
  }
}

/** `Section.Sub.Key` → `section.Sub.key`: git compares sections and keys without case, subsections with it. */
export function normalizeKey(key: string): string {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first < 0) return key.toLowerCase();
  return `${key.slice(0, first).toLowerCase()}${key.slice(first, last)}.${key.slice(last + 1).toLowerCase()}`;
}

/** `git@host:o/r.git`, `https://host/o/r/` and `/srv/r.git/` compare equal to their plain forms. */
export function normalizeUrl(url: string, base: string): string {
  let out = url.trim().replace(/^file:\/\//, '').replace(/\/+$/, '').replace(/\.git$/, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(out) && !/^[^/]+@[^/]+:/.test(out)) out = resolve(base, out);
  return out.toLowerCase();
}
