/**
 * Expansion of the parser's markers against what the classifier knows at that point: variables set
 * earlier in the same call (`K=kubectl; $K …`), the hook's environment, `$PWD`, and the static output
 * of command substitutions (`$(echo kubectl)`). Unknown parts are flagged, so a program word computed
 * at run time is never mistaken for a harmless one.
 */
import { MARK_CLOSE, SUBST_OPEN, UNKNOWN_MARK, VAR_OPEN, VAR_SPLIT_OPEN } from './split-shell.js';
import type { ShellState } from './guard-context.js';

export interface Expanded {
  words: string[];
  /** Whether the program word depends on something unknown at this point (`$1`, an unset variable). */
  dynamicProgram: boolean;
}

/** `NAME=value` → [NAME, value] (`NAME+=`, `NAME[i]=` reduced to NAME). */
export function splitAssignment(word: string): [string, string] {
  const eq = word.indexOf('=');
  return [word.slice(0, eq).replace(/(\[[^\]]*\])?\+$|\[[^\]]*\]$/, ''), word.slice(eq + 1)];
}

export const MARKER_TEST = /[\u0001-\u0005]/;
const MARKER = new RegExp(`([${VAR_OPEN}${VAR_SPLIT_OPEN}${SUBST_OPEN}\u0005])([^${MARK_CLOSE}]*)${MARK_CLOSE}`, 'g');

export function expandWord(word: string, shell: ShellState, env: Readonly<Record<string, string | undefined>>, outputs: readonly (string | undefined)[]): { text: string; unknown: boolean; split: boolean } {
  let unknown = false;
  let split = false;
  const text = word.replace(MARKER, (_m, kind: string, body: string) => {
    if (kind === SUBST_OPEN) {
      const out = outputs[Number(body)];
      if (out === undefined) unknown = true;
      split = true;
      return out ?? '';
    }
    if (kind === VAR_OPEN || kind === VAR_SPLIT_OPEN) {
      const value = body === 'PWD' ? shell.cwd : shell.vars.get(body) ?? env[body];
      if (value === undefined) unknown = true;
      if (kind === VAR_SPLIT_OPEN) split = true;
      return value ?? '';
    }
    unknown = true;
    return '';
  });
  return { text, unknown, split };
}

export function expandWords(words: readonly string[], shell: ShellState, env: Readonly<Record<string, string | undefined>>, outputs: readonly (string | undefined)[]): Expanded {
  const out: string[] = [];
  let dynamicProgram = false;
  let programSeen = false;
  for (const word of words) {
    if (programSeen && !MARKER_TEST.test(word)) { out.push(word); continue; }
    const { text, unknown, split } = expandWord(word, shell, env, outputs);
    const isProgram = !programSeen;
    if (isProgram && !/^[A-Za-z_][A-Za-z0-9_]*=/.test(text)) programSeen = true;
    if (isProgram && unknown && (text === '' || !/^[A-Za-z_][A-Za-z0-9_]*=/.test(text))) dynamicProgram = true;
    if (isProgram && unknown && text === '') out.push(UNKNOWN_MARK);
    else if (split) out.push(...text.split(/\s+/).filter(Boolean));
    else out.push(text);
  }
  return { words: out, dynamicProgram };
}
