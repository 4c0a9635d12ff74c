/**
 * Resolves and parses the gate skills configured for an environment. An entry is a project-relative
 * path (`.claude/skills/my-gate/SKILL.md`) or the name of a skill bundled with the plugin
 * (`production-gate` → <plugin>/skills/production-gate/SKILL.md). The bytes of every file feed the
 * gate hash that receipts are bound to: edit the gate and old receipts stop counting.
 *
 * Good: `gates: [production-gate, .claude/skills/db-gate/SKILL.md]`
 * Bad:  `gates: [../../other-repo/SKILL.md]` (outside the project: a ConfigError).
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { findPluginRoot } from '../learnings/plugin-root.js';
import { resolveInsideProject } from '../util/paths.js';
import { ConfigError, InputError, quote } from '../errors.js';
import type { SkillDocument } from '../skill/model.js';

const BUNDLED_NAME = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface GateSkillFile {
  /** As written in the configuration. */
  entry: string;
  path: string;
  /** Path shown to people: project-relative, or `plugin:skills/<name>/SKILL.md`. */
  displayPath: string;
  bytes: Buffer;
}

export async function resolveGateFiles(projectRoot: string, entries: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<GateSkillFile[]> {
  const files: GateSkillFile[] = [];
  for (const entry of entries) {
    let path: string;
    let displayPath: string;
    if (BUNDLED_NAME.test(entry) && !entry.endsWith('.md')) {
      const pluginRoot = findPluginRoot(env);
      if (!pluginRoot) throw new ConfigError(`Cannot find the shipgate plugin folder to load the bundled gate skill ${quote(entry)}.`, { hint: 'Set CLAUDE_PLUGIN_ROOT, or list a project-relative SKILL.md path under gates:.' });
      path = join(pluginRoot, 'skills', entry, 'SKILL.md');
      displayPath = `plugin:skills/${entry}/SKILL.md`;
    } else {
      try {
        path = await resolveInsideProject(projectRoot, entry, 'gates entry');
      } catch (error) {
        if (error instanceof InputError) throw new ConfigError(`The gate skill ${quote(entry)} is outside the project.`, { where: 'environments.<env>.gates', expected: 'a path inside the project or a bundled skill name like "production-gate"' });
        throw error;
      }
      displayPath = relative(projectRoot, path);
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw new ConfigError(`The gate skill ${quote(entry)} does not exist.`, { where: path, expected: 'a SKILL.md with a <safety_gate> block', hint: 'Fix the path under environments.<env>.gates in shipgate.config.yaml.' });
    }
    files.push({ entry, path, displayPath, bytes });
  }
  return files;
}

/** sha256 over each file's display path and bytes, in order. */
export function gateHash(files: readonly GateSkillFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.displayPath).update('\0').update(file.bytes).update('\0');
  return hash.digest('hex');
}

/** Parse each gate skill; parse problems of severity error become a ConfigError naming file:line. */
export async function parseGateFiles(files: readonly GateSkillFile[]): Promise<SkillDocument[]> {
  const { loadSkillFile } = await import('../skill/load-skill.js');
  const documents: SkillDocument[] = [];
  for (const file of files) {
    const document = await loadSkillFile(file.path, 'skill');
    const errors = document.problems.filter((p) => p.severity === 'error');
    if (errors.length) {
      throw new ConfigError(`The gate skill ${file.displayPath} cannot be used: ${errors.length} parse error${errors.length > 1 ? 's' : ''}.`, {
        where: errors.map((p) => `${file.displayPath}:${p.position.line}:${p.position.column} ${p.message} (${p.ruleId})`).join('\n      '),
        hint: `Run \`shipgate validate ${file.displayPath}\` and fix the errors.`,
      });
    }
    documents.push(document);
  }
  return documents;
}
