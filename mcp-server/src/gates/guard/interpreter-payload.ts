/**
 * Shell commands hidden in an interpreter one-liner (`python -c`, `node -e`, `perl -le`, `ruby -e`,
 * `php -r`, `awk 'BEGIN{system(…)}'`, a program fed on standard input): only a program that starts
 * processes (`os.system`, `subprocess`, `child_process`, `system`, backticks in perl/ruby/php, awk's
 * `system`/`| getline`/`print | "sh"`) is read for commands; one that merely prints a deploy command
 * is harmless. Commands are assembled the way the program builds them: string literals, literals
 * joined by `+`/`.`/adjacency (`'git ' + 'push'`), argv lists (`['git', 'push', 'origin', b]`), and
 * interpolation (`${b}`, `{b}`, `#{b}`, `$b`), where every part computed at run time is UNKNOWN, so a
 * push whose branch is a variable still counts as a push to somewhere unknown. A process started with
 * a command that is only a variable (`os.system(cmd)`, awk's `system($0)`) is unreadable.
 * Best effort: code can build a string any way it likes; without hardened mode this class cannot be
 * closed by reading text, which is why the README calls hardened mode the wall.
 *
 * Good: `python3 -c "import subprocess as s; s.run(['git','push','origin','HEAD:'+b])"` reads as `git push origin HEAD:…`.
 * Bad:  refusing `python -c "print('git push origin main')"`, which starts nothing.
 */
import { UNKNOWN } from './expand-words.js';

const PAYLOAD_FLAGS: Record<string, string[]> = {
  python: ['-c'], node: ['-e', '--eval', '-p', '--print'], perl: ['-e', '-E'], ruby: ['-e'], php: ['-r'], deno: ['eval'], bun: ['-e', '--eval'],
};
/** Options that take the next word as their value, per family (so the value is not taken for the script). */
const VALUE_OPTIONS: Record<string, string[]> = {
  python: ['-W', '-X', '-m'], node: ['-r', '--require', '--import', '--input-type', '--loader', '-C', '--conditions', '--env-file', '--title', '--stack-size'], perl: ['-I', '-M', '-m'], ruby: ['-I', '-r', '-C'], php: ['-d', '-c'], deno: [], bun: [],
  awk: ['-F', '-v', '-f', '--file', '-i', '--include', '-l', '--load'],
};
/** First letters of every interpreter name: most programs are ruled out by one test. */
const INTERPRETER_START = /^[pnrdbgmaw]/;
const ALIASES: Record<string, string> = { python3: 'python', python2: 'python', nodejs: 'node', gawk: 'awk', mawk: 'awk', nawk: 'awk' };

export function interpreterFamily(program: string): string | undefined {
  if (!INTERPRETER_START.test(program)) return undefined;
  const family = ALIASES[program] ?? (/^python[0-9.]+$/.test(program) ? 'python' : program);
  return PAYLOAD_FLAGS[family] || family === 'awk' ? family : undefined;
}

/**
 * The inline program of an interpreter call: its `-c`/`-e` text (also inside a cluster such as
 * `-le`, `-uc`, `-pe`), awk's program word, or `stdin` when the program is read from standard input
 * (`python3 -`, `node` with nothing else); undefined when it runs a script file.
 */
export function interpreterPayload(program: string, args: readonly string[]): string | { stdin: true } | undefined {
  const family = interpreterFamily(program);
  if (!family) return undefined;
  const values = VALUE_OPTIONS[family] ?? [];
  if (family === 'awk') {
    for (let i = 0; i < args.length; i += 1) {
      const arg = args[i]!;
      if (arg === '-f' || arg === '--file' || arg.startsWith('-f')) return undefined;
      if (arg === '-e' || arg === '--source') return args[i + 1];
      if (arg === '--') return args[i + 1];
      if (arg.startsWith('-')) { if (values.includes(arg)) i += 1; continue; }
      return arg;
    }
    return undefined;
  }
  const flags = PAYLOAD_FLAGS[family]!;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (flags.includes(arg)) return args[i + 1];
    if (values.includes(arg)) { i += 1; continue; }
    if (arg === '-') return { stdin: true };
    // A cluster of one-letter options ending in the payload flag (`-le`, `-uc`, `-pe`), or the flag with the code attached (`-cprint(1)`).
    const short = flags.filter((f) => /^-[A-Za-z]$/.test(f)).map((f) => f[1]!);
    const cluster = /^-([A-Za-z]+)$/.exec(arg);
    if (cluster && short.includes(cluster[1]!.at(-1)!)) return args[i + 1];
    if (family === 'python' && /^-[A-Za-z]*c./.test(arg)) return arg.slice(arg.indexOf('c') + 1);
    if (arg.startsWith('-')) continue;
    return undefined;
  }
  return family === 'deno' ? undefined : { stdin: true };
}

/** The script file an interpreter call runs (`python3 x.py`, `node --no-warnings x.mjs`), if any. */
export function interpreterScript(program: string, args: readonly string[]): string | undefined {
  const family = interpreterFamily(program);
  if (!family || family === 'awk') return undefined;
  const values = VALUE_OPTIONS[family] ?? [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--') return args[i + 1];
    if (arg.startsWith('-')) { if (values.includes(arg)) i += 1; continue; }
    return (family === 'deno' || family === 'bun') && arg === 'run' ? args[i + 1] : arg;
  }
  return undefined;
}

/** Starting a process, per family: only a program that does this is read for commands. */
const SPAWNS: Record<string, RegExp> = {
  python: /\b(os\.(system|popen|exec\w*|spawn\w*)|subprocess|commands\.getoutput|pty\.spawn|Popen)\b/,
  node: /\b(child_process|execSync|execFileSync|spawnSync|execa|exec|spawn|execFile|Bun\.spawn|Deno\.(run|Command))\b/,
  bun: /\b(child_process|execSync|spawnSync|Bun\.spawn|\$`)/,
  deno: /\bDeno\.(run|Command)\b|child_process/,
  perl: /\b(system|exec|qx|open)\b|`/,
  ruby: /\b(system|exec|spawn|IO\.popen|Open3|%x)\b|`|%x/,
  php: /\b(system|exec|shell_exec|passthru|proc_open|popen)\b|`/,
  awk: /\bsystem\s*\(|\|\s*getline|\b(print|printf)\b[^;}]*\|/,
};
/** A process started with a command held only in a variable: `os.system(cmd)`, awk's `system($0)`. */
const SPAWNS_VARIABLE = /\b(system|popen|exec(Sync|File|FileSync)?|spawn(Sync)?|check_output|check_call|getoutput|shell_exec|passthru|run|call|Popen)\s*\(\s*(\$\d+|[A-Za-z_$][\w$.]*)\s*[,)]/;

export interface PayloadCommands {
  /** Shell texts the program may run (UNKNOWN where a part is computed). */
  texts: string[];
  /** Literal strings and assembled strings, for the gate-state path check. */
  strings: string[];
  /** Argv lists (`['.claude', 'shipgate', 'x']`), for the path check joined by `/`. */
  argvs: string[][];
  /** Starts a process whose command the text does not show. */
  runsUnknown: boolean;
}

export function payloadCommands(family: string, payload: string): PayloadCommands {
  const { strings, argvs } = assemble(family, payload);
  const spawns = SPAWNS[family]?.test(payload) ?? false;
  if (!spawns) return { texts: [], strings, argvs, runsUnknown: false };
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  const texts = [...strings, ...argvs.map((argv) => argv.map(quote).join(' '))];
  const pipesToShell = family === 'awk' && /\|\s*"\s*(ba|z|da|k)?sh\b/.test(payload);
  return { texts, strings, argvs, runsUnknown: SPAWNS_VARIABLE.test(payload) || pipesToShell };
}

interface Token { kind: 'string' | 'operand' | 'concat' | 'comma' | 'open' | 'close' | 'other'; value: string }

/** Strings as the program assembles them, and argv lists (comma-separated elements). */
function assemble(family: string, payload: string): { strings: string[]; argvs: string[][] } {
  const tokens = tokenize(family, payload);
  const strings: string[] = [];
  const argvs: string[][] = [];
  let expression: { parts: string[]; literal: boolean } | null = null;
  let list: string[] | null = null;
  let concat = false;
  let previous: Token | undefined;
  const finishExpression = () => {
    if (expression?.literal) strings.push(expression.parts.join(''));
    const value = expression ? (expression.literal ? expression.parts.join('') : UNKNOWN) : undefined;
    expression = null;
    return value;
  };
  const finishList = () => {
    const value = finishExpression();
    if (list) { if (value !== undefined) list.push(value); if (list.length > 1) argvs.push(list); }
    list = null;
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (token.kind === 'string' || token.kind === 'operand') {
      const part = token.kind === 'string' ? token.value : UNKNOWN;
      const adjacent = family === 'python' && token.kind === 'string' && previous?.kind === 'string';
      if (expression && (concat || adjacent)) { expression.parts.push(part); expression.literal ||= token.kind === 'string'; }
      else { finishExpression(); expression = { parts: [part], literal: token.kind === 'string' }; }
      concat = false;
    } else if (token.kind === 'concat') {
      concat = expression !== null;
    } else if (token.kind === 'comma') {
      const value = finishExpression();
      (list ??= []).push(value ?? UNKNOWN);
      concat = false;
    } else if ((token.kind === 'open' && previous?.kind === 'comma') || (token.kind === 'close' && tokens[i + 1]?.kind === 'comma')) {
      // `'git', ['push', …]` and `f('a'), 'b'`: brackets inside an argv list do not end it.
    } else {
      finishList();
      concat = false;
    }
    previous = token;
  }
  finishList();
  return { strings, argvs };
}

const STRING = /([rRbBuUfF]{0,2})("""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`)/y;

function tokenize(family: string, payload: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < payload.length && tokens.length < 20_000) {
    const c = payload[i]!;
    if (/\s/.test(c)) { i += 1; continue; }
    // Perl's `qx(…)`/`qq{…}`/`q[…]` and Ruby's `%x(…)`/`%Q{…}` are string literals with their own delimiters.
    const quoteLike = family === 'perl' ? /^(qx|qq|q)\s*([^\w\s])/.exec(payload.slice(i, i + 8)) : family === 'ruby' ? /^%([xQqw]?)([^\w\s=])/.exec(payload.slice(i, i + 3)) : null;
    if (quoteLike && !/[\w$@%]/.test(payload[i - 1] ?? ' ')) {
      const open = quoteLike[2]!;
      const close = ({ '(': ')', '[': ']', '{': '}', '<': '>' } as Record<string, string>)[open] ?? open;
      const start = i + quoteLike[0].length;
      let end = start;
      for (let depth = 1; end < payload.length; end += 1) {
        if (payload[end] === '\\') { end += 1; continue; }
        if (payload[end] === close && open !== close && --depth === 0) break;
        if (payload[end] === close && open === close) break;
        if (payload[end] === open && open !== close) depth += 1;
      }
      tokens.push({ kind: 'string', value: payload.slice(start, end).replace(/\$\{?[A-Za-z_]\w*\}?|#\{[^}]*\}/g, UNKNOWN) });
      i = end + 1;
      continue;
    }
    STRING.lastIndex = i;
    const literal = STRING.exec(payload);
    if (literal && (literal[1] === '' || /\W/.test(payload[i - 1] ?? ' '))) {
      tokens.push({ kind: 'string', value: literalValue(family, literal[1]!.toLowerCase(), literal[2]!) });
      i += literal[0].length;
      continue;
    }
    const word = /^[A-Za-z_$][\w$]*/.exec(payload.slice(i, i + 200));
    if (word) { tokens.push({ kind: 'operand', value: word[0] }); i += word[0].length; continue; }
    if (c === '.' && payload[i + 1] === '.') { tokens.push({ kind: 'concat', value: '..' }); i += 2; continue; }
    if (c === '+' || (c === '.' && (family === 'perl' || family === 'php'))) { tokens.push({ kind: 'concat', value: c }); i += 1; continue; }
    if (c === '.') {
      // Member access keeps `os.system` one operand; after a literal (`'/'.join(…)`) it ends the expression.
      const last = tokens.at(-1);
      const next = /^[A-Za-z_$][\w$]*/.exec(payload.slice(i + 1, i + 201));
      if (last?.kind === 'operand' && next) { last.value += `.${next[0]}`; i += 1 + next[0].length; continue; }
      tokens.push({ kind: 'other', value: c });
      i += 1;
      continue;
    }
    if (/\d/.test(c)) { const n = /^\d+(\.\d+)?/.exec(payload.slice(i))![0]; tokens.push({ kind: 'operand', value: n }); i += n.length; continue; }
    if (c === ',') tokens.push({ kind: 'comma', value: c });
    else if (c === '[' || c === '(') tokens.push({ kind: 'open', value: c });
    else if (c === ']' || c === ')') tokens.push({ kind: 'close', value: c });
    else tokens.push({ kind: 'other', value: c });
    i += 1;
  }
  return tokens;
}

/** A literal's text with its interpolations replaced by UNKNOWN. */
function literalValue(family: string, prefix: string, quoted: string): string {
  const triple = quoted.startsWith('"""') || quoted.startsWith("'''");
  const quote = quoted[0]!;
  let body = triple ? quoted.slice(3, -3) : quoted.slice(1, -1);
  if (quote === '`' && (family === 'node' || family === 'bun' || family === 'deno')) body = body.replace(/\$\{[^}]*\}/g, UNKNOWN);
  if (prefix.includes('f')) body = body.replace(/\{\{|\}\}|\{[^{}]*\}/g, (m) => (m === '{{' ? '{' : m === '}}' ? '}' : UNKNOWN));
  if (quote === '"' && (family === 'perl' || family === 'php' || family === 'ruby')) body = body.replace(/#\{[^}]*\}|\$\{?[A-Za-z_]\w*\}?/g, UNKNOWN);
  return prefix.includes('r') ? body : body.replace(/\\(.)/g, '$1');
}
