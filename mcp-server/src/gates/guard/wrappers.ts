/**
 * How the programs that run other commands take their arguments: `sudo`, `timeout`, `xargs`, `npx`
 * and friends (options to skip, then the command), `bash -c STRING` / `bash SCRIPT`, `env -S`, and
 * `find -exec … ;`. Pure functions over words; classify-command.ts walks into what they return.
 *
 * Good: `timeout -s KILL 30s git push` → `git push`; `env -S 'kubectl apply' -n x` → `kubectl apply -n x`.
 * Bad:  stopping at the wrapper's name, which lets every deploy through behind `nice`.
 */
import { resolve } from 'node:path';
import { parseShell } from './split-shell.js';
import { splitAssignment } from './expand-words.js';
import type { ShellState } from './guard-context.js';

/** Programs that run the rest of their arguments as a command, and their options that take a value. */
export const WRAPPERS: Record<string, { valueOptions: string[]; positionalsToSkip?: number }> = {
  sudo: { valueOptions: ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '-D', '--chdir', '-r', '-t', '-U', '-T'] },
  doas: { valueOptions: ['-u', '-C'] },
  command: { valueOptions: [] },
  builtin: { valueOptions: [] },
  exec: { valueOptions: ['-a'] },
  nohup: { valueOptions: [] },
  setsid: { valueOptions: [] },
  nice: { valueOptions: ['-n', '--adjustment'] },
  ionice: { valueOptions: ['-c', '-n', '-p', '--class', '--classdata'] },
  chrt: { valueOptions: [], positionalsToSkip: 1 },
  taskset: { valueOptions: [], positionalsToSkip: 1 },
  stdbuf: { valueOptions: ['-i', '-o', '-e'] },
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], positionalsToSkip: 1 },
  // `-i`, `-l`, `-e` take a value only when it is attached (`-i{}`).
  xargs: { valueOptions: ['-I', '-n', '-P', '-L', '-d', '-E', '-s', '-a', '--arg-file', '--delimiter', '--max-args', '--max-procs'] },
  npx: { valueOptions: ['-p', '--package', '-c', '--call'] },
  bunx: { valueOptions: ['-p', '--package'] },
  pnpx: { valueOptions: [] },
  time: { valueOptions: ['-f', '-o', '--format', '--output'] },
  unbuffer: { valueOptions: [] },
  chronic: { valueOptions: [] },
  caffeinate: { valueOptions: ['-t', '-w'] },
  dotenv: { valueOptions: ['-e', '-v', '-c'] },
  'with-contenv': { valueOptions: [] },
  flock: { valueOptions: ['-w', '--timeout', '-E', '--conflict-exit-code'], positionalsToSkip: 1 },
};

/** `bash [options] -c STRING` / `bash [options] SCRIPT args` / `bash -s args` (the script on standard input). */
export function shellArguments(args: readonly string[]): { commandString?: string; script?: string; scriptIndex: number } {
  let wantsString = false;
  let readsStdin = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '--' || arg === '-') {
      const next = args[i + 1];
      if (wantsString && next !== undefined) return { commandString: next, scriptIndex: i + 1 };
      return { ...(next !== undefined && !readsStdin ? { script: next } : {}), scriptIndex: i + 1 };
    }
    if (arg === '-o' || arg === '-O' || arg === '+o' || arg === '+O' || arg === '--rcfile' || arg === '--init-file') { i += 1; continue; }
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(arg) || arg === '--command') { wantsString = true; continue; }
    if (/^-[A-Za-z]*s[A-Za-z]*$/.test(arg)) { readsStdin = true; continue; }
    if (arg.startsWith('-') || arg.startsWith('+')) continue;
    if (wantsString) return { commandString: arg, scriptIndex: i };
    return readsStdin ? { scriptIndex: i } : { script: arg, scriptIndex: i };
  }
  return { scriptIndex: args.length };
}

/** `env [-i] [-u NAME] [-C DIR] [-S STRING] [NAME=VALUE]… COMMAND…`, returning the command's words. */
export function unwrapEnv(args: string[], setEnv: (name: string, value: string | undefined) => void, shell: ShellState): string[] | null {
  let i = 0;
  while (i < args.length) {
    const arg = args[i]!;
    if (arg === '--') { i += 1; break; }
    if (arg === '-S' || arg === '--split-string' || /^-S./.test(arg) || arg.startsWith('--split-string=')) {
      const text = arg === '-S' || arg === '--split-string' ? args[i + 1] ?? '' : arg.startsWith('-S') ? arg.slice(2) : arg.slice('--split-string='.length);
      const inner = parseShell(text).commands[0]?.words ?? [];
      return unwrapEnv([...inner, ...args.slice(arg === '-S' || arg === '--split-string' ? i + 2 : i + 1)], setEnv, shell);
    }
    // A cluster ending in a value option takes the next word (`-iS 'git push'`, `-iu HOME`).
    const cluster = /^-[A-Za-z]+$/.exec(arg) ? arg.at(-1) : undefined;
    if (cluster === 'S' && arg.length > 2) return unwrapEnv(['-S', ...args.slice(i + 1)], setEnv, shell);
    if (arg === '-u' || arg === '--unset' || (cluster === 'u' && arg.length > 2)) { setEnv(args[i + 1] ?? '', undefined); i += 2; continue; }
    if (arg === '-C' || arg === '--chdir' || (cluster === 'C' && arg.length > 2)) { shell.cwd = resolve(shell.cwd, args[i + 1] ?? '.'); shell.env = undefined; i += 2; continue; }
    if (arg.startsWith('-')) { i += 1; continue; }
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(arg)) { const [name, value] = splitAssignment(arg); setEnv(name, value); i += 1; continue; }
    break;
  }
  const rest = args.slice(i);
  return rest.length ? rest : null;
}


/** The commands of `-exec … ;`, `-execdir … +`, `-ok …` in a find call. */
export function findExecCommands(args: readonly string[]): string[][] {
  const found: string[][] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (!/^-(exec|execdir|ok|okdir)$/.test(args[i]!)) continue;
    const end = args.findIndex((a, j) => j > i && (a === ';' || a === '+'));
    found.push(args.slice(i + 1, end < 0 ? args.length : end));
    i = end < 0 ? args.length : end;
  }
  return found;
}

export function skipOptions(words: string[], valueOptions: readonly string[]): string[] {
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) {
    if (words[i] === '--') return words.slice(i + 1);
    if (valueOptions.includes(words[i]!) || clusterTakesValue(words[i]!, valueOptions)) i += 1;
    i += 1;
  }
  return words.slice(i);
}

/** `-iu` in `sudo -iu deploy git push`: a cluster of one-letter options whose last one takes the next word. */
export function clusterTakesValue(word: string, valueOptions: readonly string[]): boolean {
  return /^-[A-Za-z]{2,}$/.test(word) && valueOptions.includes(`-${word.at(-1)}`) && ![...word.slice(1, -1)].some((letter) => valueOptions.includes(`-${letter}`));
}

export function optionValue(args: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i += 1) {
    for (const name of names) {
      if (args[i] === name || (/^-[A-Za-z]$/.test(name) && clusterTakesValue(args[i]!, [name]))) return args[i + 1];
      if (args[i]!.startsWith(`${name}=`)) return args[i]!.slice(name.length + 1);
    }
  }
  return undefined;
}
