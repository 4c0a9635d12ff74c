/**
 * Shared helpers for the plugin-content tests: where the plugin's skills and commands live, and the
 * names the seeds and DESIGN.md fix (tool names, command names, seed pitfall ids). These lists are the
 * specification the content is checked against, not results copied from it.
 */
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PLUGIN_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The 11 MCP tools of DESIGN.md's public contract. */
export const DESIGN_TOOLS = [
  'gate_check', 'gate_attest', 'version_bump', 'deploy', 'rollback', 'health_check',
  'deployment_status', 'runbook_generate', 'learnings_get', 'learnings_record', 'validate_skills',
] as const;

/** Plugin MCP tools are named mcp__plugin_<plugin>_<server>__<tool> (plugin and server both "shipgate"). */
export const TOOL_PREFIX = 'mcp__plugin_shipgate_shipgate__';

/** The five slash commands of issue 5. */
export const COMMAND_NAMES = ['deploy-production', 'ship-prod', 'deploy', 'rollback', 'retrospect'] as const;

/** The skills of issue 5 (folder = name). */
export const SKILL_NAMES = ['production-gate', 'production-promotion', 'deployment-strategies', 'deployment-lessons', 'change-management'] as const;

/** Seed 003's six anti-pattern pitfalls and seed 004's two Markdown pitfalls, as snake_case ids. */
export const SEED_003_PITFALLS = [
  'deploy_without_staging_validation', 'missing_rollback_verification', 'insufficient_health_checks',
  'no_post_deploy_monitoring', 'wrong_version_bump', 'missing_git_tag',
] as const;
export const SEED_004_PITFALLS = ['missing_rollback_plan', 'insufficient_post_deploy_monitoring'] as const;

export function skillPath(name: string): string {
  return join(PLUGIN_ROOT, 'skills', name, 'SKILL.md');
}

export function commandPath(name: string): string {
  return join(PLUGIN_ROOT, 'commands', `${name}.md`);
}

/** Every Markdown file under a folder of the plugin, recursively. */
export function markdownFilesUnder(folder: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []));
  return walk(join(PLUGIN_ROOT, folder));
}

/** Every `mcp__plugin_shipgate_shipgate__<tool>` named in a text. */
export function toolNamesIn(text: string): string[] {
  return [...text.matchAll(/mcp__plugin_shipgate_shipgate__([a-z_]+)/g)].map((match) => match[1] ?? '');
}
