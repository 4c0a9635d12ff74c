/**
 * A shell parser good enough to see what bash would run: quotes (`'…'`, `"…"`, `$'…'` ANSI-C,
 * `$"…"`), escapes, line continuations (also inside a word), `&&`, `||`, `;`, `|`, `|&`, `&`,
 * newlines, subshells and groups, comments, redirections, here-documents and here-strings, and the
 * nested command strings of `$(…)`, backticks, `<(…)` and `>(…)`. It never executes anything and
 * never throws: unbalanced input is read to the end, in time linear in its length.
 *
 * Expansions stay visible as markers inside words so the classifier can resolve them later:
 * a variable (`$X`, `${X}`, `~`) becomes VAR_OPEN+name+MARK_CLOSE (VAR_SPLIT_OPEN when unquoted, since
 * bash word-splits it), a command substitution SUBST_OPEN+index+MARK_CLOSE (index into
 * `substitutions`), anything else computed at run time (`$1`, `$((…))`) UNKNOWN_MARK.
 *
 * Good: `env X=1 kubectl apply -n production -f k.yaml && echo ok` → [env X=1 kubectl …], [echo ok]
 * Bad:  a regex over the raw text, which `k"ube"ctl`, `git pu\<newline>sh` or `$(echo kubectl)` walks past.
 */
export const VAR_OPEN = '\u0001';
export const VAR_SPLIT_OPEN = '\u0004';
export const SUBST_OPEN = '\u0003';
export const MARK_CLOSE = '\u0002';
export const UNKNOWN_MARK = '\u0005\u0002';
/** Marker characters typed into the command itself: `\u0005` (an unknown value, from text the classifier built) survives. */
const MARKER_CHARS = /[\u0001-\u0004\u0006\u000e\u000f]/g;
const BRACE_OPEN = '\u0006';
const BRACE_COMMA = '\u000e';
const BRACE_CLOSE = '\u000f';
const BRACES = /[\u0006\u000e\u000f]/;
const BRACE_CHARS = /[{},]/;
/** Words one brace expansion may produce; past it the word counts as unknown (fail closed). */
const MAX_BRACE_WORDS = 64;
/** A bare `\u0005` in a word stands for a value unknown until run time (see expand-words.ts). */
const BARE_UNKNOWN = /\u0005(?!\u0002)/g;

export type Joiner = 'start' | ';' | '&&' | '||' | '|' | '&';

export interface Redirect {
  /** The operator without its file descriptor: `>`, `>>`, `<`, `>|`, `<>`, `&>`, `&>>`, `>&`. */
  op: string;
  target: string;
}

export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
  /** Text fed on standard input by a here-document or here-string. */
  stdin?: string;
  /** How this command joins the one before it; `|` means it reads that command's output. */
  joinedBy: Joiner;
  /** Set on `name()` (and `function name()`): the commands that follow, up to the matching `}`, are its body. */
  definesFunction?: string;
}

export interface ShellParse {
  commands: SimpleCommand[];
  /** Bodies of `$(…)`, backticks and process substitutions, in order of appearance. */
  substitutions: string[];
}

const MAX_LENGTH = 200_000;
/** Characters with no special meaning inside a word, consumed in one step. */
const ORDINARY_RUN = /[^\s\\'"$`;&|()<>\u0005]+/y;
const ANSI_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\u0007', b: '\b', e: '\u001b', E: '\u001b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' };

export function parseShell(source: string): ShellParse {
  const text = (source.length > MAX_LENGTH ? source.slice(0, MAX_LENGTH) : source).replace(MARKER_CHARS, ' ');
  const commands: SimpleCommand[] = [];
  const substitutions: string[] = [];
  let current: SimpleCommand = { words: [], redirects: [], joinedBy: 'start' };
  let word = '';
  let inWord = false;
  let pendingRedirect: string | null = null;
  let pendingHeredocs: { delimiter: string; stripTabs: boolean; expand: boolean; command: SimpleCommand }[] = [];
  let nextJoiner: Joiner = 'start';

  const endWord = () => {
    if (inWord && word.includes('\u0005')) word = word.replace(BARE_UNKNOWN, UNKNOWN_MARK);
    if (inWord && BRACES.test(word)) {
      // Bash expands braces in command words, not in redirections or in the assignments before a command.
      const assignment = /^[A-Za-z_][A-Za-z0-9_]*(\+)?=/.test(word) && current.words.every((w) => /^[A-Za-z_][A-Za-z0-9_]*(\+)?=/.test(w));
      if (pendingRedirect === null && !assignment) {
        const expanded = expandBraces(word);
        current.words.push(...expanded.slice(0, -1));
        word = expanded.at(-1)!;
      } else word = restoreBraces(word);
    }
    if (inWord) {
      if (pendingRedirect !== null) {
        if (pendingRedirect === '<<' || pendingRedirect === '<<-') {
          const quoted = /['"\\]/.test(rawWordStart >= 0 ? text.slice(rawWordStart, i) : '');
          pendingHeredocs.push({ delimiter: word, stripTabs: pendingRedirect === '<<-', expand: !quoted, command: current });
        } else if (pendingRedirect === '<<<') current.stdin = word;
        else current.redirects.push({ op: pendingRedirect, target: word });
        pendingRedirect = null;
      } else current.words.push(word);
    }
    word = '';
    inWord = false;
    rawWordStart = -1;
  };
  const endCommand = (joiner: Joiner) => {
    endWord();
    if (current.words.length || current.redirects.length || current.stdin !== undefined || current.definesFunction !== undefined) {
      current.joinedBy = nextJoiner;
      commands.push(current);
      nextJoiner = joiner;
    } else if (joiner !== ';' || nextJoiner === 'start') {
      nextJoiner = joiner === ';' ? nextJoiner : joiner;
    }
    current = { words: [], redirects: [], joinedBy: 'start' };
  };
  const startWord = () => {
    if (!inWord) rawWordStart = i;
    inWord = true;
  };
  const addSubstitution = (body: string) => {
    substitutions.push(body);
    word += `${SUBST_OPEN}${substitutions.length - 1}${MARK_CLOSE}`;
  };
  /** `$…` at text[i]; returns the index after it, having appended to `word`. */
  const readDollar = (quoted: boolean): number => {
    const next = text[i + 1];
    if (next === '(') {
      if (text[i + 2] === '(') {
        const end = findClose(text, i + 3, '(', ')');
        word += UNKNOWN_MARK;
        return Math.min(text.length, end + (text[end + 1] === ')' ? 2 : 1));
      }
      const end = findClose(text, i + 2, '(', ')');
      addSubstitution(text.slice(i + 2, end));
      return end + 1;
    }
    if (next === '{') {
      const end = findClose(text, i + 2, '{', '}');
      // Only a plain `${NAME}` is resolved; `${x:-push}`, `${p/ll/sh}`, `${b##*/}`, `${a[@]}` are computed at run time.
      const name = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#])$/.exec(text.slice(i + 2, end));
      word += name ? `${quoted ? VAR_OPEN : VAR_SPLIT_OPEN}${name[0]}${MARK_CLOSE}` : UNKNOWN_MARK;
      return end + 1;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1, i + 257));
    if (name) {
      word += `${quoted ? VAR_OPEN : VAR_SPLIT_OPEN}${name[0]}${MARK_CLOSE}`;
      return i + 1 + name[0].length;
    }
    // Positional parameters are resolved when the classifier knows them (a script run with arguments).
    if (next !== undefined && /[0-9@*#]/.test(next)) {
      word += `${quoted ? VAR_OPEN : VAR_SPLIT_OPEN}${next}${MARK_CLOSE}`;
      return i + 2;
    }
    if (next !== undefined && /[?$!-]/.test(next)) {
      word += UNKNOWN_MARK;
      return i + 2;
    }
    word += '$';
    return i + 1;
  };
  const readHeredocBodies = () => {
    // i is at the newline that ends the line carrying the operators.
    let pos = i + 1;
    for (const doc of pendingHeredocs) {
      let body = '';
      while (pos <= text.length) {
        const lineEnd = text.indexOf('\n', pos);
        const end = lineEnd < 0 ? text.length : lineEnd;
        let line = text.slice(pos, end);
        if (doc.stripTabs) line = line.replace(/^\t+/, '');
        pos = end + 1;
        if (line === doc.delimiter) break;
        body += `${line}\n`;
        if (lineEnd < 0) break;
      }
      doc.command.stdin = body;
      if (doc.expand) for (const inner of innerSubstitutions(body)) substitutions.push(inner);
    }
    pendingHeredocs = [];
    return pos - 1;
  };

  let rawWordStart = -1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\\') {
      if (next === '\n') { i += 2; continue; }
      startWord();
      if (next !== undefined) word += next;
      i += 2;
      continue;
    }
    if (c === "'") {
      startWord();
      const j = text.indexOf("'", i + 1);
      const end = j < 0 ? text.length : j;
      word += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '$' && next === "'") {
      startWord();
      i = readAnsiC(text, i + 2, (s) => { word += s; });
      continue;
    }
    if (c === '"' || (c === '$' && next === '"')) {
      startWord();
      i += c === '$' ? 2 : 1;
      while (i < text.length && text[i] !== '"') {
        const d = text[i]!;
        if (d === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) { if (text[i + 1] !== '\n') word += text[i + 1]; i += 2; continue; }
        if (d === '$') { i = readDollar(true); continue; }
        if (d === '`') { const end = readBacktick(text, i + 1); addSubstitution(unescapeBacktick(text.slice(i + 1, end))); i = end + 1; continue; }
        word += d;
        i += 1;
      }
      i += 1;
      continue;
    }
    if (c === '$') {
      startWord();
      i = readDollar(false);
      continue;
    }
    // Inside a word too, as bash reads it: `BASH_ENV=<(…)`, `a<(…)` is `a/dev/fd/63`.
    if ((c === '<' || c === '>') && next === '(') {
      const end = findClose(text, i + 2, '(', ')');
      startWord();
      addSubstitution(text.slice(i + 2, end));
      i = end + 1;
      continue;
    }
    if (c === '`') {
      startWord();
      const end = readBacktick(text, i + 1);
      addSubstitution(unescapeBacktick(text.slice(i + 1, end)));
      i = end + 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const j = text.indexOf('\n', i);
      i = j < 0 ? text.length : j;
      continue;
    }
    if (c === '~' && !inWord && (next === undefined || next === '/' || /[\s;&|)]/.test(next))) {
      startWord();
      word += `${VAR_OPEN}HOME${MARK_CLOSE}`;
      i += 1;
      continue;
    }
    if (c === '\n') {
      endCommand(';');
      if (pendingHeredocs.length) i = readHeredocBodies();
      i += 1;
      continue;
    }
    if (c === '(' && /^\s*\)/.test(text.slice(i + 1, i + 40))) {
      endWord();
      const name = current.words.at(-1);
      if (name !== undefined && (current.words.length === 1 || (current.words.length === 2 && current.words[0] === 'function'))) {
        current.definesFunction = name;
        current.words = [];
        endCommand(';');
        i = text.indexOf(')', i) + 1;
        continue;
      }
    }
    if (c === ';' || c === '&' || c === '|' || c === '(' || c === ')') {
      if (c === '&' && next === '>') {
        endWord();
        const append = text[i + 2] === '>';
        pendingRedirect = append ? '&>>' : '&>';
        i += append ? 3 : 2;
        continue;
      }
      let joiner: Joiner = ';';
      let width = 1;
      if (c === '&' && next === '&') { joiner = '&&'; width = 2; }
      else if (c === '|' && next === '|') { joiner = '||'; width = 2; }
      else if (c === '|') { joiner = '|'; width = next === '&' ? 2 : 1; }
      else if (c === '&') joiner = '&';
      else if (c === ';' && next === ';') width = text[i + 2] === '&' ? 3 : 2;
      else if (c === ';' && next === '&') width = 2;
      endCommand(joiner);
      i += width;
      continue;
    }
    if (c === '>' || c === '<') {
      if (inWord && /^\d+$/.test(word) && !/[\u0001-\u0005]/.test(word)) { word = ''; inWord = false; rawWordStart = -1; } else endWord();
      let op = c;
      i += 1;
      if (c === '<' && text[i] === '<') {
        op = '<<';
        i += 1;
        if (text[i] === '<') { op = '<<<'; i += 1; } else if (text[i] === '-') { op = '<<-'; i += 1; }
      } else if (c === '>' && (text[i] === '>' || text[i] === '|')) { op = text[i] === '>' ? '>>' : '>|'; i += 1; }
      else if (c === '<' && text[i] === '>') { op = '<>'; i += 1; }
      if (text[i] === '&' && (op === '>' || op === '<' || op === '>>')) {
        i += 1;
        const fd = /^(\d+|-)(?=[\s;&|)<>]|$)/.exec(text.slice(i, i + 12));
        if (fd) { i += fd[0].length; continue; }
        op = op === '<' ? '<&' : '>&';
      }
      pendingRedirect = op;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i += 1;
      continue;
    }
    startWord();
    ORDINARY_RUN.lastIndex = i;
    const run = ORDINARY_RUN.exec(text);
    const length = run ? run[0].length : 1;
    // Unquoted `{`, `,` and `}` may be a brace expansion (`{git,push}`): marked here, expanded when the word ends.
    let chunk = text.slice(i, i + length);
    // In an assignment (`S=~/x`, `P=~/bin:~/y`) bash expands a `~` after the `=` or a `:` too.
    if (chunk.includes('~')) {
      const whole = word + chunk;
      const name = /^[A-Za-z_][A-Za-z0-9_]*\+?=/.exec(whole);
      if (name && !/[\u0001-\u0005]/.test(word)) chunk = chunk.replace(/~(?=\/|:|$)/g, (tilde, offset: number) => { const at = word.length + offset; return at === name[0].length || whole[at - 1] === ':' ? `${VAR_OPEN}HOME${MARK_CLOSE}` : tilde; });
    }
    word += BRACE_CHARS.test(chunk) ? chunk.replace(/[{},]/g, (c) => (c === '{' ? BRACE_OPEN : c === '}' ? BRACE_CLOSE : BRACE_COMMA)) : chunk;
    i += length;
  }
  endCommand(';');
  return { commands, substitutions };
}

/** The simple commands' words only (tests and quick checks). */
export function splitShell(source: string): string[][] {
  return parseShell(source).commands.map((command) => command.words);
}

/** Index of the closing bracket matching an opening one just before `start` (quotes respected). */
function findClose(text: string, start: number, open: string, close: string): number {
  let depth = 1;
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') { i += 2; continue; }
    if (c === "'" && open === '(') { const j = text.indexOf("'", i + 1); i = j < 0 ? text.length : j + 1; continue; }
    if (c === '"') { i = skipDouble(text, i + 1); continue; }
    if (c === open) depth += 1;
    else if (c === close) { depth -= 1; if (depth === 0) return i; }
    i += 1;
  }
  return text.length;
}

function readBacktick(text: string, start: number): number {
  let i = start;
  while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
  return Math.min(i, text.length);
}

/** Inside backticks, `\``, `\\` and `\$` stand for the character itself. */
function unescapeBacktick(body: string): string {
  return body.replace(/\\([`\\$])/g, '$1');
}

function skipDouble(text: string, start: number): number {
  let i = start;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** Decode a `$'…'` body starting at `start`; returns the index after the closing quote. */
function readAnsiC(text: string, start: number, emit: (s: string) => void): number {
  let i = start;
  let out = '';
  while (i < text.length && text[i] !== "'") {
    const c = text[i]!;
    if (c !== '\\') { out += c; i += 1; continue; }
    const e = text[i + 1];
    if (e === undefined) { i += 1; break; }
    if (ANSI_ESCAPES[e] !== undefined) { out += ANSI_ESCAPES[e]; i += 2; continue; }
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1, i + 4));
    if (hex) { out += String.fromCharCode(parseInt(hex[1]!, 16)); i += 1 + hex[0].length; continue; }
    const uni = /^[uU]([0-9a-fA-F]{1,8})/.exec(text.slice(i + 1, i + 11));
    if (uni) { const code = parseInt(uni[1]!, 16); out += code <= 0x10ffff ? String.fromCodePoint(code) : ''; i += 1 + uni[0].length; continue; }
    const oct = /^[0-7]{1,3}/.exec(text.slice(i + 1, i + 4));
    if (oct) { out += String.fromCharCode(parseInt(oct[0], 8) & 0xff); i += 1 + oct[0].length; continue; }
    if (e === 'c' && text[i + 2] !== undefined) { out += String.fromCharCode(text.charCodeAt(i + 2) & 0x1f); i += 3; continue; }
    out += `\\${e}`;
    i += 2;
  }
  emit(out.replace(/[\u0001-\u0004]/g, '\ufffd'));
  return i + 1;
}

/** `$(…)` and backtick bodies inside an expanding here-document. */
function innerSubstitutions(body: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < body.length; i += 1) {
    if (body[i] === '\\') { i += 1; continue; }
    if (body[i] === '$' && body[i + 1] === '(') {
      const end = findClose(body, i + 2, '(', ')');
      found.push(body.slice(i + 2, end));
      i = end;
    } else if (body[i] === '`') {
      const end = readBacktick(body, i + 1);
      found.push(unescapeBacktick(body.slice(i + 1, end)));
      i = end;
    }
  }
  return found;
}

function restoreBraces(word: string): string {
  return word.replace(/[\u0006\u000e\u000f]/g, (c) => (c === BRACE_OPEN ? '{' : c === BRACE_CLOSE ? '}' : ','));
}

/**
 * Bash brace expansion of one word: `{a,b}` alternatives and `{a..e}`/`{1..3}` sequences, nested,
 * left to right; braces without a top-level comma or sequence stay literal (`{}`, `{x}`).
 * Good: `{git,push}` → `git push`; `HEAD:ma{i,}n` → `HEAD:main HEAD:man`.
 */
function expandBraces(word: string): string[] {
  const done: string[] = [];
  const queue = [word];
  while (queue.length) {
    const current = queue.shift()!;
    const found = firstExpansion(current);
    if (!found) { done.push(restoreBraces(current)); continue; }
    const { start, end, alternatives } = found;
    for (const alternative of alternatives) queue.push(`${current.slice(0, start)}${alternative}${current.slice(end + 1)}`);
    if (queue.length + done.length > MAX_BRACE_WORDS) return [UNKNOWN_MARK];
  }
  return done.length ? done : [''];
}

function firstExpansion(word: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = word.indexOf(BRACE_OPEN); start >= 0; start = word.indexOf(BRACE_OPEN, start + 1)) {
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < word.length; i += 1) {
      const c = word[i];
      if (c === BRACE_OPEN) depth += 1;
      else if (c === BRACE_COMMA && depth === 1) commas.push(i);
      else if (c === BRACE_CLOSE && --depth === 0) {
        const body = word.slice(start + 1, i);
        if (commas.length) {
          const cuts = [start, ...commas, i];
          return { start, end: i, alternatives: cuts.slice(0, -1).map((cut, k) => word.slice(cut + 1, cuts[k + 1])) };
        }
        const sequence = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])$/.exec(body);
        if (sequence) return { start, end: i, alternatives: range(sequence[1]!, sequence[2]!) };
        break;
      }
    }
  }
  return undefined;
}

function range(from: string, to: string): string[] {
  const numeric = /\d/.test(from);
  const a = numeric ? Number(from) : from.charCodeAt(0);
  const b = numeric ? Number(to) : to.charCodeAt(0);
  const out: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? 1 : -1) {
    out.push(numeric ? String(v) : String.fromCharCode(v));
    if (out.length > MAX_BRACE_WORDS) break;
  }
  return out;
}
