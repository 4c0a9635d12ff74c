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

/** Script bodies run by a package-manager call, or undefined when it runs no package script. */
export function packageScript(files: FileLookup, cwd: string, manager: string, args: readonly string[]): string[] | undefined {
  const words = positionalWords(args, ['--prefix', '-C', '--dir', '--cwd', '-w', '--workspace', '--filter', '-F', '--loglevel', '--userconfig']);
  let name: string | undefined;
  if (words[0] === 'run' || words[0] === 'run-script' || words[0] === 'rum' || words[0] === 'urn') name = words[1];
  else if (['start', 'test', 't', 'stop', 'restart'].includes(words[0] ?? '') && manager !== 'bun') name = words[0] === 't' ? 'test' : words[0];
  else if ((manager === 'yarn' || manager === 'pnpm' || manager === 'bun') && words[0] && !BUILTIN_VERBS.has(words[0])) name = words[0];
  if (!name) return undefined;
  const prefix = optionValue(args, ['--prefix', '-C', '--dir', '--cwd']);
  const scripts = readScripts(files, prefix ? resolve(cwd, prefix) : cwd);
  if (!scripts) return undefined;
  return [scripts[`pre${name}`], scripts[name], scripts[`post${name}`]].filter((s): s is string => typeof s === 'string');
}

const BUILTIN_VERBS = new Set(['install', 'i', 'add', 'remove', 'rm', 'up', 'upgrade', 'update', 'why', 'info', 'init', 'create', 'dlx', 'exec', 'x', 'link', 'unlink', 'outdated', 'list', 'ls', 'publish', 'pack', 'audit', 'config', 'cache', 'store', 'workspace', 'workspaces', 'help', 'version', 'import', 'patch', 'rebuild', 'prune', 'dedupe', 'set', 'node', 'plugin', 'build']);

function readScripts(files: FileLookup, start: string): Record<string, unknown> | undefined {
  for (let folder = start; ; folder = dirname(folder)) {
    const text = files.readText(join(folder, 'package.json'));
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
export function makeRecipes(files: FileLookup, cwd: string, args: readonly string[]): string[] {
  const dir = optionValue(args, ['-C', '--directory']);
  const folder = dir ? resolve(cwd, dir) : cwd;
  const file = optionValue(args, ['-f', '--file', '--makefile']);
  const text = file ? files.readText(resolve(folder, file)) : ['GNUmakefile', 'makefile', 'Makefile'].map((n) => files.readText(join(folder, n))).find((t) => t !== undefined);
  if (!text) return [];
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
  const recipes: string[] = [];
  const seen = new Set<string>();
  const visit = (target: string) => {
    if (seen.has(target) || seen.size > 500) return;
    seen.add(target);
    const rule = rules.get(target);
    if (!rule) return;
    rule.prerequisites.forEach(visit);
    recipes.push(...rule.recipe);
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
