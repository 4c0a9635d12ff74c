/**
 * Expansion of the parser's markers against what the classifier knows at that point: variables set
 * earlier in the same call (`K=kubectl; $K …`), the hook's environment, `$PWD`, and the static output
 * of command substitutions (`$(echo kubectl)`). Unknown parts are flagged, so a program word computed
 * at run time is never mistaken for a harmless one.
 */
import { MARK_CLOSE, SUBST_OPEN, VAR_OPEN, VAR_SPLIT_OPEN } from './split-shell.js';
import type { ShellState } from './guard-context.js';

export interface Expanded {
  words: string[];
  /** Whether the program word depends on something unknown at this point (`$1`, an unset variable). */
  dynamicProgram: boolean;
}

/**
 * `NAME=value` → [NAME, value]. `NAME+=more` appends to what NAME held before (`previous`), and
 * `NAME[2]=x` sets one element of a list held as words (`a=(git pull); a[1]=push; "${a[@]}"` is
 * `git push`): without `previous`, or for an index that is not a number, the value is unknown.
 */
export function splitAssignment(word: string, previous?: (name: string) => string | undefined): [string, string] {
  const eq = word.indexOf('=');
  const left = word.slice(0, eq);
  const name = left.replace(/(\[[^\]]*\])?\+$|\[[^\]]*\]$/, '');
  const value = word.slice(eq + 1);
  const append = left.endsWith('+');
  const index = /\[([^\]]*)\]\+?$/.exec(left)?.[1];
  if (index === undefined && !append) return [name, value];
  if (!previous) return [name, UNKNOWN];
  const before = previous(name) ?? '';
  if (index === undefined) return [name, `${before}${value}`];
  if (!/^[0-9]+$/.test(index) || before.includes(UNKNOWN)) return [name, UNKNOWN];
  const words = before.split(' ').filter(Boolean);
  const at = Number(index);
  if (at > words.length) return [name, UNKNOWN];
  words[at] = append ? `${words[at] ?? ''}${value}` : value;
  return [name, words.join(' ')];
}

export const MARKER_TEST = /[\u0001-\u0005]/;
const MARKER = new RegExp(`([${VAR_OPEN}${VAR_SPLIT_OPEN}${SUBST_OPEN}\u0005])([^${MARK_CLOSE}]*)${MARK_CLOSE}`, 'g');

/**
 * What an expanded word holds where its value is only known at run time (`$1`, an unset variable,
 * `$(curl …)`): rules treat a word containing it as "could be anything" and refuse when that could
 * be a production target (fail closed), instead of reading it as empty.
 */
export const UNKNOWN = '\u0005';

/** Whether an expanded word depends on a value known only at run time. */
export function isUnknown(word: string): boolean {
  return word.includes(UNKNOWN);
}

/** What command substitution number `index` prints, when that is known without running anything (undefined: unknown). */
export type SubstitutionOutput = (index: number) => string | undefined;

/** For text with no substitutions of its own to look up (every one is unknown). */
export const NO_OUTPUTS: SubstitutionOutput = () => undefined;

export function expandWord(word: string, shell: ShellState, env: Readonly<Record<string, string | undefined>>, outputs: SubstitutionOutput): { text: string; unknown: boolean; split: boolean } {
  let unknown = false;
  let split = false;
  const text = word.replace(MARKER, (_m, kind: string, body: string) => {
    if (kind === SUBST_OPEN) {
      const out = outputs(Number(body));
      split = true;
      if (out === undefined || out.includes(UNKNOWN)) { unknown = true; return out ?? UNKNOWN; }
      return out;
    }
    if (kind === VAR_OPEN || kind === VAR_SPLIT_OPEN) {
      // Positional parameters come only from the shell (a script run with arguments), never from the environment.
      const positional = /^([0-9]+|[@*#])$/.test(body);
      const value = body === 'PWD' ? shell.cwd : positional ? shell.positional?.get(body) : shell.vars.get(body) ?? env[body];
      // `"$@"` is one word per argument even when quoted.
      if (kind === VAR_SPLIT_OPEN || body === '@') split = true;
      if (value === undefined || value.includes(UNKNOWN)) { unknown = true; return value ?? UNKNOWN; }
      return value;
    }
    unknown = true;
    return UNKNOWN;
  });
  return { text, unknown, split };
}

export function expandWords(words: readonly string[], shell: ShellState, env: Readonly<Record<string, string | undefined>>, outputs: SubstitutionOutput): Expanded {
  const out: string[] = [];
  let dynamicProgram = false;
  let programSeen = false;
  // `IFS=_` earlier in the call changes how unquoted expansions split (`c=git_push; $c`).
  const ifs = shell.vars.get('IFS');
  const splitter = ifs === undefined ? /\s+/ : ifs === '' ? null : new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`);
  for (const word of words) {
    if (programSeen && !MARKER_TEST.test(word)) { out.push(word); continue; }
    const { text, unknown, split } = expandWord(word, shell, env, outputs);
    const isProgram = !programSeen;
    if (isProgram && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) programSeen = true;
    if (isProgram && unknown && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) dynamicProgram = true;
    if (split && splitter) out.push(...text.split(splitter).filter(Boolean));
    else out.push(text);
  }
  return { words: out, dynamicProgram };
}
