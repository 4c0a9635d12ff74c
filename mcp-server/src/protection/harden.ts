/**
 * `shipgate harden`: merge the hardened settings into the project's `.claude/settings.json` (plan,
 * then write atomically). A file with invalid JSON is refused, never overwritten: Claude Code would
 * drop it silently, and so would everything the user had in it.
 *
 * Good: `shipgate harden --dry-run` prints what would change; `shipgate harden` writes it.
 * Bad:  replacing the file with shipgate's fragment, losing the user's own permission rules.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { isObject, settingsPaths, type Json } from './claude-settings.js';
import { mergeSettings, planHardenedSettings, type ProtectedTargets, type SettingsChange } from './hardened-settings.js';
import { collectProtectedTargets } from './protected-targets.js';

export interface HardenResult {
  file: string;
  targets: ProtectedTargets;
  changes: SettingsChange[];
  settings: Json;
  written: boolean;
}

export async function harden(projectRoot: string, options: { dryRun?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<HardenResult> {
  const env = options.env ?? process.env;
  const file = settingsPaths(projectRoot, { home: env.HOME }).project;
  let existing: Json = {};
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined && text.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new ConfigError('The project settings file is not valid JSON, so it was left as it is.', { where: file, found: (error as Error).message, expected: 'a JSON object', hint: 'Fix the JSON (Claude Code ignores this file until you do), then run `shipgate harden` again.' });
    }
    if (!isObject(parsed)) throw new ConfigError('The project settings file is not a JSON object, so it was left as it is.', { where: file, expected: 'a JSON object like {"permissions": {...}}' });
    existing = parsed;
  }
  const targets = await collectProtectedTargets(projectRoot, env);
  const { merged, changes } = mergeSettings(existing, planHardenedSettings(targets, env.HOME));
  const written = !options.dryRun && changes.length > 0;
  if (written) await writeFileAtomic(file, `${JSON.stringify(merged, null, 2)}\n`);
  return { file, targets, changes, settings: merged, written };
}
