/**
 * The shape of one guard rule: given a simple command already unwrapped (`env`, `sudo`, `npx`,
 * `bash -c` removed, variables resolved, program reduced to its base name), say why it is a raw
 * production deploy, or null. Rules only report; classify-command.ts walks the shell text.
 */
import type { GuardContext, ShellState } from '../guard-context.js';
import { clusterTakesValue } from '../wrappers.js';

export interface GuardCommand {
  /** Program base name, lowercased (`kubectl`, `git`). */
  program: string;
  /** The program word as written, variables resolved (for configured argv matching). */
  programWord: string;
  args: string[];
  /** Variables in force for this command: the hook's environment, then exports, then `X=1 cmd`. */
  env: Readonly<Record<string, string | undefined>>;
  /** What earlier commands of the same call changed (directory, kube context). */
  shell: ShellState;
  /** Words of the commands piped into this one, and a `<` file (`kustomize build overlays/production | kubectl apply -f -`). */
  stdinFrom?: readonly string[];
}

export interface GuardRule {
  id: string;
  check(command: GuardCommand, context: GuardContext): string | null;
}

/** Value of an option written `--name value`, `--name=value` or `-n value`/`-nvalue` (all occurrences). */
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
    if (arg.startsWith('-') && arg !== '-') {
      if (valueOptions.includes(arg) || clusterTakesValue(arg, valueOptions)) i += 1;
      continue;
    }
    out.push(arg);
  }
  return out;
}

/**
 * A production name as a whole word: `prod`, `production`, `prd`, `live` between non-alphanumerics.
 * Good: `prod-eu`, `values-production.yaml`, `gke_shop_prod`. Bad: `products`, `reproduce-bug.yml`.
 */
export const PRODUCTION_WORD = /(?:^|[^A-Za-z0-9])(?:prod|production|prd|live)(?:[^A-Za-z0-9]|$)/i;

/** A non-production environment named as a whole word (staging, dev, test, qa, preview, sandbox). */
export const NON_PRODUCTION_WORD = /(?:^|[^A-Za-z0-9])(?:staging|stage|stg|dev|development|test|testing|qa|preview|sandbox|local)(?:[^A-Za-z0-9]|$)/i;
