/**
 * Every state file shipgate reads back (locks, journals, deploy state, records, caches, catalogs) goes
 * through a zod schema here. A file that is not what shipgate wrote gets one clear error naming the
 * file, the key path and what was expected, and the read changes nothing: never a crash deep inside
 * and never a silently wrong value from `JSON.parse(...) as T`.
 *
 * Good: `await readStateFile(file, environmentStateSchema, { what: 'The deploy state', hint: '...' })`.
 * Bad:  `JSON.parse(text) as EnvironmentState` → `served.map is not a function` three calls later.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { ConfigError } from '../errors.js';

export interface StateFileDescription {
  /** What the file is, for the message: "The release journal". */
  what: string;
  /** How to get out of it: which command rewrites it, or that it may be deleted. */
  hint: string;
}

/** The parsed file, or undefined when it does not exist. */
export async function readStateFile<S extends z.ZodTypeAny>(path: string, schema: S, description: StateFileDescription): Promise<z.output<S> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseStateText(path, text, schema, description);
}

/** Parse a state file's text (JSON) through its schema; a mismatch is a ConfigError naming the file. */
export function parseStateText<S extends z.ZodTypeAny>(path: string, text: string, schema: S, description: StateFileDescription): z.output<S> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw corrupt(path, description, `invalid JSON (${(error as Error).message})`);
  }
  return parseStateValue(path, data, schema, description);
}

/** Check an already parsed value (e.g. one whose signature was verified first) against its schema. */
export function parseStateValue<S extends z.ZodTypeAny>(path: string, data: unknown, schema: S, description: StateFileDescription): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data as z.output<S>;
  const issue = parsed.error.issues[0];
  const at = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
  throw corrupt(path, description, `${at}${issue?.message ?? 'unexpected shape'}`);
}

function corrupt(path: string, description: StateFileDescription, found: string): ConfigError {
  return new ConfigError(`${description.what} is damaged and cannot be read.`, {
    where: path,
    expected: `the JSON shipgate writes there`,
    found,
    hint: description.hint,
  });
}
