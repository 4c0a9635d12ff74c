/**
 * Which GitHub Actions workflows of the repository deploy: read from `.github/workflows/*.yml` at the
 * repository root. A workflow deploys when its file name or `name:` says deploy/release/production,
 * or when a job targets a production `environment:`.
 *
 * Good: `ship.yml` with `environment: production` is a deploy workflow.
 * Bad:  deciding by the word "prod" anywhere, which makes `reproduce-bug.yml` one.
 */
import { dirname, join } from 'node:path';
import { memoize, type FileLookup } from './guard-context.js';
import { PRODUCTION_WORD } from './rules/guard-rule.js';

export interface Workflow {
  file: string;
  name?: string;
  deploys: boolean;
  /** Triggered by `repository_dispatch` (a `gh api …/dispatches` on the repository starts it). */
  onRepositoryDispatch: boolean;
  /** `on: push: branches:` / `tags:` patterns: a push there starts the workflow. */
  pushBranches: string[];
  pushTags: string[];
  /** `on: release`: publishing a release starts it. */
  onRelease: boolean;
}

const DEPLOY_NAME = /deploy|release|(?:^|[^A-Za-z0-9])(?:prod|production|live|ship)(?:[^A-Za-z0-9]|$)/i;

export function readWorkflows(files: FileLookup, cwd: string): Workflow[] {
  const root = memoize(files, `repository-root\0${cwd}`, () => repositoryRoot(files, cwd));
  return root ? memoize(files, `workflows\0${root}`, () => readWorkflowsAt(files, root)) : [];
}

function readWorkflowsAt(files: FileLookup, root: string): Workflow[] {
  const folder = join(root, '.github/workflows');
  const workflows: Workflow[] = [];
  for (const file of files.listDir(folder) ?? []) {
    if (!/\.ya?ml$/.test(file)) continue;
    const text = files.readText(join(folder, file)) ?? '';
    const name = /^name:\s*["']?(.*?)["']?\s*$/m.exec(text)?.[1];
    const environments = [...text.matchAll(/^\s*environment:\s*(?:\n\s*name:\s*)?["']?([^"'\n#]+)/gm)].map((m) => m[1]!.trim());
    const deploys = DEPLOY_NAME.test(file.replace(/\.ya?ml$/, '')) || (name !== undefined && DEPLOY_NAME.test(name)) || environments.some((e) => PRODUCTION_WORD.test(e));
    workflows.push({ file, ...(name ? { name } : {}), deploys, onRepositoryDispatch: /\brepository_dispatch\b/.test(text), ...pushTriggers(text), onRelease: /^\s*release\s*:|^on:\s*\[?[^\n]*\brelease\b/m.test(text) });
  }
  return workflows;
}

/** The workflow a `gh workflow run`/`gh api` argument names: file name, file stem or `name:`. */
export function findWorkflow(workflows: readonly Workflow[], id: string): Workflow | undefined {
  const plain = id.replace(/^\.github\/workflows\//, '');
  return workflows.find((w) => w.file === plain || w.file.replace(/\.ya?ml$/, '') === plain || (w.name !== undefined && w.name.toLowerCase() === id.toLowerCase()));
}

export function isDeployWorkflowName(id: string): boolean {
  return DEPLOY_NAME.test(id.replace(/\.ya?ml$/, ''));
}

function repositoryRoot(files: FileLookup, cwd: string): string | undefined {
  for (let folder = cwd; ; folder = dirname(folder)) {
    if (files.exists(join(folder, '.git'))) return folder;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The branch and tag filters of `on: push` (block lists `- x` or flow lists `[x, y]`). */
function pushTriggers(text: string): { pushBranches: string[]; pushTags: string[] } {
  const lines = text.split('\n');
  const pushAt = lines.findIndex((l) => /^\s+push\s*:\s*$/.test(l));
  const out = { pushBranches: [] as string[], pushTags: [] as string[] };
  if (pushAt < 0) return out;
  const indent = /^(\s*)/.exec(lines[pushAt]!)![1]!.length;
  let list: string[] | undefined;
  for (const line of lines.slice(pushAt + 1)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const own = /^(\s*)/.exec(line)![1]!.length;
    if (own <= indent) break;
    const key = /^\s*(branches|tags|branches-ignore|tags-ignore|paths|paths-ignore)\s*:\s*(.*)$/.exec(line);
    if (key) {
      list = key[1] === 'branches' ? out.pushBranches : key[1] === 'tags' ? out.pushTags : undefined;
      const flow = /^\[(.*)\]/.exec(key[2]!.trim());
      if (flow && list) list.push(...flow[1]!.split(',').map((v) => v.trim().replace(/^["']|["']$/g, '')).filter(Boolean));
      else if (key[2]!.trim() && list) list.push(key[2]!.trim().replace(/^["']|["']$/g, ''));
      continue;
    }
    const item = /^\s*-\s*["']?([^"'#]+?)["']?\s*(#.*)?$/.exec(line);
    if (item && list) list.push(item[1]!);
  }
  return out;
}

/** GitHub's filter patterns: `*` within a path segment, `**` across them, `?`, `+`, `[…]` as in a glob. */
export function matchesFilter(pattern: string, name: string): boolean {
  const regex = pattern.replace(/[.^${}()|\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*').replace(/\?/g, '.');
  try {
    return new RegExp(`^${regex}$`).test(name);
  } catch {
    return false;
  }
}
