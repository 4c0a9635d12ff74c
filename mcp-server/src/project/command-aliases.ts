/**
 * Project aliases for shipgate's slash commands. Claude Code namespaces every plugin command
 * (`/shipgate:deploy-production`); typed without the prefix, headless, the client answers "no command
 * with that name". Project commands in `.claude/commands/` are not namespaced, so `shipgate init` and
 * `shipgate aliases` write one thin file per command there that hands `$ARGUMENTS` to the plugin's
 * command through the Skill tool. The alias grants the same tools as the plugin command (its
 * `allowed-tools`, plus the Skill call itself): a plugin command loaded through the Skill tool does not
 * grant its own `allowed-tools`, the command the user typed does (checked in the real client).
 *
 * Plan, then apply: planning reads the plugin's commands and the project's folder and returns data
 * (create / update / unchanged / a user's own file that is left alone); applying writes atomically.
 *
 * Good: `.claude/commands/deploy-production.md` written by shipgate → `/deploy-production production` works.
 * Bad:  overwriting a team's own `/deploy` command because its name matches (reported as `kept`, never written).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';

/** The plugin commands that get a project alias, in the order they are reported. */
export const ALIASED_COMMANDS = ['deploy-production', 'ship-prod', 'deploy', 'rollback', 'retrospect'] as const;
export const ALIAS_DIR = join('.claude', 'commands');
/** Marks a file as shipgate's own alias, so a re-run may update it (and never touches anything else). */
export const ALIAS_MARKER = 'Written by `shipgate aliases`';

export type AliasState = 'create' | 'update' | 'unchanged' | 'kept';

export interface AliasPlanEntry {
  name: string;
  /** Absolute path of the alias file. */
  path: string;
  state: AliasState;
  text: string;
}

export interface AliasPlan {
  projectRoot: string;
  entries: AliasPlanEntry[];
}

interface CommandFrontmatter {
  description: string;
  argumentHint?: string;
  allowedTools: string[];
}

export async function planCommandAliases(projectRoot: string, pluginRoot: string, version: string): Promise<AliasPlan> {
  const entries: AliasPlanEntry[] = [];
  for (const name of ALIASED_COMMANDS) {
    const source = join(pluginRoot, 'commands', `${name}.md`);
    const text = renderAlias(name, await readCommandFrontmatter(source), version);
    const path = join(projectRoot, ALIAS_DIR, `${name}.md`);
    const existing = await readFile(path, 'utf8').catch(() => undefined);
    const state: AliasState = existing === undefined ? 'create' : existing === text ? 'unchanged' : existing.includes(ALIAS_MARKER) ? 'update' : 'kept';
    entries.push({ name, path, state, text });
  }
  return { projectRoot, entries };
}

/** Writes the `create` and `update` entries; `kept` files (the project's own commands) are never touched. */
export async function applyCommandAliases(plan: AliasPlan): Promise<AliasPlanEntry[]> {
  const written: AliasPlanEntry[] = [];
  for (const entry of plan.entries) {
    if (entry.state !== 'create' && entry.state !== 'update') continue;
    await writeFileAtomic(entry.path, entry.text);
    written.push(entry);
  }
  return written;
}

export function renderAlias(name: string, source: CommandFrontmatter, version: string): string {
  const tools = [`Skill(shipgate:${name})`, ...source.allowedTools.filter((tool) => !tool.startsWith('Skill('))];
  const lines = ['---', `description: ${JSON.stringify(`${source.description} (alias of /shipgate:${name})`)}`];
  if (source.argumentHint !== undefined) lines.push(`argument-hint: ${JSON.stringify(source.argumentHint)}`);
  lines.push(`allowed-tools: ${tools.join(', ')}`, '---', '');
  lines.push(
    `<!-- ${ALIAS_MARKER} (shipgate ${version}): Claude Code namespaces plugin commands, so this project command makes \`/${name}\` work as typed. Re-run \`shipgate aliases\` after updating shipgate; delete this file to drop the alias. -->`,
    '',
    `Run shipgate's \`/shipgate:${name}\` command with the arguments \`$ARGUMENTS\`: call the Skill tool with`,
    `\`skill: "shipgate:${name}"\` and \`args: "$ARGUMENTS"\`, then follow the instructions it loads, step by step.`,
    '',
  );
  return lines.join('\n');
}

async function readCommandFrontmatter(path: string): Promise<CommandFrontmatter> {
  const text = await readFile(path, 'utf8').catch(() => {
    throw new ConfigError(`shipgate's command file is missing: ${path}.`, { where: path, expected: 'the plugin folder with its commands/', hint: 'Reinstall the shipgate plugin.' });
  });
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  const data = match ? (parseYaml(match[1]!) as Record<string, unknown> | null) : null;
  if (!data || typeof data.description !== 'string') {
    throw new ConfigError(`shipgate's command ${path} has no frontmatter description.`, { where: path, expected: 'a `---` frontmatter block with description', hint: 'Reinstall the shipgate plugin.' });
  }
  const allowed = data['allowed-tools'];
  const allowedTools = typeof allowed === 'string' ? allowed.split(',').map((tool) => tool.trim()).filter(Boolean) : Array.isArray(allowed) ? allowed.map(String) : [];
  return { description: data.description, argumentHint: typeof data['argument-hint'] === 'string' ? data['argument-hint'] : undefined, allowedTools };
}
