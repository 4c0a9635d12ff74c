/**
 * Shared by the manifest rules: find a JSON manifest among the project files, parse it with positions,
 * and report a syntax error once (under the calling rule) instead of crashing.
 */
import { basename, dirname } from 'node:path';
import type { ProjectRuleContext } from './rule.js';
import { parseJsonWithPositions, type JsonWithPositions } from './json-with-positions.js';

export type ManifestKind = 'plugin' | 'marketplace' | 'hooks' | 'mcp';

export function manifestKind(path: string): ManifestKind | undefined {
  const name = basename(path);
  const parent = basename(dirname(path));
  if (name === 'plugin.json' && parent === '.claude-plugin') return 'plugin';
  if (name === 'marketplace.json') return 'marketplace';
  if (name === 'hooks.json') return 'hooks';
  if (name === '.mcp.json') return 'mcp';
  return undefined;
}

export interface LoadedManifest {
  path: string;
  json: JsonWithPositions;
  data: Record<string, unknown>;
}

/** Every manifest of this kind, parsed; syntax errors and non-object roots are reported here. */
export function loadManifests(context: ProjectRuleContext, kind: ManifestKind): LoadedManifest[] {
  const loaded: LoadedManifest[] = [];
  for (const file of context.files) {
    if (file.type !== 'json' || manifestKind(file.path) !== kind) continue;
    const text = context.readText(file.path);
    if (text === undefined) continue;
    const json = parseJsonWithPositions(text);
    if (json.error) {
      context.report(file.path, { message: `${json.error.message}, expected valid JSON.`, position: json.error.position });
      continue;
    }
    if (typeof json.value !== 'object' || json.value === null || Array.isArray(json.value)) {
      context.report(file.path, { message: 'Unexpected JSON value at the top level, expected an object.', position: { line: 1, column: 1 } });
      continue;
    }
    loaded.push({ path: file.path, json, data: json.value as Record<string, unknown> });
  }
  return loaded;
}

/** The plugin root a manifest belongs to (`.claude-plugin/plugin.json` → its grandparent). */
export function pluginRootOf(manifestPath: string): string {
  const parent = dirname(manifestPath);
  return basename(parent) === '.claude-plugin' || basename(parent) === 'hooks' ? dirname(parent) : parent;
}

/** Paths inside a command line that start with ${CLAUDE_PLUGIN_ROOT}, substituted with the root. */
export function pluginRootPaths(command: string, root: string): { written: string; resolved: string }[] {
  const found: { written: string; resolved: string }[] = [];
  const pattern = /["']?(\$\{CLAUDE_PLUGIN_ROOT\}[^\s"']*)["']?/g;
  for (let m = pattern.exec(command); m; m = pattern.exec(command)) {
    found.push({ written: m[1]!, resolved: m[1]!.replace('${CLAUDE_PLUGIN_ROOT}', root) });
  }
  return found;
}
