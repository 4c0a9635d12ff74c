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

/**
 * Programs that run the rest of their arguments as a command, and their options that take a value;
 * `positionalsToSkip` words come before the command (`timeout 30s`, `chroot DIR`, `gosu USER`), and
 * `commandOptions` hold shell text of their own (`npx -c 'cmd'`, `nix-shell --run 'cmd'`).
 */
export interface Wrapper {
  valueOptions: string[];
  positionalsToSkip?: number;
  commandOptions?: string[];
  /** When set, only these subcommands run a command (`poetry run`, `bundle exec`); others are the tool's own work. */
  verbs?: string[];
}

export const WRAPPERS: Record<string, Wrapper> = {
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
  npx: { valueOptions: ['-p', '--package', '-c', '--call'], commandOptions: ['-c', '--call'] },
  bunx: { valueOptions: ['-p', '--package'] },
  pnpx: { valueOptions: [] },
  time: { valueOptions: ['-f', '-o', '--format', '--output'] },
  unbuffer: { valueOptions: [] },
  chronic: { valueOptions: [] },
  caffeinate: { valueOptions: ['-t', '-w'] },
  dotenv: { valueOptions: ['-e', '-v', '-c'] },
  'with-contenv': { valueOptions: [] },
  flock: { valueOptions: ['-w', '--timeout', '-E', '--conflict-exit-code'], positionalsToSkip: 1 },
  // Tracing, sandboxing and process-setup tools run the command they are given.
  strace: { valueOptions: ['-o', '-e', '-p', '-s', '-u', '-a', '-b', '-E', '-I', '-O', '-P', '-S', '-X'] },
  ltrace: { valueOptions: ['-o', '-e', '-p', '-s', '-u', '-a', '-n', '-l'] },
  valgrind: { valueOptions: [] },
  faketime: { valueOptions: [], positionalsToSkip: 1 },
  proxychains: { valueOptions: ['-f'] },
  proxychains4: { valueOptions: ['-f'] },
  torsocks: { valueOptions: ['-u', '-p', '-a', '-P'] },
  firejail: { valueOptions: [] },
  unshare: { valueOptions: ['-S', '--setuid', '-G', '--setgid', '-R', '--root', '-w', '--wd'] },
  chroot: { valueOptions: ['--userspec', '--groups'], positionalsToSkip: 1 },
  nsenter: { valueOptions: ['-t', '--target', '-S', '--setuid', '-G', '--setgid', '-r', '-w'] },
  'systemd-run': { valueOptions: ['-p', '--property', '-u', '--unit', '-E', '--setenv', '--uid', '--gid', '-M', '--machine', '--description', '--slice', '-H', '--host', '--working-directory'] },
  'xvfb-run': { valueOptions: ['-s', '--server-args', '-n', '--server-num', '-f', '--auth-file', '-e', '--error-file', '-p', '--xauth-protocol', '-w', '--wait'] },
  'dbus-launch': { valueOptions: ['--config-file'] },
  catchsegv: { valueOptions: [] },
  tini: { valueOptions: ['-s', '-e', '-p', '-l'] },
  'dumb-init': { valueOptions: ['-r', '--rewrite'] },
  gosu: { valueOptions: [], positionalsToSkip: 1 },
  'su-exec': { valueOptions: [], positionalsToSkip: 1 },
  setpriv: { valueOptions: ['--reuid', '--regid', '--groups', '--inh-caps', '--ambient-caps', '--bounding-set', '--securebits', '--selinux-label', '--apparmor-profile'] },
  prlimit: { valueOptions: ['-p', '--pid'] },
  numactl: { valueOptions: ['-m', '--membind', '-N', '--cpunodebind', '-C', '--physcpubind', '-i', '--interleave', '-p', '--preferred'] },
  nocache: { valueOptions: [] },
  eatmydata: { valueOptions: [] },
  pkexec: { valueOptions: ['--user'] },
  sg: { valueOptions: [], positionalsToSkip: 1, commandOptions: ['-c'] },
  entr: { valueOptions: [] },
  // Environment and secret loaders, version managers and task runners that run a command.
  'cross-env': { valueOptions: [] },
  'env-cmd': { valueOptions: ['-f', '--file', '-e', '--environments', '-r', '--rc-file'] },
  op: { valueOptions: ['--env-file', '--account'], positionalsToSkip: 1, verbs: ['run'] },
  doppler: { valueOptions: ['-p', '--project', '-c', '--config', '--token', '--command'], positionalsToSkip: 1, commandOptions: ['--command'], verbs: ['run'] },
  'aws-vault': { valueOptions: ['--duration', '-d', '--region', '--mfa-token', '-t', '--backend'], positionalsToSkip: 2, verbs: ['exec'] },
  chamber: { valueOptions: ['-b', '--backend'], positionalsToSkip: 2, verbs: ['exec'] },
  direnv: { valueOptions: [], positionalsToSkip: 2, verbs: ['exec'] },
  poetry: { valueOptions: ['-C', '--directory', '-P', '--project'], positionalsToSkip: 1, verbs: ['run'] },
  pipenv: { valueOptions: [], positionalsToSkip: 1, verbs: ['run'] },
  uv: { valueOptions: ['--with', '--python', '-p', '--project', '--directory', '--env-file', '--package'], positionalsToSkip: 1, verbs: ['run'] },
  bundle: { valueOptions: ['--gemfile'], positionalsToSkip: 1, verbs: ['exec'] },
  mise: { valueOptions: ['-C', '--cd', '-E', '--env'], positionalsToSkip: 1, commandOptions: ['-c', '--command'], verbs: ['exec', 'x'] },
  asdf: { valueOptions: [], positionalsToSkip: 1, verbs: ['exec'] },
  'nix-shell': { valueOptions: ['-p', '--packages', '-I', '-A', '--attr', '--arg', '--argstr'], commandOptions: ['--run', '--command'] },
  devbox: { valueOptions: ['-c', '--config', '-e', '--env'], positionalsToSkip: 1, verbs: ['run'] },
  nodemon: { valueOptions: ['-w', '--watch', '-e', '--ext', '-i', '--ignore', '-d', '--delay', '-V'], commandOptions: ['-x', '--exec'] },
};

/** `tmux new -d 'cmd'`, `screen -dm cmd`, `tmux send-keys 'cmd' Enter`: what a terminal multiplexer is told to run. */
export function multiplexerCommands(program: string, args: readonly string[]): string[] {
  if (program === 'screen') {
    const stuff = args.indexOf('stuff');
    if (stuff >= 0 && args[stuff + 1]) return [args[stuff + 1]!.replace(/\\n|\\r|\^M/g, '\n')];
    const rest = skipOptions([...args], ['-S', '-c', '-e', '-h', '-L', '-Logfile', '-p', '-s', '-t', '-T', '-X']);
    return rest.length ? [asCommandText(rest)] : [];
  }
  if (program !== 'tmux') return [];
  const verbAt = args.findIndex((a) => /^(new|new-session|new-window|neww|split-window|splitw|send-keys|send|respawn-pane|respawn-window|run-shell|run|display-popup|popup)$/.test(a));
  if (verbAt < 0) return [];
  const verb = args[verbAt]!;
  const rest = args.slice(verbAt + 1);
  if (verb === 'send-keys' || verb === 'send') return [skipOptions(rest, ['-t', '-N']).filter((k) => !/^(Enter|C-m|KPEnter)$/.test(k)).join(' ')];
  const words = skipOptions(rest, ['-t', '-s', '-n', '-c', '-e', '-F', '-x', '-y', '-l', '-f']);
  return words.length ? [asCommandText(words)] : [];
}

/**
 * What a multiplexer runs, as shell text: one word is a command line for the shell (`tmux new 'git push
 * …'`), several are a program and its arguments, kept as words (`screen -dm bash -c 'git push …'`:
 * joined with spaces, `bash -c git` would be read instead of the whole command string).
 */
function asCommandText(words: readonly string[]): string {
  return words.length === 1 ? words[0]! : words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
}

/** The commands of a crontab's jobs, one per line: the schedule (five fields, or `@daily` and the like) and environment lines dropped. */
export function cronCommands(table: string): string {
  const commands: string[] = [];
  for (const raw of table.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || /^[A-Za-z_][A-Za-z0-9_]*\s*=/.test(line)) continue;
    const job = line.startsWith('@') ? /^@\S+\s+(.*)$/.exec(line)?.[1] : /^(?:\S+\s+){5}(.*)$/.exec(line)?.[1];
    // `%` starts the job's standard input in cron; the command is what comes before it.
    if (job) commands.push(job.split(/(?<!\\)%/)[0]!);
  }
  return commands.join('\n');
}

/** Options that name a program to run (`ssh -o ProxyCommand=…`, `rsync -e …`, `tar --to-command=…`). */
export function programOptions(program: string, args: readonly string[]): string[] {
  const found: string[] = [];
  if (program === 'ssh' || program === 'scp' || program === 'sftp' || program === 'sshfs') {
    for (let i = 0; i < args.length; i += 1) {
      const value = args[i] === '-o' ? args[i + 1] : args[i]!.startsWith('-o') ? args[i]!.slice(2) : undefined;
      const match = value ? /^\s*(ProxyCommand|LocalCommand|RemoteCommand|KnownHostsCommand)\s*[= ]\s*(.+)$/i.exec(value) : null;
      if (match) found.push(match[2]!);
    }
    if (program !== 'ssh') { const helper = optionValue(args, ['-S']); if (helper) found.push(helper); }
  } else if (program === 'rsync') {
    found.push(...[optionValue(args, ['-e', '--rsh'])].filter((v): v is string => v !== undefined));
  } else if (program === 'tar' || program === 'gtar' || program === 'bsdtar') {
    for (const [i, arg] of args.entries()) {
      const match = /^--(to-command|use-compress-program|info-script|new-volume-script)=(.+)$/.exec(arg) ?? (/^--checkpoint-action=exec=(.+)$/.exec(arg) ? [arg, '', arg.slice('--checkpoint-action=exec='.length)] : null);
      if (match) found.push(match[2]!);
      else if ((arg === '-I' || arg === '--to-command' || arg === '--use-compress-program' || arg === '-F') && args[i + 1]) found.push(args[i + 1]!);
    }
  } else if (program === 'zip') {
    found.push(...[optionValue(args, ['-TT', '--unzip-command'])].filter((v): v is string => v !== undefined));
  } else if (program === 'gdb') {
    for (const [i, arg] of args.entries()) if ((arg === '-ex' || arg === '--eval-command') && /^\s*(shell|!)/.test(args[i + 1] ?? '')) found.push(args[i + 1]!.replace(/^\s*(shell|!)\s*/, ''));
  } else if (program === 'vim' || program === 'vi' || program === 'nvim' || program === 'ex' || program === 'view') {
    for (const [i, arg] of args.entries()) {
      const command = arg === '-c' || arg === '--cmd' ? args[i + 1] : arg.startsWith('+') ? arg.slice(1) : undefined;
      const bang = command ? /^\s*(?:silent\s+)?!(.*)$|^\s*(?:call\s+)?system\(["'](.*)["']\)/.exec(command) : null;
      if (bang) found.push(bang[1] ?? bang[2] ?? '');
    }
  } else if (program === 'less' || program === 'more' || program === 'man') {
    found.push(...[optionValue(args, ['-P', '--pager'])].filter((v): v is string => v !== undefined && program === 'man'));
  }
  return found;
}

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
    // env(1) takes any NAME=VALUE, also names a shell could not assign (`BASH_FUNC_ls%%=() { …; }`, an exported function).
    if (/^[^=]+=/.test(arg)) { const eq = arg.indexOf('='); setEnv(arg.slice(0, eq), arg.slice(eq + 1)); i += 1; continue; }
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
