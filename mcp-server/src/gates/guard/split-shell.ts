/**
 * A shell-command splitter good enough to see through disguises: quotes, escapes, `&&`, `||`, `;`, `|`,
 * `&`, newlines, subshells, redirections, comments, and the nested command strings of `$(...)`,
 * backticks and `<(...)`. It never executes anything and never throws: unbalanced input is read to the
 * end. Output: the simple commands found, each a list of words; nested command strings and redirection
 * targets (`> file`) are collected into the optional arrays.
 *
 * Good: `env X=1 kubectl apply -n production -f k.yaml && echo ok` → [[env,X=1,kubectl,...],[echo,ok]]
 * Bad:  a regex over the raw text, which `k"ube"ctl` or `$(echo kubectl)` walks past.
 */
export type Words = string[];

const MAX_LENGTH = 200_000;

export function splitShell(source: string, nested: string[] = [], redirects: string[] = []): Words[] {
  const text = source.length > MAX_LENGTH ? source.slice(0, MAX_LENGTH) : source;
  const commands: Words[] = [];
  let words: Words = [];
  let word = '';
  let inWord = false;
  let skipNextWord = false;

  const endWord = () => {
    if (inWord) {
      if (skipNextWord) {
        skipNextWord = false;
        redirects.push(word);
      } else words.push(word);
    }
    word = '';
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length) commands.push(words);
    words = [];
  };

  /** Read a balanced `$(...)`/`<(...)` body starting after the opening paren; returns end index. */
  const readParen = (start: number): number => {
    let depth = 1;
    let i = start;
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\\') { i += 2; continue; }
      if (c === "'") { const j = text.indexOf("'", i + 1); i = j < 0 ? text.length : j + 1; continue; }
      if (c === '"') { i = skipDouble(text, i + 1); continue; }
      if (c === '(') depth += 1;
      if (c === ')') { depth -= 1; if (depth === 0) return i; }
      i += 1;
    }
    return text.length;
  };
  const readBacktick = (start: number): number => {
    let i = start;
    while (i < text.length && text[i] !== '`') i += text[i] === '\\' ? 2 : 1;
    return i;
  };

  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === '\\') {
      if (next === '\n') { i += 2; continue; }
      if (next !== undefined) { word += next; inWord = true; }
      i += 2;
      continue;
    }
    if (c === "'") {
      const j = text.indexOf("'", i + 1);
      const end = j < 0 ? text.length : j;
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '"') {
      inWord = true;
      i += 1;
      while (i < text.length && text[i] !== '"') {
        const d = text[i]!;
        if (d === '\\' && i + 1 < text.length && '"\\$`\n'.includes(text[i + 1]!)) { if (text[i + 1] !== '\n') word += text[i + 1]; i += 2; continue; }
        if (d === '$' && text[i + 1] === '(' ) { const end = readParen(i + 2); nested.push(text.slice(i + 2, end)); word += '$(…)'; i = end + 1; continue; }
        if (d === '`') { const end = readBacktick(i + 1); nested.push(text.slice(i + 1, end)); word += '`…`'; i = end + 1; continue; }
        word += d;
        i += 1;
      }
      i += 1;
      continue;
    }
    if ((c === '$' || c === '<' || c === '>') && next === '(') {
      const end = readParen(i + 2);
      nested.push(text.slice(i + 2, end));
      word += '$(…)';
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '`') {
      const end = readBacktick(i + 1);
      nested.push(text.slice(i + 1, end));
      word += '`…`';
      inWord = true;
      i = end + 1;
      continue;
    }
    if (c === '#' && !inWord) {
      const j = text.indexOf('\n', i);
      i = j < 0 ? text.length : j;
      continue;
    }
    if (c === ';' || c === '&' || c === '|' || c === '\n' || c === '(' || c === ')') {
      if (c === '&' && (text[i - 1] === '>' || next === '>')) { i += next === '>' ? 2 : 1; if (next === '>') { endWord(); skipNextWord = true; } continue; }
      endCommand();
      i += 1;
      continue;
    }
    if (c === '>' || c === '<') {
      if (inWord && /^\d+$/.test(word)) { word = ''; inWord = false; } else endWord();
      i += 1;
      while (text[i] === '>' || text[i] === '<' || text[i] === '|') i += 1;
      if (text[i] === '&') { i += 1; while (/[\d-]/.test(text[i] ?? '')) i += 1; continue; }
      skipNextWord = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      i += 1;
      continue;
    }
    word += c;
    inWord = true;
    i += 1;
  }
  endCommand();
  return commands;
}

function skipDouble(text: string, start: number): number {
  let i = start;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}
