/**
 * Decides whether a Bash command typed by the agent is a raw production deploy (or a hand-write of
 * gate state) that must go through `/shipgate:deploy-production` instead. It reads the command the
 * way bash would run it (split-shell.ts), follows what earlier parts change (`cd`, variables,
 * `kubectl config use-context`), unwraps what hides the real program (`env -S`, `sudo`, `timeout`,
 * `npx`, `bash -c`, `eval`, `$(…)`, backticks, `find -exec`, `xargs`, `script -c`, heredocs and
 * pipes into a shell, `base64 -d | sh`, interpreter one-liners, package scripts, make targets,
 * shell scripts it runs), then asks each rule of rules/index.ts about every simple command.
 * File reads go through the context's FileLookup; nothing is executed.
 *
 * Good (blocked): `bash -c "git push origin HEAD:production"`, `cd app && env K=1 kubectl apply -n production -f .`
 * Good (allowed): `npm test`, `kubectl get pods -n production`, `git push origin feature-x`.
 */
import { resolve } from 'node:path';
import { parseShell, type ShellParse, type SimpleCommand } from './split-shell.js';
import { expandWord, expandWords, splitAssignment } from './expand-words.js';
import { findExecCommands, optionValue, shellArguments, skipOptions, unwrapEnv, WRAPPERS } from './wrappers.js';
import type { GuardVerdict } from './guard-verdict.js';
export type { GuardVerdict } from './guard-verdict.js';
import { guardRules } from './rules/index.js';
import type { GuardCommand } from './rules/guard-rule.js';
import type { GuardContext, ShellState } from './guard-context.js';
import { isProtectedPath } from './protected-paths.js';
import { interpreterPayload, payloadLiterals, payloadShellTexts } from './interpreter-payload.js';
import { makeRecipes, packageScript } from './package-scripts.js';

const MAX_DEPTH = 8;
/** Upper bound on simple commands looked at per call, so hostile input stays linear. */
const MAX_COMMANDS = 50_000;
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'mksh', 'fish', 'busybox']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', '!', '{', '}', 'time', 'coproc', 'case', 'esac', 'in', 'select', '[[', ']]']);
const DECLARERS = new Set(['export', 'declare', 'typeset', 'local', 'readonly']);
/** Programs tried in place of a program word computed at run time (`$(echo kubectl) apply …`). */
const SSH_VALUE_OPTIONS = ['-p', '-i', '-l', '-o', '-F', '-J', '-L', '-R', '-D', '-b', '-c', '-e', '-m', '-O', '-S', '-W', '-w', '-E', '-B', '-Q', '-I'];
const CANDIDATE_PROGRAMS = ['kubectl', 'helm', 'git', 'vercel', 'netlify', 'fly', 'gh', 'terraform', 'aws', 'gcloud', 'heroku'];

interface Walk {
  context: GuardContext;
  commandsSeen: number;
  /** The hook's environment copied once into a plain object (spreading process.env per command is slow). */
  baseEnv: Record<string, string | undefined>;
  parses: Map<string, ShellParse>;
}

/** Longer commands are refused unread: a guard that stops reading part-way is a guard with a hole. */
export const MAX_COMMAND_LENGTH = 200_000;

export function classifyCommand(command: string, context: GuardContext): GuardVerdict {
  if (command.length > MAX_COMMAND_LENGTH) return tooComplex(`${command.length} characters, more than ${MAX_COMMAND_LENGTH}`);
  const shell: ShellState = { cwd: context.cwd, vars: new Map() };
  return classifyText(command, shell, { context, commandsSeen: 0, baseEnv: { ...context.env }, parses: new Map() }, 0) ?? { blocked: false };
}

function classifyText(text: string, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  if (!text.trim()) return null;
  if (depth > MAX_DEPTH) return tooComplex(`commands nested more than ${MAX_DEPTH} levels deep`);
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
  const inner = parsed.substitutions.map((body) => parseCached(body, walk));
  const outputs = inner.map((sub) => staticOutput(sub.commands, shell, walk));
  for (const [i, sub] of inner.entries()) {
    if (!parsed.substitutions[i]!.trim()) continue;
    if (depth + 1 > MAX_DEPTH) return tooComplex(`commands nested more than ${MAX_DEPTH} levels deep`);
    const verdict = classifyParsed(sub, cloneShell(shell), walk, depth + 1);
    if (verdict) return verdict;
  }
  for (let index = 0; index < parsed.commands.length; index += 1) {
    walk.commandsSeen += 1;
    if (walk.commandsSeen > MAX_COMMANDS) return tooComplex(`more than ${MAX_COMMANDS} simple commands`);
    const verdict = classifySimple(parsed.commands, index, outputs, shell, walk, depth);
    if (verdict) return verdict;
  }
  return null;
}

function classifySimple(commands: readonly SimpleCommand[], index: number, outputs: readonly (string | undefined)[], shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  const { context } = walk;
  const command = commands[index]!;
  const env = shellEnv(shell, walk);
  for (const redirect of command.redirects) {
    if (redirect.op === '<' || redirect.op === '<&') continue;
    const target = expandWord(redirect.target, shell, env, outputs).text;
    // Where gate state lives is decided by the hook's environment, never by variables the command sets.
    if (isProtectedPath(target, shell.cwd, context.env, context.files)) return block('shipgate-state', `writing shipgate's gate state (${target}) by hand`, command.words);
  }
  const expanded = expandWords(command.words, shell, env, outputs);
  let words = expanded.words;
  let dynamicProgram = expanded.dynamicProgram;
  // `X=1 cmd`, `env X=1 cmd`: copied only when a command sets something (most do not).
  let commandEnv = env;
  const setEnv = (name: string, value: string | undefined) => {
    if (commandEnv === env) commandEnv = { ...env };
    commandEnv[name] = value;
  };
  let assignments = 0;
  while (assignments < words.length && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(words[assignments]!)) {
    const [name, value] = splitAssignment(words[assignments]!);
    setEnv(name, value);
    assignments += 1;
  }
  if (assignments === words.length) {
    for (const word of words) { const [name, value] = splitAssignment(word); shell.vars.set(name, value); }
    shell.env = undefined;
    return null;
  }
  if (assignments) { words = words.slice(assignments); dynamicProgram = false; }

  for (let step = 0; step < 30 && words.length; step += 1) {
    const first = words[0]!;
    if (dynamicProgram) return tryCandidates(words.slice(1), commandEnv, shell, walk);
    const program = baseName(first).toLowerCase();
    if (KEYWORDS.has(first)) { words = words.slice(1); continue; }
    if (first === 'function') { words = words.slice(2); continue; }
    if (DECLARERS.has(program)) {
      for (const word of words.slice(1)) if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word)) { const [name, value] = splitAssignment(word); shell.vars.set(name, value); }
      shell.env = undefined;
      return null;
    }
    if (program === 'cd' || program === 'pushd') {
      const target = words.slice(1).find((w) => !w.startsWith('-') || w === '-');
      if (target !== '-') shell.cwd = resolve(shell.cwd, target ?? env.HOME ?? shell.cwd);
      shell.env = undefined;
      return null;
    }
    if (program === 'eval') return classifyText(words.slice(1).join(' '), shell, walk, depth + 1);
    if (program === 'source' || program === '.') {
      const file = words[1] && context.files.readText(resolve(shell.cwd, words[1]));
      return file ? classifyText(file, shell, walk, depth + 1) : null;
    }
    if (program === 'ssh') {
      // The remote command runs on another machine, which may well be production's.
      const rest = skipOptions(words.slice(1), SSH_VALUE_OPTIONS);
      return rest.length > 1 ? classifyText(rest.slice(1).join(' '), cloneShell(shell), walk, depth + 1) : null;
    }
    if (program === 'su' || program === 'runuser') {
      const text = optionValue(words.slice(1), ['-c', '--command']);
      return text ? classifyText(text, cloneShell(shell), walk, depth + 1) : null;
    }
    if (SHELLS.has(program)) {
      const rest = program === 'busybox' && words[1] && SHELLS.has(words[1]) ? words.slice(2) : words.slice(1);
      const { commandString, script, scriptIndex } = shellArguments(rest);
      if (commandString !== undefined) return classifyText(commandString, cloneShell(shell), walk, depth + 1);
      if (script === undefined) {
        const stdin = stdinOf(commands, index, shell, walk);
        return stdin === undefined ? null : classifyText(stdin, cloneShell(shell), walk, depth + 1);
      }
      const body = context.files.readText(resolve(shell.cwd, script));
      if (body) { const verdict = classifyText(body, cloneShell(shell), walk, depth + 1); if (verdict) return verdict; }
      words = rest.slice(scriptIndex);
      continue;
    }
    if (program === 'env') {
      const next = unwrapEnv(words.slice(1), setEnv, shell);
      if (!next) return null;
      words = next;
      continue;
    }
    if (program === 'watch') return classifyText(skipOptions(words.slice(1), ['-n', '--interval', '-d', '--differences', '-q', '--equexit']).join(' '), cloneShell(shell), walk, depth + 1);
    if (program === 'script') {
      const text = optionValue(words.slice(1), ['-c', '--command']);
      return text ? classifyText(text, cloneShell(shell), walk, depth + 1) : null;
    }
    if (program === 'find') {
      for (const inner of findExecCommands(words.slice(1))) {
        const verdict = classifyWords(inner, commandEnv, shell, walk, depth);
        if (verdict) return verdict;
      }
      return runRules(program, words, commandEnv, shell, walk);
    }
    if ((program === 'pnpm' || program === 'yarn' || program === 'npm' || program === 'bun') && ['dlx', 'exec', 'x'].includes(words[1] ?? '')) {
      words = skipOptions(words.slice(2), ['-p', '--package', '-c', '--call']);
      continue;
    }
    if (program === 'npm' || program === 'pnpm' || program === 'yarn' || program === 'bun') {
      for (const script of packageScript(context.files, shell.cwd, program, words.slice(1)) ?? []) {
        const verdict = classifyText(script, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
      return runRules(program, words, commandEnv, shell, walk);
    }
    if (program === 'make' || program === 'gmake') {
      for (const line of makeRecipes(context.files, shell.cwd, words.slice(1))) {
        const verdict = classifyText(line, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
      return null;
    }
    const wrapper = WRAPPERS[program];
    if (wrapper) {
      let rest = skipOptions(words.slice(1), wrapper.valueOptions);
      while (rest.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!)) { const [name, value] = splitAssignment(rest[0]!); setEnv(name, value); rest = rest.slice(1); }
      if (program === 'time' || program === 'sudo') rest = skipOptions(rest, wrapper.valueOptions);
      words = rest.slice(wrapper.positionalsToSkip ?? 0);
      continue;
    }
    const payload = interpreterPayload(program, words.slice(1));
    if (payload !== undefined) {
      const statePath = payloadLiterals(payload).map((l) => l.replace(/^~(?=\/|$)/, context.env.HOME ?? '~')).find((l) => /[/.]/.test(l) && isProtectedPath(l, shell.cwd, context.env, context.files));
      if (statePath) return block('shipgate-state', `an inline ${program} program naming shipgate's gate state (${statePath})`, words);
      for (const text of payloadShellTexts(payload)) {
        const verdict = classifyText(text, cloneShell(shell), walk, depth + 1);
        if (verdict) return { ...verdict, reason: `an inline ${program} program running ${verdict.reason}` };
      }
    }
    if (first.includes('/') && !payload) {
      const body = context.files.readText(resolve(shell.cwd, first));
      // A shell script (or a text file without a shebang, which the shell runs as one); not binaries.
      if (body && !body.includes('\u0000') && (!body.startsWith('#!') || /^#!.*\b(ba|z|da|k)?sh\b/.test(body))) {
        const verdict = classifyText(body, cloneShell(shell), walk, depth + 1);
        if (verdict) return verdict;
      }
    }
    return runRules(program, words, commandEnv, shell, walk);
  }
  return null;
}

/** Words that are already a command (from `find -exec`): expanded, then walked like a simple command. */
function classifyWords(words: string[], env: Record<string, string | undefined>, shell: ShellState, walk: Walk, depth: number): GuardVerdict | null {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const prefix = Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string' && walk.baseEnv[e[0]] !== e[1] && !shell.vars.has(e[0])).map(([name, value]) => `${name}='${value.replace(/'/g, `'\\''`)}' `).join('');
  return classifyText(`${prefix}${quoted}`, cloneShell(shell), walk, depth + 1);
}

function runRules(program: string, words: readonly string[], env: Record<string, string | undefined>, shell: ShellState, walk: Walk): GuardVerdict | null {
  const command: GuardCommand = { program, programWord: words[0]!, args: words.slice(1), env, shell };
  for (const rule of guardRules) {
    const reason = rule.check(command, walk.context);
    if (reason) return block(rule.id, reason, words);
  }
  if ((program === 'kubectl' || program === 'oc') && words[1] === 'config') {
    if (words[2] === 'use-context' && words[3]) { shell.kubeContext = words[3]; shell.kubeNamespace = undefined; }
    const namespace = words[2] === 'set-context' ? optionValue(words.slice(3), ['--namespace', '-n']) : undefined;
    if (namespace) shell.kubeNamespace = namespace;
  }
  return null;
}

/** A program word only known at run time: refuse if the rest would be a deploy for a likely program. */
function tryCandidates(args: string[], env: Record<string, string | undefined>, shell: ShellState, walk: Walk): GuardVerdict | null {
  if (!args.length) return null;
  // `$SHELL -c "…"`: a command string is read whatever the program turns out to be.
  const { commandString } = shellArguments(args);
  if (commandString !== undefined && args.some((a) => /^-[A-Za-z]*c[A-Za-z]*$/.test(a))) {
    const verdict = classifyText(commandString, cloneShell(shell), walk, 1);
    if (verdict) return verdict;
  }
  for (const program of CANDIDATE_PROGRAMS) {
    const verdict = runRules(program, [program, ...args], env, cloneShell(shell), walk);
    if (verdict) return { ...verdict, reason: `a command whose program is computed at run time and would be ${verdict.reason} if it were ${program}` };
  }
  return null;
}

/** Fail closed on input past the classifier's bounds. */
function tooComplex(why: string): GuardVerdict {
  return { blocked: true, ruleId: 'too-complex', reason: `the command is too complex to check (${why})` };
}

function block(ruleId: string, reason: string, words: readonly string[]): GuardVerdict {
  const matched = words.join(' ');
  return { blocked: true, ruleId, reason, matched: matched.length > 200 ? `${matched.slice(0, 200)}…` : matched };
}

/** The hook's environment, then the shell's variables: the hook's own object until a variable is set. */
function shellEnv(shell: ShellState, walk: Walk): Record<string, string | undefined> {
  if (shell.vars.size === 0) return walk.baseEnv;
  if (!shell.env) shell.env = { ...walk.baseEnv, ...Object.fromEntries(shell.vars) };
  return shell.env;
}

function cloneShell(shell: ShellState): ShellState {
  return { ...shell, vars: new Map(shell.vars) };
}

/** What a shell without `-c` or a script reads: a here-document, a `<` file, or a pipe's static output. */
function stdinOf(commands: readonly SimpleCommand[], index: number, shell: ShellState, walk: Walk): string | undefined {
  const command = commands[index]!;
  if (command.stdin !== undefined) return command.stdin;
  const input = command.redirects.find((r) => r.op === '<');
  if (input) return walk.context.files.readText(resolve(shell.cwd, input.target));
  if (command.joinedBy !== '|') return undefined;
  let start = index - 1;
  while (start > 0 && commands[start]!.joinedBy === '|') start -= 1;
  return staticOutput(commands.slice(start, index), shell, walk);
}

/**
 * The output of a pipeline made only of `echo`, `printf`, `cat` (of a here-document or a file),
 * `base64 -d` and `rev`, or undefined. Enough to see `echo Z2l0IHB1c2g= | base64 -d | sh`.
 */
function staticOutput(pipeline: readonly SimpleCommand[], shell: ShellState, walk: Walk): string | undefined {
  let output: string | undefined;
  for (const command of pipeline) {
    if (/[\u0001-\u0005]/.test(command.words.join(' '))) return undefined;
    const [program, ...args] = command.words;
    const input = command.stdin ?? output;
    if (program === 'echo') output = `${args.filter((a, i) => !(i === 0 && /^-[neE]+$/.test(a))).join(' ')}\n`;
    else if (program === 'printf') output = args.length > 1 && args[0] === '%s' ? args.slice(1).join('') : args.length === 1 ? args[0]!.replace(/\\n/g, '\n') : args.slice(1).join(' ');
    else if (program === 'cat') output = args.length ? args.map((a) => walk.context.files.readText(resolve(shell.cwd, a)) ?? '').join('') : input;
    else if (program === 'base64' && args.some((a) => /^(-d|--decode|-D)$/.test(a))) {
      const file = args.find((a) => !a.startsWith('-'));
      const source = file ? walk.context.files.readText(resolve(shell.cwd, file)) : input;
      output = source === undefined ? undefined : Buffer.from(source.replace(/\s+/g, ''), 'base64').toString('utf8');
    } else if (program === 'rev') output = input?.split('\n').map((l) => [...l].reverse().join('')).join('\n');
    else return undefined;
    if (output === undefined) return undefined;
  }
  return output;
}

function baseName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

