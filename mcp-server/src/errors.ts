/**
 * The small error vocabulary of shipgate. Every user-facing failure is one of these classes; each
 * message names the place (file, key path, line, argument), what was expected, and what to do next.
 * Anything else that escapes is a bug and is reported as InternalError asking for a bug report.
 *
 * Exit codes follow the public contract: 1 blocked/failed, 2 usage or config error, 3 rolled back.
 */
export type ErrorCode =
  | 'usage'
  | 'config'
  | 'input'
  | 'blocked'
  | 'failed'
  | 'conflict'
  | 'not-available'
  | 'internal';

export interface ErrorDetails {
  /** Where: a file path, key path, argument name, or `file:line:col`. */
  where?: string;
  /** What was expected there. */
  expected?: string;
  /** What was found instead (already shortened and safe to print). */
  found?: string;
  /** How to fix it, as an instruction: "run `shipgate gate --env production` first". */
  hint?: string;
}

export class ShipgateError extends Error {
  readonly code: ErrorCode;
  readonly exitCode: number;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, exitCode?: number) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
    this.exitCode = exitCode ?? defaultExitCode(code);
  }

  /**
   * Message plus the where/expected/found/hint lines, for terminals and MCP error text. Every part can
   * carry text from an argument or a file, so control characters are shown, never sent: an ANSI escape
   * in `--env` cannot repaint the terminal, and `found` (what the user typed) stays on its one line.
   */
  describe(): string {
    const lines = [printable(this.message)];
    const { where, expected, found, hint } = this.details;
    if (where) lines.push(`  at: ${printable(bounded(where, 4000))}`);
    if (expected) lines.push(`  expected: ${printable(expected)}`);
    if (found !== undefined) lines.push(`  found: ${printable(bounded(found, 300), true)}`);
    if (hint) lines.push(`  fix: ${printable(hint)}`);
    return lines.join('\n');
  }
}

function defaultExitCode(code: ErrorCode): number {
  switch (code) {
    case 'usage':
    case 'config':
    case 'input':
      return 2;
    default:
      return 1;
  }
}

/** Wrong command-line words or tool arguments. Exit 2. */
export class UsageError extends ShipgateError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('usage', message, details);
  }
}

/** A configuration file, skill, or state file that is malformed. Exit 2. */
export class ConfigError extends ShipgateError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('config', message, details);
  }
}

/** Tool or CLI input that is hostile or out of bounds (paths outside the project, NUL bytes...). Exit 2. */
export class InputError extends ShipgateError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('input', message, details);
  }
}

/** A gate, precondition or policy refused the operation. Exit 1. Nothing was changed. */
export class BlockedError extends ShipgateError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('blocked', message, details);
  }
}

/** An operation started and failed (a command, a push, a health check). Exit 1. */
export class FailedError extends ShipgateError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('failed', message, details);
  }
}

/** Another run holds the lock, or the remote moved on. Exit 1. */
export class ConflictError extends ShipgateError {
  constructor(message: string, details: ErrorDetails = {}) {
    super('conflict', message, details);
  }
}

/** A contract command or tool whose implementation has not landed yet. Never a fake success. */
export class NotAvailableError extends ShipgateError {
  constructor(what: string) {
    super('not-available', `${what} is not available yet in this version of shipgate.`, {
      hint: 'Use the CLI commands listed by `shipgate --help`, or upgrade shipgate.',
    });
  }
}

/** A bug in shipgate itself. */
export class InternalError extends ShipgateError {
  constructor(message: string, cause?: unknown) {
    super('internal', `Internal error: ${message}`, {
      hint: 'This is a bug in shipgate. Please report it with the command you ran and this message.',
    });
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

/** Turn anything thrown into a ShipgateError, keeping ours as they are. */
export function toShipgateError(error: unknown): ShipgateError {
  if (error instanceof ShipgateError) return error;
  const fileSystem = fileSystemError(error);
  if (fileSystem) return fileSystem;
  const message = error instanceof Error ? error.message : String(error);
  return new InternalError(message, error);
}

/**
 * What a file-system failure means for the user, by errno. A folder where shipgate expects a file, a
 * read-only or full disk, a file it may not read: these are the machine's state, not shipgate bugs, so
 * they are told as such (the path, what is wrong with it, what to do), never as "Internal error".
 */
const FILE_SYSTEM_ERRORS: Record<string, { found: string; hint: string }> = {
  EISDIR: { found: 'a folder where a file is expected', hint: 'Move that folder out of the way (shipgate did not make it), then run the command again.' },
  ENOTDIR: { found: 'a file where a folder is expected (in the path)', hint: 'Move that file out of the way, then run the command again.' },
  EACCES: { found: 'permission denied', hint: 'Give your user access to it (`ls -ld` shows the owner and mode), then run the command again.' },
  EPERM: { found: 'operation not permitted', hint: 'Give your user access to it (`ls -ld` shows the owner and mode), then run the command again.' },
  EROFS: { found: 'the file system is read-only', hint: 'Make that folder writable (or point the configuration elsewhere), then run the command again.' },
  ENOSPC: { found: 'no space left on the device', hint: 'Free disk space, then run the command again.' },
  EDQUOT: { found: 'the disk quota is exceeded', hint: 'Free disk space, then run the command again.' },
  ELOOP: { found: 'a loop of symbolic links', hint: 'Replace the symbolic link with a real file or folder, then run the command again.' },
  ENAMETOOLONG: { found: 'a path that is too long', hint: 'Use a shorter path.' },
  EMFILE: { found: 'too many open files', hint: 'Raise the open-file limit (`ulimit -n`), then run the command again.' },
  ENFILE: { found: 'too many open files on the system', hint: 'Close other programs or raise the limit, then run the command again.' },
  EIO: { found: 'an input/output error from the disk', hint: 'Check the disk, then run the command again.' },
};

/** The file-system calls whose failure names a path the user can act on (not `spawn`: exec/ reports those). */
const FILE_SYSTEM_CALLS = new Set(['open', 'read', 'write', 'close', 'fsync', 'rename', 'mkdir', 'mkdtemp', 'rmdir', 'rm', 'unlink', 'scandir', 'opendir', 'stat', 'lstat', 'fstat', 'access', 'realpath', 'readlink', 'symlink', 'link', 'copyfile', 'chmod', 'fchmod', 'utime', 'futime', 'ftruncate']);

/**
 * `readFile(file).catch(atPath(file))`: Node's promise `readFile` of a folder fails with EISDIR and no
 * path; this names the file, so toShipgateError can say which one.
 */
export function atPath(path: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof Error && (error as NodeJS.ErrnoException).code && (error as NodeJS.ErrnoException).path === undefined) (error as NodeJS.ErrnoException).path = path;
    throw error;
  };
}

/** writeFileAtomic's temp name `.<name>.<pid>.<time>.<n>.tmp` → the file it was writing. */
const ATOMIC_TEMP = /^(.*[\/])\.(.+)\.\d+\.[0-9a-z]+\.\d+\.tmp$/;

function fileSystemError(error: unknown): ShipgateError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (!code || !syscall || !FILE_SYSTEM_CALLS.has(syscall)) return undefined;
  const meaning = FILE_SYSTEM_ERRORS[code] ?? (code === 'ENOENT' ? { found: 'it does not exist', hint: 'Check the path, then run the command again.' } : undefined);
  if (!meaning || (path === undefined && dest === undefined)) return undefined;
  // A rename fails because of where it goes; a temp file stands for the file being written.
  const raw = syscall === 'rename' && dest !== undefined && code !== 'ENOENT' ? dest : (path ?? dest!);
  const target = raw.replace(ATOMIC_TEMP, '$1$2');
  const reading = ['read', 'scandir', 'opendir', 'stat', 'lstat', 'fstat', 'access', 'realpath', 'readlink'].includes(syscall);
  const verb = reading ? 'read' : syscall === 'open' ? 'open' : 'write';
  return new FailedError(`Cannot ${verb} ${target}: ${meaning.found}.`, {
    where: target,
    expected: reading ? 'a readable file or folder' : verb === 'open' ? 'a file shipgate can open (read, or write in a writable folder)' : 'a writable file in a writable folder',
    found: `${meaning.found} (${code} from ${syscall})`,
    hint: meaning.hint,
  });
}

/**
 * Characters a terminal acts on or that disguise text: C0 and C1 controls (ANSI escapes start with ESC
 * or CSI), DEL, the bidirectional overrides and isolates ("Trojan Source"), and the line separators.
 * Newline and tab are allowed in `printable` text (messages span lines), never in a one-line value.
 */
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;
const HIDDEN_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Text safe to print: control and direction characters shown as escapes; with `oneLine`, line breaks too. */
export function printable(text: string, oneLine = false): string {
  return text.replace(oneLine ? HIDDEN_OR_BREAK : HIDDEN, escapeChar);
}

function bounded(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Shorten untrusted text for inclusion in a message: one line, bounded, quoted, control characters shown. */
export function quote(text: string, max = 120): string {
  return `"${printable(bounded(text, max).replace(/\\/g, '\\\\').replace(/"/g, '\\"'), true)}"`;
}
