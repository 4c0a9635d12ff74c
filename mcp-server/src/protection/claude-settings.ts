/**
 * Claude Code's settings files, as Claude Code reads them: user (`~/.claude/settings.json`), project
 * (`.claude/settings.json`), local (`.claude/settings.local.json`) and managed (admin policy). Every file
 * is parsed here, because Claude Code silently drops a file with invalid JSON, and a local file that
 * disables the sandbox silently undoes the project's hardening: `doctor` must see both.
 *
 * Good: readSettingsFiles(root) → four entries, each with `settings` or the parse error and its position.
 * Bad:  reading only `.claude/settings.json` and reporting "sandboxed" while the local file says otherwise.
 */
import { readFile } from 'node:fs/promises';
import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export type SettingsScope = 'user' | 'project' | 'local' | 'managed';

export type Json = Record<string, unknown>;

export interface SettingsFile {
  scope: SettingsScope;
  path: string;
  exists: boolean;
  settings?: Json;
  /** Set when the file exists but is not a JSON object (Claude Code ignores such a file). */
  error?: string;
}

export function managedSettingsPath(os: NodeJS.Platform = platform()): string {
  if (os === 'darwin') return '/Library/Application Support/ClaudeCode/managed-settings.json';
  if (os === 'win32') return 'C:\\Program Files\\ClaudeCode\\managed-settings.json';
  return '/etc/claude-code/managed-settings.json';
}

export function settingsPaths(projectRoot: string, options: { home?: string; managed?: string } = {}): Record<SettingsScope, string> {
  const home = options.home ?? (process.env.HOME || homedir());
  return {
    user: join(home, '.claude', 'settings.json'),
    project: join(projectRoot, '.claude', 'settings.json'),
    local: join(projectRoot, '.claude', 'settings.local.json'),
    managed: options.managed ?? managedSettingsPath(),
  };
}

export async function readSettingsFile(scope: SettingsScope, path: string): Promise<SettingsFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { scope, path, exists: false };
  }
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return { scope, path, exists: true, error: 'the file is not a JSON object' };
    return { scope, path, exists: true, settings: value };
  } catch (error) {
    return { scope, path, exists: true, error: (error as Error).message };
  }
}

export async function readSettingsFiles(projectRoot: string, options: { home?: string; managed?: string } = {}): Promise<SettingsFile[]> {
  const paths = settingsPaths(projectRoot, options);
  return Promise.all((['user', 'project', 'local', 'managed'] as const).map((scope) => readSettingsFile(scope, paths[scope])));
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A value at a dot path of a settings object. */
export function settingAt(settings: Json | undefined, path: string): unknown {
  let value: unknown = settings;
  for (const key of path.split('.')) value = isObject(value) ? value[key] : undefined;
  return value;
}

/**
 * The effective value of a scalar setting: Claude Code's precedence is managed > local > project > user.
 * Returns the value and the file it came from.
 */
export function effectiveScalar(files: readonly SettingsFile[], path: string): { value: unknown; from?: SettingsFile } {
  for (const scope of ['managed', 'local', 'project', 'user'] as const) {
    const file = files.find((f) => f.scope === scope);
    const value = settingAt(file?.settings, path);
    if (value !== undefined) return { value, from: file };
  }
  return { value: undefined };
}

/** Array settings (deny lists, denied domains) are merged across every file that parses. */
export function effectiveList(files: readonly SettingsFile[], path: string): string[] {
  const out = new Set<string>();
  for (const file of files) {
    const value = settingAt(file.settings, path);
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') out.add(item);
  }
  return [...out];
}
