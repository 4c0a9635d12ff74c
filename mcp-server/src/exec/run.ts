/**
 * The ONE place that spawns processes. Two doors:
 *  - runArgv(file, args): an argument vector, never through a shell. Used for git, kubectl, provider
 *    argv lists, and anything built from tool arguments.
 *  - runScript(script): repository content (a `<command>` in a skill, a command in shipgate.config.yaml),
 *    run through `sh -c` like an npm script. Text from tool arguments or CLI flags must NEVER reach this.
 * Both return a bounded tail of output, the exit code, the duration, and whether the timeout fired;
 * neither throws on a non-zero exit (callers decide what failure means).
 * With `confine`, the command runs under bubblewrap with shipgate's state and key hidden (exec/confine.ts).
 */
import { execa } from 'execa';
import { trustedProgram } from './trusted-program.js';
import { absentInProject, confinedCommand, confinementUnavailable, prepareHidden, probeConfinement, requireHiddenUnchanged, requireStillAbsent, type Confinement } from './confine.js';

export interface RunOptions {
  cwd: string;
  /** Milliseconds; 0 or undefined means no timeout. */
  timeoutMs?: number;
  env?: Record<string, string | undefined>;
  signal?: AbortSignal;
  /** Text written to stdin. */
  input?: string;
  /** Keep at most this many characters of each stream (tail). Default 8,000. */
  maxOutput?: number;
  /**
   * The project's own code (tests, scripts, provider and notify commands): hide these folders from it
   * (exec/confine.ts). Throws when `required` and bubblewrap cannot run, or when the command replaced
   * a hidden folder; otherwise falls back to running unconfined (`confined: false` in the result).
   */
  confine?: Confinement;
}

/**
 * How the project's own commands run in one deploy, rollback or gate: extra environment (the real
 * project folder when they run in a trusted checkout) and the confinement policy.
 */
export interface ProjectCommands {
  env?: Record<string, string>;
  confine?: Confinement;
}

export interface RunResult {
  command: string;
  exitCode: number;
  stdout: string;
  stderr: string;
  durationMs: number;
  timedOut: boolean;
  aborted: boolean;
  /** Spawn failure (command not found ...), if any. */
  spawnError?: string;
  /** Present when confinement was asked for: whether the command actually ran confined. */
  confined?: boolean;
}

const DEFAULT_MAX_OUTPUT = 8_000;


export async function runArgv(file: string, args: readonly string[], options: RunOptions): Promise<RunResult> {
  return run(file, args, false, [file, ...args].join(' '), options);
}

export async function runScript(script: string, options: RunOptions): Promise<RunResult> {
  return run(script, [], true, script, options);
}

async function run(
  file: string,
  args: readonly string[],
  shell: boolean,
  display: string,
  options: RunOptions,
): Promise<RunResult> {
  const confine = options.confine;
  if (!confine) return spawn(file, args, shell, display, options);
  const identity = prepareHidden(confine.hidden);
  const probe = await probeConfinement(trustedProgram(confine.bwrap ?? 'bwrap', options.cwd));
  if (!probe.ok) {
    if (confine.required) throw confinementUnavailable(probe.reason, display);
    return { ...(await spawn(file, args, shell, display, options)), confined: false };
  }
  const absent = absentInProject(confine);
  const wrapped = confinedCommand(probe.bwrap, confine.hidden, file, args, shell, confine.readOnly, confine.visible, confine.project);
  const result = await spawn(wrapped.file, wrapped.args, false, display, options);
  requireHiddenUnchanged(identity, display);
  requireStillAbsent(absent, display);
  return { ...result, confined: true };
}

async function spawn(
  file: string,
  args: readonly string[],
  shell: boolean,
  display: string,
  options: RunOptions,
): Promise<RunResult> {
  const started = performance.now();
  const max = options.maxOutput ?? DEFAULT_MAX_OUTPUT;
  // Each command gets its own process group so a timeout or an abort ends the whole tree: a
  // `sh -c "npm test"` that times out must not leave npm and its children running behind the gate.
  const subprocess = execa(file, args, {
    cwd: options.cwd,
    shell: shell ? '/bin/sh' : false,
    env: { ...options.env },
    extendEnv: true,
    input: options.input,
    stdin: options.input === undefined ? 'ignore' : undefined,
    reject: false,
    all: false,
    stripFinalNewline: true,
    maxBuffer: 64 * 1024 * 1024,
    detached: true,
    cleanup: true,
  });
  let timedOut = false;
  let aborted = false;
  const killTree = () => {
    const pid = subprocess.pid;
    if (pid === undefined) return;
    signalGroup(pid, 'SIGTERM');
    const hard = setTimeout(() => signalGroup(pid, 'SIGKILL'), 2_000);
    hard.unref();
  };
  const timer =
    options.timeoutMs && options.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          killTree();
        }, options.timeoutMs)
      : undefined;
  const onAbort = () => {
    aborted = true;
    killTree();
  };
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  // The command ends when its own process ends, not when the last holder of its stdout closes it:
  // `sleep 3302 & echo forked` would otherwise keep the pipe (and the gate) open until the timeout.
  // What it wrote is already in the pipe; the group's leftovers go now, which closes the pipe.
  subprocess.once('exit', () => {
    if (subprocess.pid !== undefined) signalGroup(subprocess.pid, 'SIGKILL');
  });
  let result;
  try {
    result = await subprocess;
  } finally {
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    // Anything the command left behind in its group goes with it.
    if (subprocess.pid !== undefined) signalGroup(subprocess.pid, 'SIGKILL');
  }
  const durationMs = Math.round(performance.now() - started);
  const stdout = tail(String(result.stdout ?? ''), max);
  const stderr = tail(String(result.stderr ?? ''), max);
  const spawnError =
    result.failed && result.exitCode === undefined && !timedOut && !aborted
      ? (result.originalMessage ?? result.shortMessage)
      : undefined;
  return {
    command: display,
    exitCode: timedOut ? 124 : (result.exitCode ?? (aborted ? 130 : 127)),
    stdout,
    stderr,
    durationMs,
    timedOut,
    aborted,
    spawnError,
  };
}

export interface BytesResult {
  exitCode: number;
  /** stdout exactly as written (object content is binary). */
  stdout: Buffer;
  stderr: string;
  timedOut: boolean;
  spawnError?: string;
}

/**
 * runArgv for a program whose output is bytes, kept whole (git's object content: a blob is not text,
 * and its hash is checked over every byte). Never a shell; no confinement (shipgate's own plumbing).
 */
export async function runArgvBytes(file: string, args: readonly string[], options: { cwd: string; input?: string; timeoutMs: number; env?: Record<string, string | undefined> }): Promise<BytesResult> {
  const result = await execa(file, args, {
    cwd: options.cwd,
    env: { ...options.env },
    extendEnv: true,
    input: options.input,
    stdin: options.input === undefined ? 'ignore' : undefined,
    encoding: 'buffer',
    reject: false,
    stripFinalNewline: false,
    maxBuffer: 1024 * 1024 * 1024,
    timeout: options.timeoutMs,
    cleanup: true,
  });
  const stderr = Buffer.from(result.stderr ?? new Uint8Array()).toString('utf8');
  return {
    exitCode: result.timedOut ? 124 : (result.exitCode ?? 127),
    stdout: Buffer.from(result.stdout ?? new Uint8Array()),
    stderr: tail(stderr, DEFAULT_MAX_OUTPUT),
    timedOut: result.timedOut,
    ...(result.failed && result.exitCode === undefined && !result.timedOut ? { spawnError: result.originalMessage ?? result.shortMessage } : {}),
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function tail(text: string, max: number): string {
  return text.length > max ? `…${text.slice(text.length - max)}` : text;
}
