/**
 * Which files a validation looks at. A plugin root (has `.claude-plugin/`, `skills/`, `commands/` or
 * `agents/`) yields its skills with their references, commands, agents and the four JSON manifests; a
 * skills folder yields each `<name>/SKILL.md` with references; a single file is itself. A plain folder
 * falls back to every Markdown file and manifest inside it. Paths that do not exist are usage errors.
 */
import { readdirSync, statSync, existsSync, type Dirent } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';
import type { DocumentKind } from '../skill/model.js';
import { detectKind } from '../skill/detect-kind.js';
import { UsageError } from '../errors.js';
import { manifestKind } from './manifest.js';

export interface CollectedFile {
  path: string;
  /** 'config': the project's shipgate.config.yaml (or .claude/shipgate.yaml), checked against the schema. */
  type: 'markdown' | 'json' | 'config';
  kind: DocumentKind;
}

export interface Collection {
  /** The plugin root, when exactly one argument was a plugin root. */
  root: string | null;
  files: CollectedFile[];
}

const SKIP = new Set(['node_modules', '.git', 'dist', '.cache']);

/**
 * `onMarkdown` is told of each Markdown file as it is found, with its position among them (the order of
 * `files` less the others): the engine starts its worker threads the moment a tree turns out large
 * enough and hands them files while the walk goes on. So a file found twice keeps the kind it was
 * first found with.
 */
export function collectFiles(paths: string[], cwd: string, onMarkdown?: (file: CollectedFile, index: number) => void): Collection {
  const files = new Map<string, CollectedFile>();
  const roots: string[] = [];
  let markdown = 0;
  const addMarkdown = (path: string, kind: DocumentKind) => {
    if (files.get(path)?.type === 'markdown') return;
    const file: CollectedFile = { path, type: 'markdown', kind };
    files.set(path, file);
    onMarkdown?.(file, markdown);
    markdown += 1;
  };
  const add = (path: string, kind?: DocumentKind) => {
    if (files.has(path)) return;
    if (path.endsWith('.json')) {
      if (manifestKind(path)) files.set(path, { path, type: 'json', kind: 'other' });
      return;
    }
    if (path.endsWith('.md')) addMarkdown(path, kind ?? detectKind(path));
  };
  for (const given of paths.length ? paths : ['.']) {
    const path = resolve(cwd, given);
    let info;
    try {
      info = statSync(path);
    } catch {
      throw new UsageError(`No such file or folder: ${given}`, { where: given, expected: 'a plugin root, a skills folder, or a Markdown/JSON file', hint: 'Check the path, or run `shipgate validate` in the plugin root.' });
    }
    if (info.isDirectory()) collectConfig(path, files);
    if (info.isFile()) {
      if (isConfigFile(path)) files.set(path, { path, type: 'config', kind: 'other' });
      else if (path.endsWith('.json') && !manifestKind(path)) files.set(path, { path, type: 'json', kind: 'other' });
      else if (!path.endsWith('.json')) addMarkdown(path, detectKind(path));
      else add(path);
    } else if (isPluginRoot(path)) {
      roots.push(path);
      collectPlugin(path, add);
    } else if (list(path).some((name) => existsSync(join(path, name, 'SKILL.md')))) {
      for (const name of list(path)) collectSkillIfAny(join(path, name), add);
    } else if (existsSync(join(path, 'SKILL.md'))) {
      collectSkill(path, add);
    } else {
      walk(path, (file) => add(file));
    }
  }
  return { root: roots.length === 1 ? roots[0]! : null, files: [...files.values()] };
}

/** The configuration file names `loadConfig` reads, first match wins there; here every one present is checked. */
const CONFIG_NAMES = ['shipgate.config.yaml', join('.claude', 'shipgate.yaml')];

function isConfigFile(path: string): boolean {
  return CONFIG_NAMES.some((name) => path === name || path.endsWith(`${sep}${name}`));
}

/** A folder that holds a shipgate configuration: the project's config is validated with its skills. */
function collectConfig(folder: string, files: Map<string, CollectedFile>): void {
  for (const name of CONFIG_NAMES) {
    const path = join(folder, name);
    if (existsSync(path) && !files.has(path)) files.set(path, { path, type: 'config', kind: 'other' });
  }
}

export function isPluginRoot(path: string): boolean {
  return ['.claude-plugin', 'skills', 'commands', 'agents'].some((name) => isDirectory(join(path, name)));
}

function collectPlugin(root: string, add: (path: string, kind?: DocumentKind) => void): void {
  const skills = join(root, 'skills');
  for (const name of list(skills)) collectSkillIfAny(join(skills, name), add);
  walk(join(root, 'commands'), (file) => add(file, 'command'));
  walk(join(root, 'agents'), (file) => add(file, 'agent'));
  for (const manifest of ['.claude-plugin/plugin.json', '.claude-plugin/marketplace.json', 'marketplace.json', 'hooks/hooks.json', '.mcp.json']) {
    const file = join(root, manifest);
    if (existsSync(file)) add(file);
  }
}

function collectSkill(folder: string, add: (path: string, kind?: DocumentKind) => void): void {
  add(join(folder, 'SKILL.md'), 'skill');
  for (const sub of ['references', 'reference']) walk(join(folder, sub), (file) => { if (file.endsWith('.md')) add(file, 'reference'); });
}

/**
 * A skill folder's SKILL.md and references from ONE directory listing (instead of a stat per name):
 * at 1,000 skills the listing is most of the time spent finding files.
 */
function collectSkillIfAny(folder: string, add: (path: string, kind?: DocumentKind) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  let skill = false;
  const subs: string[] = [];
  for (const entry of entries) {
    // As existsSync decided before: anything named SKILL.md counts (a folder becomes `file-unreadable`), a dangling link does not.
    if (entry.name === 'SKILL.md') skill = !entry.isSymbolicLink() || existsSync(join(folder, entry.name));
    else if (entry.name === 'references' || entry.name === 'reference') subs.push(entry.name);
  }
  if (!skill) return;
  add(join(folder, 'SKILL.md'), 'skill');
  for (const sub of subs.sort().reverse()) walk(join(folder, sub), (file) => { if (file.endsWith('.md')) add(file, 'reference'); });
}

function walk(folder: string, visit: (file: string) => void): void {
  for (const name of list(folder).sort()) {
    if (SKIP.has(name)) continue;
    const path = join(folder, name);
    if (isDirectory(path)) walk(path, visit);
    else if (name.endsWith('.md') || basename(path).endsWith('.json')) visit(path);
  }
}

function list(folder: string): string[] {
  try {
    return readdirSync(folder).sort();
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
