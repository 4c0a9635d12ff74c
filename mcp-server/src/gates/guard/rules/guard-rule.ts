/**
 * The shape of one guard rule: given a simple command already unwrapped (`env`, `sudo`, `npx` removed,
 * program reduced to its base name), say why it is a raw production deploy, or null.
 */
import type { GuardPolicy } from '../guard-policy.js';

export interface GuardCommand {
  /** Program base name, lowercased (`kubectl`, `git`). */
  program: string;
  /** The program word as written (for configured argv matching). */
  programWord: string;
  args: string[];
}

export interface GuardRule {
  id: string;
  check(command: GuardCommand, policy: GuardPolicy): string | null;
}

/** Value of an option written `--name value`, `--name=value` or `-n value` (all occurrences). */
export function optionValues(args: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    for (const name of names) {
      if (arg === name && args[i + 1] !== undefined) values.push(args[i + 1]!);
      else if (arg.startsWith(`${name}=`)) values.push(arg.slice(name.length + 1));
      else if (name.length === 2 && name.startsWith('-') && !name.startsWith('--') && arg.startsWith(name) && arg.length > 2 && !arg.startsWith('--')) values.push(arg.slice(2));
    }
  });
  return values;
}

/** Positional words (not options and not option values for the listed value-taking options). */
export function positionals(args: readonly string[], valueOptions: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') { out.push(...args.slice(i + 1)); break; }
    if (arg.startsWith('-')) {
      if (valueOptions.includes(arg)) i += 1;
      continue;
    }
    out.push(arg);
  }
  return out;
}

export const PRODUCTION_WORD = /prod/i;
