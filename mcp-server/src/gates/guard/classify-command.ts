/**
 * Decides whether a Bash command typed by the agent is a raw production deploy (or a hand-write of
 * gate state) that must go through `/shipgate:deploy-production` instead. It reads the command the
 * way bash would run it (split-shell.ts), follows what earlier parts change (`cd`, variables, `IFS`,
 * aliases, loop variables, files written, `git config`, `kubectl config use-context`), unwraps what
 * hides the real program (`env -S`, `sudo`, `timeout`, `npx`, `bash -c`, `eval`, `trap`, `$(…)`,
 * backticks, `find -exec`, `xargs`, `parallel`, `flock -c`, `script -c`, heredocs and pipes into a
 * shell, `base64 -d | sh`, interpreter one-liners, git aliases, package scripts, make targets, shell
 * scripts it runs), then asks each rule of rules/index.ts about every simple command.
 * File reads go through the context's FileLookup; nothing is executed.
 *
 * What cannot be read is refused when it could run anything (fail closed): a shell or `eval` fed text
 * computed at run time (`curl … | sh`, `eval "$(curl …)"`, `bash -c "$CMD"`), a script that does not
 * exist yet or was rewritten earlier in the call by something the guard cannot follow, and a command
 * whose every word is computed at run time (`"$@"`). A value computed at run time inside an otherwise
 * readable command is UNKNOWN (expand-words.ts), and the rules refuse when it stands where a
 * production target could be (`git push origin "$B"`, `kubectl apply -n "$NS"`).
 *
 * Good (blocked): `bash -c "git push origin HEAD:production"`, `cd app && env K=1 kubectl apply -n production -f .`
 * Good (allowed): `npm test`, `kubectl get pods -n production`, `git push origin feature-x`.
 */
import { dirname, resolve } from 'node:path';
import { parseShell, VAR_OPEN, VAR_SPLIT_OPEN, MARK_CLOSE, SUBST_OPEN, type ShellParse, type SimpleCommand } from './split-shell.js';
import { expandWord, expandWords, isUnknown, NO_OUTPUTS, splitAssignment, UNKNOWN, type SubstitutionOutput } from './expand-words.js';
import { cronCommands, findExecCommands, multiplexerCommands, optionValue, programOptions, shellArguments, skipOptions, unwrapEnv, WRAPPERS } from './wrappers.js';
import type { GuardVerdict } from './guard-verdict.js';
export type { GuardVerdict } from './guard-verdict.js';
import { guardRules } from './rules/index.js';
import type { GuardCommand } from './rules/guard-rule.js';
import { PositionalArgs, type GuardContext, type ShellState, type Substitutions } from './guard-context.js';
import { absolutePath, isProtectedPath } from './protected-paths.js';
import { interpreterFamily, interpreterPayload, interpreterScript, payloadCommands } from './interpreter-payload.js';
import { makeRecipes, packageScript } from './package-scripts.js';
import { symbolicLinksMade, writtenFiles, type WrittenFiles } from './written-files.js';
import { readsOnly, treeRewrite, writtenWords } from './reads-only.js';
import { gitRunsTexts, parseGitInvocation, recordGitChanges } from './git-invocation.js';
import { readGitState } from './git-state.js';
import { sedCommands } from './sed-script.js';
import { environmentCommands } from './env-commands.js';

const MAX_DEPTH = 8;
/** Upper bound on simple commands looked at per call, so hostile input stays linear. */
const MAX_COMMANDS = 50_000;
/** Values of one loop variable tried in turn; a longer list counts as unknown. */
const MAX_LOOP_VALUES = 16;
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'fish', 'busybox']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', '!', '{', '}', 'coproc', 'case', 'esac', 'in', '[[', ']]']);
const DECLARERS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
const SSH_VALUE_OPTIONS = ['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-e', '-m', '-O', '-S', '-W', '-w', '-E', '-B', '-Q', '-I'];
/** Programs tried in place of a program word computed at run time (`$(echo kubectl) apply …`). */
const CANDIDATE_PROGRAMS = ['kubectl', 'helm', 'git', 'vercel', 'netlify', 'fly', 'gh', 'terraform', 'aws', 'gcloud', 'heroku'];
/** Verbs tried after a candidate program when the program word is computed at run time (it may hold the verb too); only git push, whose refusal needs a protected destination, so `$EDITOR config/production.yml` still passes. */
const CANDIDATE_VERBS: ReadonlyArray<readonly [string, string]> = [['git', 'push']];
/** git verbs whose effect later parts of the same call see (git-invocation.ts recordGitChanges). */
const GIT_STATE_VERBS = new Set(['config', 'remote', 'branch', 'checkout', 'switch']);
/** Words xargs reads from its input that are looked at one by one; the rest stand as one unknown word. */
const MAX_XARGS_WORDS = 500;
/** Loop bodies read per call, all values together; past it a loop variable counts as unknown (bounded cost). */
const MAX_LOOP_EXPANSIONS = 512;
/** Programs that copy into their last operand, a folder's whole content with -r. */
const COPY_PROGRAMS = new Set(['cp', 'rsync', 'mv', 'install', 'ditto']);
/** Programs that change a file's metadata, not its content (a script stays readable after `chmod +x`). */
const METADATA_ONLY = new Set(['chmod', 'chown', 'chgrp', 'touch', 'mkdir', 'rmdir', 'sleep', 'true', 'false', ':', 'cd', 'pushd', 'popd', 'set', 'unset', 'shift', 'wait', 'sync']);
/**
 * Programs whose output is their own shell set-up (`eval "$(ssh-agent -s)"`): evaluated as nothing,
 * so the everyday `eval "$(direnv export bash)"` passes while `eval "$(curl …)"` does not.
 */
const ENVIRONMENT_PRINTERS = new Set(['ssh-agent', 'direnv', 'pyenv', 'rbenv', 'nodenv', 'goenv', 'jenv', 'fnm', 'mise', 'rtx', 'conda', 'brew', 'starship', 'zoxide', 'opam', 'keychain', 'dircolors', 'luarocks', 'gpg-agent', 'thefuck']);

interface Walk {
  context: GuardContext & { files: WrittenFiles };
  commandsSeen: number;
  loopExpansions: number;
  /** Depth of text read from files already on disk (see unreadable). */
  fromFile: number;
  /** Functions being read at their call (a recursive function is read once). */
  calling: Set<string>;
  /** The hook's environment copied once into a plain object (spreading process.env per command is slow). */
  baseEnv: Record<string, string | undefined>;
  parses: Map<string, ShellParse>;
  /** Variables set in the call whose commands were read already (name and value). */
  environmentRead: Set<string>;
}

/** Longer commands are refused unread: a guard that stops reading part-way is a guard with a hole. */
export const MAX_COMMAND_LENGTH = 200_000;

export function classifyCommand(command: string, context: GuardContext): GuardVerdict {
  if (command.length > MAX_COMMAND_LENGTH) return tooComplex(`${command.length} characters, more than ${MAX_COMMAND_LENGTH}`);
  const shell = newShell(context.cwd);
  const walk: Walk = { context: { ...context, files: writtenFiles(context.files) }, commandsSeen: 0, loopExpansions: 0, fromFile: 0, calling: new Set(), baseEnv: { ...context.env }, parses: new Map(), environmentRead: new Set() };
  return classifyText(command, shell, walk, 0) ?? { blocked: false };
}

function classifyText(text: string, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  if (!text.trim()) return null;
  if (depth > MAX_DEPTH) return tooComplex(`commands nested more than ${MAX_DEPTH} levels deep`);
  // A script longer than a command may be is refused, not read in part: its tail is where a deploy would hide.
  if (text.length > MAX_COMMAND_LENGTH) return tooComplex(`a script of ${text.length} characters, more than ${MAX_COMMAND_LENGTH}`);
  return classifyParsed(parseCached(text, walk), shell, walk, depth);
}

/** Parse once per distinct text in a call (generated commands repeat the same substitution many times). */
function parseCached(text: string, walk: Walk): ShellParse {
  let parsed = walk.parses.get(text);
  if (!parsed) {
    parsed = parseShell(text);
    if (walk.parses.size < 10_000) walk.parses.set(text, parsed);
  }
  return parsed;
}

function classifyParsed(parsed: ShellParse, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  const substitutions: Substitutions = parsed.substitutions.length ? { texts: parsed.substitutions, parses: parsed.substitutions.map((body) => parseCached(body, walk)) } : NO_SUBSTITUTIONS;
  const { parses } = substitutions;
  // A substitution runs when the command holding it runs, so it is read there, and its output worked out
  // there, with what the commands before it did (`f() { "$@"; }; x=$(f git push …)`, `cd sub && $(cat cmd.txt)`,
  // `echo 'git push …' > c.txt; $(cat c.txt)`).
  const read = parses.length ? new Set<number>() : undefined;
  for (let index = 0; index < parsed.commands.length; index += 1) {
    walk.commandsSeen += 1;
    if (walk.commandsSeen > MAX_COMMANDS) return tooComplex(`more than ${MAX_COMMANDS} simple commands`);
    const name = parsed.commands[index]!.definesFunction;
    if (name !== undefined) {
      // `f() { … }`: remembered for its calls; read now too (a deploy inside is refused), with run-time
      // values such as `"$@"` left to the call, where the arguments are known.
      const end = functionEnd(parsed.commands, index + 1);
      const body = parsed.commands.slice(index + 1, end + 1);
      (shell.functions ??= new Map()).set(name, { commands: body, substitutions });
      const definition = cloneShell(shell);
      walk.fromFile += 1;
      try {
        for (let j = 0; j < body.length; j += 1) {
          const verdict = classifySimple(body, j, substitutions, definition, walk, depth, read);
          if (verdict) return verdict;
        }
      } finally {
        walk.fromFile -= 1;
      }
      index = end;
      continue;
    }
    const verdict = classifySimple(parsed.commands, index, substitutions, shell, walk, depth, read);
    if (verdict) return verdict;
  }
  // Any no command named (the parser keeps every one) is read with the state at the end.
  for (let i = 0; i < parses.length; i += 1) {
    if (read?.has(i)) continue;
    const verdict = readSubstitution(substitutions.texts[i]!, parses[i]!, shell, walk, depth);
    if (verdict) return verdict;
  }
  return null;
}

/** The substitutions a command names (in its words, redirections and here-string), each read once with `shell` as it is now. */
function readSubstitutionsOf(command: SimpleCommand, substitutions: Substitutions, shell: ShellState, walk: Walk, depth: number, read: Set<number> | undefined): GuardVerdict | null {
  if (substitutions.parses.length === 0) return null;
  let seen: Set<number> | undefined;
  const readIn = (place: string | undefined): GuardVerdict | null => {
    if (place === undefined) return null;
    for (let at = place.indexOf(SUBST_OPEN); at >= 0; at = place.indexOf(SUBST_OPEN, at + 1)) {
      const end = place.indexOf(MARK_CLOSE, at);
      const i = Number(place.slice(at + 1, end));
      const parse = substitutions.parses[i];
      if (!parse || seen?.has(i)) continue;
      (seen ??= new Set()).add(i);
      read?.add(i);
      const verdict = readSubstitution(substitutions.texts[i]!, parse, shell, walk, depth);
      if (verdict) return verdict;
    }
    return null;
  };
  for (const word of command.words) {
    const verdict = readIn(word);
    if (verdict) return verdict;
  }
  for (const redirect of command.redirects) {
    const verdict = readIn(redirect.target);
    if (verdict) return verdict;
  }
  return readIn(command.stdin);
}

const NO_SUBSTITUTIONS: Substitutions = { texts: [], parses: [] };

/**
 * The commands that variables set in the call make programs run (env-commands.ts): shell text read as a
 * command, a file read as a script (refused when it cannot be read, like `source`). Each once per call.
 */
function readEnvironment(names: readonly string[], env: Readonly<Record<string, string | undefined>>, shell: ShellState, walk: Walk, depth: number, words: readonly string[]): GuardVerdict | null {
  if (names.length === 0) return null;
  for (const found of environmentCommands(names, (name) => env[name])) {
    const key = `${found.name}\0${'text' in found ? found.text : found.file}`;
    if (walk.environmentRead.has(key)) continue;
    walk.environmentRead.add(key);
    if ('text' in found) {
      const verdict = classifyText(found.text, cloneShell(shell), walk, depth + 1);
      if (verdict) return { ...verdict, reason: `${found.name} set to run ${verdict.reason}` };
      continue;
    }
    const body = isUnknown(found.file) ? undefined : walk.context.files.readText(resolve(shell.cwd, found.file));
    if (body === undefined || isUnknown(body)) {
      const verdict = unreadable(walk, `${found.name} naming ${describe(found.file)} for a shell or npm to run, which does not exist yet, is computed at run time or was rewritten earlier in this call`, words);
      if (verdict) return verdict;
      continue;
    }
    const verdict = classifyFile(body, cloneShell(shell), walk, depth + 1);
    if (verdict) return { ...verdict, reason: `${found.name} naming a script that runs ${verdict.reason}` };
  }
  return null;
}

/** What each substitution prints, worked out (once) with the shell as it is when the command runs. */
function outputsAt(substitutions: Substitutions, shell: ShellState, walk: Walk): SubstitutionOutput {
  if (substitutions.parses.length === 0) return NO_OUTPUTS;
  const known = new Map<number, string | undefined>();
  return (index) => {
    if (known.has(index)) return known.get(index);
    const parse = substitutions.parses[index];
    const output = parse ? staticOutput(parse.commands, shell, walk) : undefined;
    known.set(index, output);
    return output;
  };
}

function readSubstitution(text: string, parse: ShellParse, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  if (!text.trim()) return null;
  if (depth + 1 > MAX_DEPTH) return tooComplex(`commands nested more than ${MAX_DEPTH} levels deep`);
  return classifyParsed(parse, cloneShell(shell), walk, depth + 1);
}

/** Index of the command closing a function body that starts at `start` (`{ … }` counted by the words that open and close groups). */
function functionEnd(commands: readonly SimpleCommand[], start: number): number {
  if (commands[start]?.words[0] !== '{') return Math.min(start, commands.length - 1);
  let depth = 0;
  for (let k = start; k < commands.length; k += 1) {
    const words = commands[k]!.words;
    if (words[0] === '{') depth += 1;
    if (words[0] === '}' || (words.at(-1) === '}' && words.length > 1 && words[0] !== '{')) depth -= 1;
    if (depth <= 0) return k;
  }
  return commands.length - 1;
}

function classifySimple(commands: readonly SimpleCommand[], index: number, substitutions: Substitutions, shell: ShellState, walk: Walk, depth: number, read?: Set<number>): GuardVerdict | null {
  const { context } = walk;
  const command = commands[index]!;
  // `for b in main feature; do git push origin $b; done`: the body is read once per value.
  const loopVariable = shell.loops?.size ? [...shell.loops.keys()].find((name) => command.words.some((w) => w.includes(`${VAR_OPEN}${name}${MARK_CLOSE}`) || w.includes(`${VAR_SPLIT_OPEN}${name}${MARK_CLOSE}`))) : undefined;
  if (loopVariable !== undefined) {
    const values = shell.loops!.get(loopVariable)!;
    walk.loopExpansions += values.length;
    if (walk.loopExpansions > MAX_LOOP_EXPANSIONS) {
      const copy = cloneShell(shell);
      copy.loops!.delete(loopVariable);
      copy.vars.set(loopVariable, UNKNOWN);
      copy.env = undefined;
      return classifySimple(commands, index, substitutions, copy, walk, depth, read);
    }
    for (const value of values) {
      const copy = cloneShell(shell);
      copy.loops!.delete(loopVariable);
      copy.vars.set(loopVariable, value);
      copy.env = undefined;
      const verdict = classifySimple(commands, index, substitutions, copy, walk, depth, read);
      if (verdict) return verdict;
    }
    return null;
  }
  const substituted = readSubstitutionsOf(command, substitutions, shell, walk, depth, read);
  if (substituted) return substituted;
  const outputs = outputsAt(substitutions, shell, walk);
  const env = shellEnv(shell, walk);
  for (const redirect of command.redirects) {
    if (redirect.op === '<' || redirect.op === '<&') continue;
    const target = expandWord(redirect.target, shell, env, outputs).text;
    // Where gate state lives is decided by the hook's environment, never by variables the command sets.
    if (isProtectedPath(target, shell.cwd, context.env, context.files)) return block('shipgate-state', `writing shipgate's gate state (${target}) by hand`, command.words);
    if (!target.startsWith('/dev/') && !isUnknown(target)) context.files.record(resolve(shell.cwd, target), staticOutput(pipelineUpTo(commands, index), shell, walk), redirect.op === '>>' || redirect.op === '&>>');
  }
  const expanded = expandWords(command.words, shell, env, outputs);
  let words = expanded.words;
  let dynamicProgram = expanded.dynamicProgram;
  // `X=1 cmd`, `env X=1 cmd`: copied only when a command sets something (most do not).
  let commandEnv = env;
  /** Names the command sets for its program (`X=1 cmd`, `env X=1 cmd`), read by readEnvironment once the program is known. */
  const assigned: string[] = [];
  const setEnv = (name: string, value: string | undefined) => {
    if (commandEnv === env) commandEnv = { ...env };
    commandEnv[name] = value;
    assigned.push(name);
  };
  let assignments = 0;
  while (assignments < words.length && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(words[assignments]!)) {
    const [name, value] = splitAssignment(words[assignments]!, (known) => commandEnv[known]);
    setEnv(name, value);
    assignments += 1;
  }
  if (assignments === words.length) {
    for (const word of words) { const [name, value] = splitAssignment(word, (known) => shell.vars.get(known) ?? env[known]); shell.vars.set(name, value); }
    shell.env = undefined;
    return readEnvironment(assigned, commandEnv, shell, walk, depth, words);
  }
  const fromAssignments = readEnvironment(assigned, commandEnv, shell, walk, depth, words);
  if (fromAssignments) return fromAssignments;
  if (assignments) { words = words.slice(assignments); dynamicProgram = false; }

  // Whether words[0] is where bash looks up functions and aliases: the first word, and the first after a
  // reserved word (`{ f; }`, `then f`, `! f`, `time f`); not after a wrapper (`env f` runs a program named f).
  let commandPosition = true;
  for (let step = 0; step < 30 && words.length; step += 1) {
    const first = words[0]!;
    if (dynamicProgram || (step > 0 && isUnknown(first))) return tryCandidates(words.slice(1), commandEnv, shell, walk, depth);
    const program = baseName(first).toLowerCase();
    const called = commandPosition && !walk.calling.has(first) ? shell.functions?.get(first) : undefined;
    if (called && depth >= MAX_DEPTH) return tooComplex(`shell functions calling each other more than ${MAX_DEPTH} levels deep`);
    if (called) {
      const inner = setPositional(cloneShell(shell), first, words.slice(1));
      walk.calling.add(first);
      try {
        for (let j = 0; j < called.commands.length; j += 1) {
          const verdict = classifySimple(called.commands, j, called.substitutions, inner, walk, depth + 1);
          if (verdict) return verdict;
        }
      } finally {
        walk.calling.delete(first);
      }
      return null;
    }
    const alias = commandPosition ? shell.aliases?.get(first) : undefined;
    if (alias !== undefined) {
      shell.aliases!.delete(first);
      const verdict = classifyText(`${alias} ${quoteWords(words.slice(1))}`, cloneShell(shell), walk, depth + 1);
      shell.aliases!.set(first, alias);
      return verdict;
    }
    if (first === 'for' || first === 'select') { setLoopVariable(words, shell); return null; }
    if (first === 'time') { words = skipOptions(words.slice(1), ['-f', '-o', '--format', '--output']); continue; }
    if (KEYWORDS.has(first)) { words = words.slice(1); continue; }
    if (first === 'function') { words = words.slice(2); continue; }
    commandPosition = false;
    if (DECLARERS.has(program)) {
      const declared: string[] = [];
      for (const word of words.slice(1)) if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(word)) { const [name, value] = splitAssignment(word, (known) => shell.vars.get(known) ?? env[known]); shell.vars.set(name, value); declared.push(name); }
      shell.env = undefined;
      return readEnvironment(declared, shellEnv(shell, walk), shell, walk, depth, words);
    }
    if (program === 'alias') {
      for (const word of words.slice(1)) { const eq = word.indexOf('='); if (eq > 0) (shell.aliases ??= new Map()).set(word.slice(0, eq), word.slice(eq + 1)); }
      return null;
    }
    if (program === 'read' || program === 'mapfile' || program === 'readarray') {
      // What `read` stores comes from standard input at run time.
      for (const name of skipOptions(words.slice(1), ['-p', '-d', '-n', '-N', '-t', '-u', '-a', '-i', '-C', '-c', '-O', '-s'])) shell.vars.set(name, UNKNOWN);
      const arrayName = optionValue(words.slice(1), ['-a']);
      if (arrayName) shell.vars.set(arrayName, UNKNOWN);
      shell.env = undefined;
      return null;
    }
    if (program === 'printf' && words[1] === '-v' && words[2]) {
      shell.vars.set(words[2], formatPrintf(words.slice(3)) ?? UNKNOWN);
      shell.env = undefined;
      return null;
    }
    if (program === 'set') {
      // `set -- git push`, `set a b`: the positional parameters (`"$@"`, `$1`) from here on.
      const dashes = words.indexOf('--');
      const args = dashes >= 0 ? words.slice(dashes + 1) : words.length > 1 && !/^[-+]/.test(words[1]!) ? words.slice(1) : undefined;
      if (args) setPositional(shell, shell.positional?.get('0') ?? '', args);
      return null;
    }
    if (program === 'shift') {
      const count = Number(words[1] ?? 1) || 1;
      const all = shell.positional?.get('@');
      if (all !== undefined && !isUnknown(all)) setPositional(shell, shell.positional!.get('0') ?? '', all.split(' ').filter(Boolean).slice(count));
      return null;
    }
    if (program === 'trap') {
      const action = words[1];
      return action && !action.startsWith('-') ? classifyText(action, cloneShell(shell), walk, depth + 1) : null;
    }
    if (program === 'cd' || program === 'pushd' || program === 'popd') {
      const previous = shell.cwd;
      const target = words.slice(1).find((w) => !w.startsWith('-') || w === '-');
      if (program === 'popd') {
        // Back to the folder the last `pushd` left; with none recorded in this call, to one the guard cannot know.
        shell.cwd = shell.dirStack?.pop() ?? UNKNOWN;
      } else if (target === '-') {
        // `cd -` goes back to $OLDPWD: the folder before the last cd of this call, or the shell's own.
        shell.cwd = shell.vars.get('OLDPWD') ?? env.OLDPWD ?? UNKNOWN;
      } else {
        // `CDPATH=~/.local/state cd shipgate`: a relative name is looked up in CDPATH first.
        const cdpath = commandEnv.CDPATH && target && !/^\.{0,2}\//.test(target) ? commandEnv.CDPATH.split(':').filter(Boolean).map((dir) => resolve(shell.cwd, dir, target)).find((dir) => context.files.exists(dir)) : undefined;
        shell.cwd = cdpath ?? resolve(shell.cwd, target ?? env.HOME ?? shell.cwd);
        if (program === 'pushd') (shell.dirStack ??= []).push(previous);
      }
      if (shell.cwd !== previous) shell.vars.set('OLDPWD', previous);
      shell.env = undefined;
      return null;
    }
    if (program === 'eval') return classifyText(words.slice(1).join(' '), shell, walk, depth + 1);
    if (program === 'source' || program === '.') {
      const path = words[1];
      const file = path && !isUnknown(path) ? context.files.readText(resolve(shell.cwd, path)) : undefined;
      if (file === undefined || isUnknown(file)) return path ? unreadable(walk, `sourcing ${describe(path)}, which does not exist yet, is computed at run time or was rewritten earlier in this call`, words) : null;
      const positional = words.length > 2 ? setPositional(cloneShell(shell), path!, words.slice(2)) : shell;
      return classifyFile(file, positional, walk, depth + 1);
    }
    if (program === 'ssh') {
      for (const text of programOptions(program, words.slice(1))) {
        const verdict = classifyText(text, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
      // The remote command runs on another machine, which may well be production's.
      const rest = skipOptions(words.slice(1), SSH_VALUE_OPTIONS);
      return rest.length > 1 ? classifyText(rest.slice(1).join(' '), cloneShell(shell), walk, depth + 1) : null;
    }
    if (program === 'su' || program === 'runuser' || program === 'script' || program === 'flock') {
      const text = optionValue(words.slice(1), ['-c', '--command']);
      if (text !== undefined) return classifyText(text, cloneShell(shell), walk, depth + 1);
      if (program !== 'flock') return null;
    }
    if (program === 'busybox' || program === 'toybox') {
      if (!words[1] || !SHELLS.has(words[1])) { words = words.slice(1); continue; }
    }
    if (SHELLS.has(program)) {
      const rest = program === 'busybox' && words[1] && SHELLS.has(words[1]) ? words.slice(2) : words.slice(1);
      const { commandString, script, scriptIndex } = shellArguments(rest);
      if (commandString !== undefined) return classifyText(commandString, cloneShell(shell), walk, depth + 1);
      if (script === undefined) {
        const stdin = stdinOf(commands, index, shell, walk);
        if (stdin === null) return null;
        return stdin === undefined ? unreadable(walk, `${program} running text read from standard input that is computed at run time (a download or a program's output)`, words) : classifyText(stdin, cloneShell(shell), walk, depth + 1);
      }
      const body = isUnknown(script) ? undefined : context.files.readText(resolve(shell.cwd, script));
      if (body === undefined || isUnknown(body)) return unreadable(walk, `${program} running ${describe(script)}, which does not exist yet, is computed at run time or was rewritten earlier in this call`, words);
      const verdict = classifyFile(body, setPositional(cloneShell(shell), script, rest.slice(scriptIndex + 1)), walk, depth + 1);
      if (verdict) return verdict;
      words = rest.slice(scriptIndex);
      continue;
    }
    if (program === 'env') {
      const before = assigned.length;
      const next = unwrapEnv(words.slice(1), setEnv, shell);
      const fromEnv = readEnvironment(assigned.slice(before), commandEnv, shell, walk, depth, words);
      if (fromEnv) return fromEnv;
      if (!next) return null;
      words = next;
      continue;
    }
    if (program === 'watch') return classifyText(skipOptions(words.slice(1), ['-n', '--interval', '-d', '--differences', '-q', '--equexit']).join(' '), cloneShell(shell), walk, depth + 1);
    if (program === 'find') {
      for (const inner of findExecCommands(words.slice(1))) {
        const verdict = classifyWords(inner, commandEnv, shell, walk, depth);
        if (verdict) return verdict;
      }
      return runRules(program, words, commandEnv, shell, walk);
    }
    if (program === 'xargs') return classifyXargs(words, commands, index, commandEnv, shell, walk, depth);
    if (program === 'parallel') return classifyParallel(words, commands, index, shell, walk, depth);
    if ((program === 'pnpm' || program === 'yarn' || program === 'npm' || program === 'bun') && ['dlx', 'exec', 'x'].includes(words[1] ?? '')) {
      const text = optionValue(words.slice(2), ['-c', '--call']);
      if (text !== undefined) return classifyText(text, cloneShell(shell), walk, depth + 1);
      words = skipOptions(words.slice(2), ['-p', '--package', '-c', '--call']);
      continue;
    }
    if (program === 'npm' || program === 'pnpm' || program === 'yarn' || program === 'bun') {
      const scripts = packageScript(context.files, shell.cwd, program, words.slice(1)) ?? [];
      if (scripts.some(isUnknown)) return unreadable(walk, `${program} running package scripts from a package.json rewritten earlier in this call`, words);
      for (const script of scripts) {
        const verdict = classifyFile(script, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
      return runRules(program, words, commandEnv, shell, walk);
    }
    if (program === 'make' || program === 'gmake') {
      for (const line of makeRecipes(context.files, shell.cwd, words.slice(1), () => stdinOf(commands, index, shell, walk))) {
        if (isUnknown(line)) return unreadable(walk, `${program} reading a Makefile rewritten earlier in this call`, words);
        const verdict = classifyFile(line, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
      return null;
    }
    if (program === 'git') {
      const invocation = parseGitInvocation(words.slice(1), shell.cwd, commandEnv, shell, context.files);
      // A `!` alias is shell text git runs with the arguments after it.
      if (invocation.shellAlias !== undefined) return classifyText(`${invocation.shellAlias} ${quoteWords(invocation.verbArgs)}`, cloneShell(shell), walk, depth + 1);
      // Programs git runs by itself: configured commands, hooks, `ext::` transports, `git-<verb>` on PATH.
      const repo = readGitState(context.files, invocation.cwd, commandEnv, invocation.gitDir ?? commandEnv.GIT_DIR);
      for (const text of gitRunsTexts(invocation, repo, commandEnv, context.files)) {
        const verdict = classifyFile(text, cloneShell(shell), walk, depth + 1);
        if (verdict) return { ...verdict, reason: `git ${invocation.verb} running ${verdict.reason}` };
      }
    }
    if (program === 'sed') {
      for (const text of sedCommands(words.slice(1))) {
        const verdict = classifyText(text, cloneShell(shell), walk, depth + 1);
        if (verdict) return { ...verdict, reason: `a sed script running ${verdict.reason}` };
      }
    }
    const wrapper = WRAPPERS[program];
    if (wrapper && (!wrapper.verbs || wrapper.verbs.includes(words[1] ?? ''))) {
      const text = wrapper.commandOptions?.length ? optionValue(words.slice(1), wrapper.commandOptions) : undefined;
      if (text !== undefined) return classifyText(text, cloneShell(shell), walk, depth + 1);
      let rest = skipOptions(words.slice(1), wrapper.valueOptions);
      while (rest.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!)) { const [name, value] = splitAssignment(rest[0]!, (known) => commandEnv[known]); setEnv(name, value); rest = rest.slice(1); }
      if (program === 'time' || program === 'sudo') rest = skipOptions(rest, wrapper.valueOptions);
      if (wrapper.positionalsToSkip) rest = skipOptions(rest.slice(wrapper.positionalsToSkip), wrapper.valueOptions);
      words = rest;
      continue;
    }
    if (program === 'nix' && words.some((w) => w === '-c' || w === '--command')) { words = words.slice(words.findIndex((w) => w === '-c' || w === '--command') + 1); continue; }
    if (program === 'expect') {
      const script = optionValue(words.slice(1), ['-c']) ?? '';
      for (const match of script.matchAll(/\b(?:spawn|exec)\s+([^;\n\]]+)/g)) {
        const verdict = classifyText(match[1]!, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
    }
    if (program === 'concurrently') {
      for (const part of skipOptions(words.slice(1).filter((w) => !w.startsWith('-') || w === '--'), [])) {
        const verdict = classifyText(part.startsWith('npm:') ? `npm run ${part.slice(4)}` : part, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
    }
    if (program === 'npm-run-all' || program === 'run-s' || program === 'run-p' || ((program === 'turbo' || program === 'lerna') && words[1] === 'run') || (program === 'nx' && /^(run-many|affected)$/.test(words[1] ?? ''))) {
      const names = program === 'nx' ? [optionValue(words.slice(2), ['-t', '--target', '--targets']) ?? ''] : words.slice(program === 'turbo' || program === 'lerna' ? 2 : 1).filter((w) => !w.startsWith('-'));
      for (const name of names.flatMap((n) => n.split(','))) {
        for (const script of packageScript(context.files, shell.cwd, 'npm', ['run', name, ...(program === 'turbo' || program === 'lerna' || program === 'nx' ? ['--workspaces'] : [])]) ?? []) {
          const verdict = classifyText(script, cloneShell(shell), walk, depth + 1);
          if (verdict) return verdict;
        }
      }
    }
    for (const text of [...multiplexerCommands(program, words.slice(1)), ...programOptions(program, words.slice(1))]) {
      const verdict = classifyText(text, cloneShell(shell), walk, depth + 1);
      if (verdict) return verdict;
    }
    if (program === 'crontab' && !words.slice(1).some((a) => /^-[A-Za-z]*[lre]/.test(a))) {
      // Installs a crontab from a file or standard input: the jobs it schedules are read now.
      const file = skipOptions(words.slice(1), ['-u']).find((a) => a !== '-');
      const text = file !== undefined ? (isUnknown(file) ? undefined : context.files.readText(resolve(shell.cwd, file))) : stdinOf(commands, index, shell, walk);
      if (text === undefined || (text !== null && isUnknown(text))) return unreadable(walk, `${program} installing jobs computed at run time`, words);
      if (text !== null) return classifyText(cronCommands(text), cloneShell(shell), walk, depth + 1);
    }
    if (program === 'at' || program === 'batch') {
      const stdin = stdinOf(commands, index, shell, walk);
      const file = optionValue(words.slice(1), ['-f']);
      const text = file !== undefined ? (isUnknown(file) ? undefined : context.files.readText(resolve(shell.cwd, file))) : stdin;
      if (text === undefined) return unreadable(walk, `${program} scheduling commands computed at run time`, words);
      if (text !== null) return classifyText(text, cloneShell(shell), walk, depth + 1);
    }
    const family = interpreterFamily(program);
    const payload = family ? interpreterPayload(program, words.slice(1)) : undefined;
    if (family && payload !== undefined) {
      const code = typeof payload === 'string' ? payload : stdinOf(commands, index, shell, walk);
      if (code === undefined) return unreadable(walk, `${program} running a program read from standard input that is computed at run time`, words);
      if (code !== null) {
        const verdict = classifyPayload(program, family, code, words, shell, walk, depth);
        if (verdict) return verdict;
      }
    }
    // A program file written earlier in this call (`echo "os.system('…')" > x.py && python3 x.py`) is read like a one-liner.
    const script = family && payload === undefined ? interpreterScript(program, words.slice(1)) : undefined;
    if (family && script !== undefined && context.files.written(resolve(shell.cwd, script))) {
      const code = context.files.readText(resolve(shell.cwd, script))!;
      if (isUnknown(code)) return unreadable(walk, `${program} running ${script}, which was written earlier in this call with content computed at run time`, words);
      const verdict = classifyPayload(program, family, code, words, shell, walk, depth);
      if (verdict) return verdict;
    }
    if (first.includes('/') && payload === undefined) {
      const path = resolve(shell.cwd, first);
      if (!context.files.exists(path)) return runRules(program, words, commandEnv, shell, walk) ?? tryCandidates(words.slice(1), commandEnv, shell, walk, depth, true);
      const body = context.files.readText(path);
      // A shell script (or a text file without a shebang, which the shell runs as one); not binaries.
      if (body !== undefined && isUnknown(body)) return unreadable(walk, `running ${first}, which was rewritten earlier in this call with content computed at run time`, words);
      if (body && !body.includes('\u0000') && (!body.startsWith('#!') || /^#!.*\b(ba|z|da|k)?sh\b/.test(body))) {
        const verdict = classifyFile(body, setPositional(cloneShell(shell), first, words.slice(1)), walk, depth + 1);
        if (verdict) return verdict;
      } else if (body?.includes('\u0000')) {
        // A binary under another name (`cp /usr/bin/git ./g`, a symlink): its real name, else every deploy CLI.
        const real = baseName(context.files.realPath(path)).toLowerCase();
        if (real !== program) return runRules(real, [real, ...words.slice(1)], commandEnv, shell, walk) ?? tryCandidates(words.slice(1), commandEnv, shell, walk, depth, true);
        if (!CANDIDATE_PROGRAMS.includes(program)) return tryCandidates(words.slice(1), commandEnv, shell, walk, depth, true);
      }
    }
    if (command.joinedBy !== '|' && !command.redirects.length) return runRules(program, words, commandEnv, shell, walk);
    const feeders = pipelineUpTo(commands, index).slice(0, -1).flatMap((c) => expandWords(c.words, shell, env, outputs).words);
    const input = command.redirects.filter((r) => r.op === '<').map((r) => expandWord(r.target, shell, env, outputs).text);
    return runRules(program, words, commandEnv, shell, walk, [...feeders, ...input]);
  }
  return null;
}

/** `for NAME in WORDS`: each value is tried in the loop's body; an unreadable or long list makes NAME unknown. */
function setLoopVariable(words: readonly string[], shell: ShellState): void {
  const name = words[1];
  if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return;
  const values = words[2] === 'in' ? words.slice(3).filter((w) => w !== ';') : undefined;
  if (values && values.length <= MAX_LOOP_VALUES && !values.some(isUnknown)) (shell.loops ??= new Map()).set(name, values);
  else shell.vars.set(name, UNKNOWN);
  shell.env = undefined;
}

/** An interpreter one-liner: gate-state paths it names, and the commands it starts. */
function classifyPayload(program: string, family: string, code: string, words: readonly string[], shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  const { context } = walk;
  const analysis = payloadCommands(family, code);
  const paths = [...analysis.strings, ...analysis.argvs.map((argv) => argv.join('/'))];
  const statePath = paths.map((l) => l.replace(/^~(?=\/|$)/, context.env.HOME ?? '~')).find((l) => /[/.]/.test(l) && !isUnknown(l) && isProtectedPath(l, shell.cwd, context.env, context.files));
  if (statePath) return block('shipgate-state', `an inline ${program} program naming shipgate's gate state (${statePath})`, words);
  for (const text of analysis.texts) {
    const verdict = classifyText(text, cloneShell(shell), walk, depth + 1);
    if (verdict) return { ...verdict, reason: `an inline ${program} program running ${verdict.reason}` };
  }
  return analysis.runsUnknown ? unreadable(walk, `an inline ${program} program starting a command held in a variable, which is computed at run time`, words) : null;
}

/** `xargs [options] CMD…`: the command with the words read from standard input (`-a FILE`), or UNKNOWN when they cannot be known. */
function classifyXargs(words: readonly string[], commands: readonly SimpleCommand[], index: number, env: Record<string, string | undefined>, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  const args = words.slice(1);
  const replace = optionValue(args, ['-I', '--replace']) ?? (args.find((a) => /^-[Ii]./.test(a))?.slice(2)) ?? (args.some((a) => a === '-i' || a === '--replace') ? '{}' : undefined);
  const argFile = optionValue(args, ['-a', '--arg-file']);
  let inner = skipOptions(args, WRAPPERS.xargs!.valueOptions);
  if (!inner.length) inner = ['echo'];
  const stdin = argFile !== undefined ? (isUnknown(argFile) ? undefined : walk.context.files.readText(resolve(shell.cwd, argFile))) : stdinOf(commands, index, shell, walk);
  if (stdin === null) return classifyWords(inner, env, shell, walk, depth);
  const text = stdin ?? UNKNOWN;
  if (replace !== undefined) {
    // Each line tried in turn, as for a loop; more lines than a loop may have make the value unknown, and
    // so does no line at all (the command is still read: the guard reads more, never less).
    const lines = text.split('\n').filter(Boolean);
    for (const line of lines.length > MAX_LOOP_VALUES || lines.length === 0 ? [UNKNOWN] : lines) {
      const verdict = classifyWords(inner.map((w) => w.split(replace).join(line)), env, shell, walk, depth);
      if (verdict) return verdict;
    }
    return null;
  }
  // Words past the first 500 are not dropped (`git push origin` + 500 words + `HEAD:production`): they stand as unknown.
  const read = text.split(/\s+/).filter(Boolean);
  return classifyWords([...inner, ...(read.length > MAX_XARGS_WORDS ? [...read.slice(0, MAX_XARGS_WORDS), UNKNOWN] : read)], env, shell, walk, depth);
}

/** GNU parallel: `parallel CMD ::: ARGS` runs CMD with each argument; `parallel ::: CMDS` runs each; both through a shell. */
function classifyParallel(words: readonly string[], commands: readonly SimpleCommand[], index: number, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  const rest = skipOptions(words.slice(1), ['-j', '--jobs', '-S', '--sshlogin', '--delay', '--timeout', '-N', '-n', '--max-args', '--joblog', '--results', '-d', '--delimiter', '-I', '--colsep', '-C', '--tmpdir', '--workdir']);
  const separator = rest.findIndex((w) => /^:{3,4}\+?$/.test(w));
  const command = separator < 0 ? rest : rest.slice(0, separator);
  let inputs: string[];
  if (separator < 0) {
    const stdin = stdinOf(commands, index, shell, walk);
    inputs = stdin === null ? [] : stdin === undefined ? [UNKNOWN] : stdin.split('\n').filter(Boolean);
  } else inputs = rest.slice(separator).some((w) => w.startsWith('::::')) ? [UNKNOWN] : rest.slice(separator + 1).filter((w) => !/^:{3,4}\+?$/.test(w));
  for (const input of inputs.slice(0, MAX_LOOP_VALUES)) {
    const text = !command.length ? input : command.some((w) => w.includes('{}')) ? command.map((w) => w.split('{}').join(input)).join(' ') : `${command.join(' ')} ${input}`;
    const verdict = classifyText(text, cloneShell(shell), walk, depth + 1);
    if (verdict) return verdict;
  }
  return null;
}

/** Words that are already a command (from `find -exec`, `xargs`): expanded, then walked like a simple command. */
function classifyWords(words: readonly string[], env: Record<string, string | undefined>, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  const prefix = Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && walk.baseEnv[e[0]] !== e[1] && !shell.vars.has(e[0])).map(([name, value]) => `${name}=${quoteWords([value])} `).join('');
  return classifyText(`${prefix}${quoteWords(words)}`, cloneShell(shell), walk, depth + 1);
}

function quoteWords(words: readonly string[]): string {
  return words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
}

function runRules(program: string, words: readonly string[], env: Record<string, string | undefined>, shell: ShellState, walk: Walk, stdinFrom: readonly string[] = []): GuardVerdict | null {
  const { context } = walk;
  const command: GuardCommand = { program, programWord: words[0]!, args: words.slice(1), env, shell, ...(stdinFrom.length ? { stdinFrom } : {}) };
  for (const rule of guardRules) {
    const reason = rule.check(command, context);
    if (reason) return block(rule.id, reason, words);
  }
  if ((program === 'kubectl' || program === 'oc') && words[1] === 'config') {
    if (words[2] === 'use-context' && words[3]) { shell.kubeContext = words[3]; shell.kubeNamespace = undefined; }
    const namespace = words[2] === 'set-context' ? optionValue(words.slice(3), ['--namespace', '-n']) : undefined;
    if (namespace) shell.kubeNamespace = namespace;
  }
  if (program === 'git' && words.some((w) => GIT_STATE_VERBS.has(w))) {
    const invocation = parseGitInvocation(words.slice(1), shell.cwd, env, shell, context.files);
    recordGitChanges(invocation, shell, readGitState(context.files, invocation.cwd, env, invocation.gitDir ?? env.GIT_DIR));
  }
  rememberWrites(program, words.slice(1), shell, walk);
  return null;
}

/** A command that may change files (`cp`, `curl -o`, `sed -i`, `git checkout --`) makes them unreadable for the rest of the call. */
function rememberWrites(program: string, args: readonly string[], shell: ShellState, walk: Walk): void {
  if (METADATA_ONLY.has(program) || readsOnly(program, args)) return;
  // `ln -s ~/.local/state/shipgate s`: later paths through `s` resolve to the target.
  if (program === 'ln' && args.some((a) => /^-[A-Za-z]*s/.test(a) || a === '--symbolic')) {
    const files = walk.context.files;
    for (const [link, target] of symbolicLinksMade(args, shell.cwd, (path) => files.listDir(files.realPath(path)) !== undefined)) files.link(link, target);
  }
  const rewrite = treeRewrite(program, args);
  if (rewrite) {
    const files = walk.context.files;
    if ('files' in rewrite) for (const name of rewrite.files) files.record(resolve(shell.cwd, name), undefined);
    else if ('folder' in rewrite) { if (!isUnknown(rewrite.folder)) files.recordTree(resolve(shell.cwd, rewrite.folder)); }
    else files.recordTree(repositoryRoot(isUnknown(rewrite.repository) ? shell.cwd : resolve(shell.cwd, rewrite.repository), files));
  }
  // A copy into a folder (`cp -r evil/ scripts/`, `rsync -a x/ scripts/`) rewrites files it does not name.
  if (COPY_PROGRAMS.has(program)) {
    const destination = writtenWords(program, args).at(-1);
    if (destination && !isUnknown(destination) && !destination.startsWith('-')) {
      const folder = resolve(shell.cwd, destination);
      if (destination.endsWith('/') || walk.context.files.listDir(walk.context.files.realPath(folder)) !== undefined) walk.context.files.recordTree(folder);
    }
  }
  // An interpreter's own script is read, not written (`node gen.mjs && node gen.mjs`).
  const script = interpreterFamily(program) ? interpreterScript(program, args) : undefined;
  const words = writtenWords(program, args).filter((w) => w !== script);
  const seen = new Set<string>();
  for (const word of words) {
    if (word.startsWith('-') || isUnknown(word) || !word || seen.has(word)) continue;
    seen.add(word);
    const path = absolutePath(shell.cwd, word.includes('=') && !word.startsWith('/') ? word.slice(word.indexOf('=') + 1) : word);
    if (path !== '/') walk.context.files.record(path, undefined);
  }
}

/** The top folder of the repository holding `folder` (the nearest with a `.git`), else `folder` itself. */
function repositoryRoot(folder: string, files: WrittenFiles): string {
  for (let dir = folder; ; ) {
    if (files.exists(`${dir === '/' ? '' : dir}/.git`)) return dir;
    const parent = dirname(dir);
    if (parent === dir) return folder;
    dir = parent;
  }
}

/**
 * A program word only known at run time (`$TOOL apply -n production`, `./g` made in the same call, a
 * copied binary): refuse if the rest would be a deploy for a likely program. When nothing of the
 * command can be read (`"$@"`, `$CMD`), it could be anything: refused, unless the program is a path
 * that merely does not exist yet (`make && ./app`).
 */
function tryCandidates(args: string[], env: Record<string, string | undefined>, shell: ShellState, walk: Walk, depth: number, pathProgram = false): GuardVerdict | null {
  if (!args.length || args.every(isUnknown)) return pathProgram ? null : unreadable(walk, 'a command computed entirely at run time (such as `$CMD` or `"$@"`), which cannot be checked', [UNKNOWN, ...args]);
  // `$SHELL -c "…"`: a command string is read whatever the program turns out to be.
  const { commandString } = shellArguments(args);
  if (commandString !== undefined && args.some((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a))) {
    const verdict = classifyText(commandString, cloneShell(shell), walk, depth + 1);
    if (verdict) return verdict;
  }
  for (const program of CANDIDATE_PROGRAMS) {
    const verdict = runRules(program, [program, ...args], env, cloneShell(shell), walk);
    if (verdict) return { ...verdict, reason: `a command whose program is computed at run time and would be ${verdict.reason} if it were ${program}` };
  }
  // The computed part may be several words, the verb too (`"${cmd[@]}" origin HEAD:production` with cmd=(git push)).
  for (const [program, verb] of CANDIDATE_VERBS) {
    const verdict = runRules(program, [program, verb, ...args], env, cloneShell(shell), walk);
    if (verdict) return { ...verdict, reason: `a command whose program is computed at run time and would be ${verdict.reason} if it were ${program} ${verb}` };
  }
  return null;
}

/** Fail closed on input past the classifier's bounds. */
function tooComplex(why: string): GuardVerdict {
  return { blocked: true, ruleId: 'too-complex', reason: `the command is too complex to check (${why})` };
}

/**
 * Fail closed on text the guard cannot read but a shell would run, when the agent wrote it (the command,
 * or a file made in the same call). Inside a file that was already on disk (a project script, a sourced
 * `nvm.sh`, a hook, a package script) run-time values are that file's own business: refusing them would
 * block everyday work, and deploy commands in such files are still refused.
 */
function unreadable(walk: Walk, why: string, words: readonly string[]): GuardVerdict | null {
  return walk.fromFile > 0 ? null : block('unreadable', why, words);
}

/** Classify text read from a file on disk (see unreadable). */
function classifyFile(text: string, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  walk.fromFile += 1;
  try {
    return classifyText(text, shell, walk, depth);
  } finally {
    walk.fromFile -= 1;
  }
}

/** `$0`, `$1`…, `$@`, `$#` for a script run with arguments (positions past the last are empty). */
function setPositional(shell: ShellState, name: string, args: readonly string[]): ShellState {
  shell.positional = new PositionalArgs(name, args);
  return shell;
}

function describe(word: string): string {
  return isUnknown(word) ? 'a file named at run time' : word;
}

function block(ruleId: string, reason: string, words: readonly string[]): GuardVerdict {
  const matched = words.join(' ').replace(/\u0005/g, '…');
  return { blocked: true, ruleId, reason: reason.replace(/\u0005/g, '…'), matched: matched.length > 200 ? `${matched.slice(0, 200)}…` : matched };
}

/** The hook's environment, then the shell's variables: the hook's own object until a variable is set. */
function shellEnv(shell: ShellState, walk: Walk): Record<string, string | undefined> {
  if (shell.vars.size === 0) return walk.baseEnv;
  if (!shell.env) shell.env = { ...walk.baseEnv, ...Object.fromEntries(shell.vars) };
  return shell.env;
}

/**
 * Every shell state is built here with the same fields in the same order: one object shape, so the
 * classifier's many reads of `shell.x` stay monomorphic (a spread copy made a new shape per set of
 * fields present, and the 100,000-character function-call shape spent a fifth of its time on that).
 */
function newShell(cwd: string, from?: ShellState): ShellState {
  return {
    cwd,
    vars: new Map(from?.vars),
    positional: from?.positional,
    aliases: from?.aliases ? new Map(from.aliases) : undefined,
    loops: from?.loops ? new Map(from.loops) : undefined,
    // Shared, not copied: a function defined in a subshell is then known outside it too (the guard reads more, never less), and thousands of definitions stay linear.
    functions: from?.functions,
    git: from?.git ? { config: new Map(from.git.config), branch: from.git.branch } : undefined,
    dirStack: from?.dirStack ? [...from.dirStack] : undefined,
    kubeContext: from?.kubeContext,
    kubeNamespace: from?.kubeNamespace,
    env: from?.env,
  };
}

function cloneShell(shell: ShellState): ShellState {
  return newShell(shell.cwd, shell);
}

/** The pipeline ending at `index` (the commands whose output flows into it, and itself). */
function pipelineUpTo(commands: readonly SimpleCommand[], index: number): SimpleCommand[] {
  let start = index;
  while (start > 0 && commands[start]!.joinedBy === '|') start -= 1;
  return commands.slice(start, index + 1);
}

/**
 * What a command reads on standard input: a here-document or here-string, a `<` file, or a pipe's
 * static output; null when it reads nothing the command supplies, undefined when that input is
 * computed at run time.
 */
function stdinOf(commands: readonly SimpleCommand[], index: number, shell: ShellState, walk: Walk): string | null | undefined {
  const command = commands[index]!;
  if (command.stdin !== undefined) {
    const text = expandWord(command.stdin, shell, shellEnv(shell, walk), NO_OUTPUTS).text;
    return isUnknown(text) ? undefined : text;
  }
  const input = command.redirects.find((r) => r.op === '<');
  if (input) {
    const target = expandWord(input.target, shell, shellEnv(shell, walk), NO_OUTPUTS).text;
    const text = isUnknown(target) ? undefined : walk.context.files.readText(resolve(shell.cwd, target));
    return text === undefined || isUnknown(text) ? undefined : text;
  }
  if (command.joinedBy !== '|') return null;
  const output = staticOutput(pipelineUpTo(commands, index).slice(0, -1), shell, walk);
  return output === undefined || isUnknown(output) ? undefined : output;
}

/**
 * The output of a pipeline made only of `echo`, `printf`, `cat` (of a here-document or a file),
 * `base64 -d`, `rev`, `pwd`, the current branch (`git branch --show-current`, `git rev-parse
 * --abbrev-ref HEAD`, `git symbolic-ref --short HEAD`, `git rev-parse --show-toplevel`), and the
 * shell set-up printed by ENVIRONMENT_PRINTERS (as nothing); undefined otherwise.
 * Enough to see `echo Z2l0IHB1c2g= | base64 -d | sh` and to let `git push origin "$(git branch --show-current)"` pass.
 */
function staticOutput(pipeline: readonly SimpleCommand[], shell: ShellState, walk: Walk): string | undefined {
  let output: string | undefined;
  for (const command of pipeline) {
    if (/[\u0001-\u0005]/.test(command.words.join(' '))) return undefined;
    const [program, ...args] = command.words;
    const input = command.stdin ?? output;
    if (program === 'echo') output = `${args.filter((a, i) => !(i === 0 && /^-[neE]+$/.test(a))).join(' ')}\n`;
    else if (program === 'printf') output = formatPrintf(args);
    else if (program === 'cat') output = args.length ? args.map((a) => walk.context.files.readText(resolve(shell.cwd, a)) ?? '').join('') : input;
    else if (program === 'base64' && args.some((a) => /^(-d|--decode|-D)$/.test(a))) {
      const file = args.find((a) => !a.startsWith('-'));
      const source = file ? walk.context.files.readText(resolve(shell.cwd, file)) : input;
      output = source === undefined || isUnknown(source) ? undefined : Buffer.from(source.replace(/\s+/g, ''), 'base64').toString('utf8');
    } else if (program === 'rev') output = input?.split('\n').map((l) => [...l].reverse().join('')).join('\n');
    else if (program === 'pwd') output = `${shell.cwd}\n`;
    else if (program === 'git') output = gitOutput(args, shell, walk);
    else if (program !== undefined && ENVIRONMENT_PRINTERS.has(baseName(program))) output = '';
    else return undefined;
    if (output === undefined) return undefined;
  }
  return output;
}

/** The few git queries whose answer is in `.git` (the current branch, the top folder). */
function gitOutput(args: readonly string[], shell: ShellState, walk: Walk): string | undefined {
  const query = args.join(' ');
  const repo = readGitState(walk.context.files, shell.cwd, walk.context.env);
  if (!repo) return undefined;
  if (query === 'rev-parse --show-toplevel') return repo.gitDir.endsWith('/.git') ? `${repo.gitDir.slice(0, -5)}\n` : undefined;
  if (!/^(branch --show-current|rev-parse --abbrev-ref HEAD|symbolic-ref --short HEAD|symbolic-ref --short -q HEAD|name-rev --name-only HEAD)$/.test(query)) return undefined;
  const branch = shell.git?.branch ?? repo.currentBranch;
  return branch === undefined ? undefined : `${branch}\n`;
}

/** `printf FORMAT ARGS…` for `%s`, `%b`, `%d`, `%%` and backslash escapes; undefined for anything else. */
function formatPrintf(args: readonly string[]): string | undefined {
  const [format, ...values] = args;
  if (format === undefined) return undefined;
  if (/%[^sbd%]/.test(format.replace(/%%/g, ''))) return undefined;
  const escapes = (text: string) => text.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  const slots = (format.replace(/%%/g, '').match(/%[sbd]/g) ?? []).length;
  let out = '';
  let next = 0;
  do {
    out += escapes(format).replace(/%%|%[sbd]/g, (m) => (m === '%%' ? '%' : values[next++] ?? ''));
  } while (slots > 0 && next < values.length);
  return out;
}

function baseName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}
