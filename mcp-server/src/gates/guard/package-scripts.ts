/**
 * What `npm|pnpm|yarn|bun run <script>` and `make <target>` would run: the script from the nearest
 * package.json (with its `pre`/`post` scripts), the recipe lines of a Makefile target and of its
 * prerequisites. The classifier reads these as shell text, so a `deploy:prod` script that runs
 * `vercel --prod` is refused like the command itself.
 *
 * Good: `npm run ship` with `"ship": "git push origin HEAD:production"` is refused.
 * Bad:  letting any `npm run` through because the deploy is one file away.
 */
import { dirname, join, resolve } from 'node:path';
import type { FileLookup } from './guard-context.js';
import { UNKNOWN } from './expand-words.js';

/** Script bodies run by a package-manager call, or undefined when it runs no package script. */
export function packageScript(files: FileLookup, cwd: string, manager: string, args: readonly string[]): string[] | undefined {
  let words = positionalWords(args, ['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F', '--loglevel', '--userconfig']);
  // `yarn workspace NAME run S`, `yarn workspaces foreach run S`, `npm run S -w NAME`, `pnpm --filter NAME run S`.
  let workspace = optionValue(args, ['-w', '--workspace', '--filter', '-F']);
  if (manager === 'yarn' && words[0] === 'workspace' && words[1]) { workspace = words[1]; words = words.slice(2); }
  else if (manager === 'yarn' && words[0] === 'workspaces' && words[1] === 'foreach') { workspace = '*'; words = words.slice(2); }
  else if (args.includes('--workspaces') || args.includes('-ws') || args.includes('-r') || args.includes('--recursive')) workspace = '*';
  let name: string | undefined;
  // `npm install`, `npm ci`, `npm publish`, `npm pack`, `npm version` run lifecycle scripts of the package.
  const lifecycle = args.includes('--ignore-scripts') ? undefined : LIFECYCLE[words[0] ?? (manager === 'yarn' || manager === 'bun' ? 'install' : '')];
  if (lifecycle && !(words[0] !== 'publish' && words[0] !== 'pack' && words[0] !== 'version' && words.length > 1)) {
    const prefix = optionValue(args, ['--prefix', '-C', '--dir', '--cwd']);
    const scripts = readScripts(files, prefix ? resolve(cwd, prefix) : cwd);
    if (scripts === UNREADABLE) return [UNKNOWN];
    return scripts ? lifecycle.map((n) => scripts[n]).filter((s): s is string => typeof s === 'string') : undefined;
  }
  if (words[0] === 'run' || words[0] === 'run-script' || words[0] === 'rum' || words[0] === 'urn') name = words[1];
  else if (['start', 'test', 't', 'stop', 'restart'].includes(words[0] ?? '') && manager !== 'bun') name = words[0] === 't' ? 'test' : words[0];
  else if ((manager === 'yarn' || manager === 'pnpm' || manager === 'bun') && words[0] && !BUILTIN_VERBS.has(words[0])) name = words[0];
  if (!name) return undefined;
  const prefix = optionValue(args, ['--prefix', '-C', '--dir', '--cwd']);
  const start = prefix ? resolve(cwd, prefix) : cwd;
  const folders = workspace === undefined ? [start] : workspaceFolders(files, start, workspace);
  const bodies: string[] = [];
  for (const folder of folders) {
    const scripts = readScripts(files, folder);
    if (scripts === UNREADABLE) return [UNKNOWN];
    if (scripts) bodies.push(...[scripts[`pre${name}`], scripts[name], scripts[`post${name}`]].filter((s): s is string => typeof s === 'string'));
  }
  return bodies;
}

const UNREADABLE = Symbol('unreadable');

/** Scripts a package manager runs around its own verbs (installing the project itself, not `npm install lodash`). */
const LIFECYCLE: Record<string, string[]> = {
  install: ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'],
  i: ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'],
  ci: ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'],
  publish: ['prepublishOnly', 'prepack', 'prepare', 'postpack', 'publish', 'postpublish'],
  pack: ['prepack', 'prepare', 'postpack'],
  version: ['preversion', 'version', 'postversion'],
};

/**
 * The folders a workspace selector names: the root and its workspaces (package.json `workspaces`,
 * pnpm-workspace.yaml `packages`) whose package name or folder matches; every one when none does
 * (the guard protects more, never less).
 */
function workspaceFolders(files: FileLookup, start: string, selector: string): string[] {
  let root = start;
  for (let folder = start; ; folder = dirname(folder)) {
    const text = files.readText(join(folder, 'package.json'));
    if (text !== undefined && (/"workspaces"/.test(text) || files.exists(join(folder, 'pnpm-workspace.yaml')))) { root = folder; break; }
    if (dirname(folder) === folder) break;
  }
  const patterns: string[] = [];
  try {
    const data = JSON.parse(files.readText(join(root, 'package.json')) ?? '{}') as { workspaces?: unknown };
    const list = Array.isArray(data.workspaces) ? data.workspaces : (data.workspaces as { packages?: unknown } | undefined)?.packages;
    if (Array.isArray(list)) patterns.push(...list.filter((p): p is string => typeof p === 'string'));
  } catch {
    // an unreadable root package.json names no workspaces
  }
  for (const match of (files.readText(join(root, 'pnpm-workspace.yaml')) ?? '').matchAll(/^\s*-\s*["']?([^"'\n#]+)/gm)) patterns.push(match[1]!.trim());
  const folders = [root];
  for (const pattern of patterns.filter((p) => !p.startsWith('!'))) {
    const base = pattern.replace(/\/\*\*?$/, '');
    if (base === pattern) folders.push(join(root, pattern));
    else for (const name of files.listDir(join(root, base)) ?? []) folders.push(join(root, base, name));
  }
  const named = folders.filter((folder) => {
    if (selector === '*') return true;
    const text = files.readText(join(folder, 'package.json')) ?? '';
    return new RegExp(`"name"\\s*:\\s*"${selector.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}"`).test(text) || resolve(start, selector) === folder;
  });
  return named.length ? named : folders;
}
const BUILTIN_VERBS = new Set(['install', 'i', 'add', 'remove', 'rm', 'up', 'upgrade', 'update', 'why', 'info', 'init', 'create', 'dlx', 'exec', 'x', 'link', 'unlink', 'outdated', 'list', 'ls', 'publish', 'pack', 'audit', 'config', 'cache', 'store', 'workspace', 'workspaces', 'help', 'version', 'import', 'patch', 'rebuild', 'prune', 'dedupe', 'set', 'node', 'plugin', 'build']);

function readScripts(files: FileLookup, start: string): Record<string, unknown> | undefined | typeof UNREADABLE {
  for (let folder = start; ; folder = dirname(folder)) {
    const text = files.readText(join(folder, 'package.json'));
    // Rewritten earlier in the same call by something the guard cannot follow (written-files.ts).
    if (text !== undefined && text.includes(UNKNOWN)) return UNREADABLE;
    if (text !== undefined) {
      try {
        const data = JSON.parse(text) as { scripts?: unknown };
        return data && typeof data.scripts === 'object' && data.scripts !== null ? (data.scripts as Record<string, unknown>) : {};
      } catch {
        return undefined;
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
}

/** Recipe lines `make` would run for the targets (the first target when none is named). */
export function makeRecipes(files: FileLookup, cwd: string, args: readonly string[], stdin: () => string | null | undefined = () => undefined): string[] {
  const dir = optionValue(args, ['-C', '--directory']);
  const folder = dir ? resolve(cwd, dir) : cwd;
  const file = optionValue(args, ['-f', '--file', '--makefile']);
  // `make -f -` (or /dev/stdin) reads the Makefile from standard input: a here-string, a pipe, or unknown.
  const fromStdin = file === '-' || file === '/dev/stdin' || file === '/dev/fd/0';
  const input = fromStdin ? stdin() : undefined;
  if (fromStdin && input === undefined) return [UNKNOWN];
  const text = fromStdin ? input ?? '' : file ? files.readText(resolve(folder, file)) : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => files.readText(join(folder, n))).find((t) => t !== undefined);
  if (!text) return [];
  // Rewritten earlier in the same call by something the guard cannot follow (written-files.ts).
  if (text.includes(UNKNOWN)) return [UNKNOWN];
  const rules = new Map<string, { prerequisites: string[]; recipe: string[] }>();
  let first: string | undefined;
  let current: { prerequisites: string[]; recipe: string[] }[] = [];
  const lines = text.replace(/\\\n/g, ' ').split('\n');
  for (const line of lines) {
    if (line.startsWith('\t')) {
      for (const rule of current) rule.recipe.push(line.slice(1).replace(/^[@+-]+/, ''));
      continue;
    }
    const rule = /^([^:=#\t][^:=#]*?)\s*::?(?!=)\s*([^;#]*)(?:;(.*))?$/.exec(line);
    if (!rule) {
      if (line.trim() && !line.startsWith('#')) current = [];
      continue;
    }
    const targets = rule[1]!.trim().split(/\s+/);
    current = targets.map((t) => {
      const entry = rules.get(t) ?? { prerequisites: [], recipe: [] };
      entry.prerequisites.push(...rule[2]!.trim().split(/\s+/).filter(Boolean));
      if (rule[3]) entry.recipe.push(rule[3].trim());
      rules.set(t, entry);
      return entry;
    });
    if (!first && !targets[0]!.startsWith('.')) first = targets[0];
  }
  const valueOptions = ['-C', '--directory', '-f', '--file', '--makefile', '-j', '--jobs', '-l', '-o', '-W', '-I'];
  const goals: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg.startsWith('-')) { if (valueOptions.includes(arg)) i += 1; continue; }
    if (!arg.includes('=')) goals.push(arg);
  }
  // Variables (`DEPLOY = git push …`, `X := $(shell …)`) are expanded into the recipes; `$(shell …)`
  // anywhere in the file runs while make reads it, whatever the target.
  const variables = new Map<string, string>([['MAKE', 'make'], ['RM', 'rm -f'], ['SHELL', '/bin/sh'], ['CC', 'cc'], ['CXX', 'c++']]);
  for (const match of text.matchAll(/^(?:export\s+|override\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*(?::{1,3}=|\?=|\+=|!=|=)\s*(.*)$/gm)) variables.set(match[1]!, match[2]!);
  for (const arg of args) { const eq = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/.exec(arg); if (eq) variables.set(eq[1]!, eq[2]!); }
  const expand = (line: string, depth = 0): string => (depth > 5 ? line : line.replace(/\$\$/g, '\u0000').replace(/\$[({]([A-Za-z_][A-Za-z0-9_.-]*)[)}]/g, (m, name: string) => (variables.has(name) ? expand(variables.get(name)!, depth + 1) : m)).replace(/\u0000/g, '$'));
  const recipes: string[] = [...shellFunctions(expand(text))];
  const seen = new Set<string>();
  const visit = (target: string) => {
    // No limit on targets: the Makefile's size bounds them, and a limit would leave the 501st target's recipe unread.
    if (seen.has(target)) return;
    seen.add(target);
    const rule = rules.get(target);
    if (!rule) return;
    rule.prerequisites.forEach(visit);
    recipes.push(...rule.recipe.map((line) => expand(line)));
  };
  (goals.length ? goals : first ? [first] : []).forEach(visit);
  return recipes;
}

function positionalWords(args: readonly string[], valueOptions: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--') break;
    if (args[i]!.startsWith('-')) { if (valueOptions.includes(args[i]!)) i += 1; continue; }
    out.push(args[i]!);
  }
  return out;
}

function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    for (const name of names) {
      if (arg === name) return args[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
      if (name.length === 2 && !name.startsWith('--') && arg.startsWith(name) && arg.length > 2) return arg.slice(2);
    }
  }
  return undefined;
}

/** The commands of `$(shell …)` calls (nested parentheses respected). */
function shellFunctions(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf('$(shell '); at >= 0 && found.length < 100; at = text.indexOf('$(shell ', at + 1)) {
    let depth = 0;
    for (let i = at + 1; i < text.length; i += 1) {
      if (text[i] === '(') depth += 1;
      else if (text[i] === ')' && --depth === 0) { found.push(text.slice(at + 8, i)); break; }
    }
  }
  return found;
}
