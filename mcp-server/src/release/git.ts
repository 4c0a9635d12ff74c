/**
 * Thin wrappers over exec/run.ts for the git calls a release makes. Everything goes through runArgv
 * (an argument vector, never a shell), so a tag name or commit message can never become a command.
 *
 * Good: `await gitOk(root, ['tag', '-a', tag, '-m', message])` — argv, no quoting problems.
 * Bad:  runScript(`git tag -a ${tag}`) — a tag from a tool argument would reach a shell.
 */
import { runArgv, type RunResult } from '../exec/run.js';
import { FailedError } from '../errors.js';

/** No practical limit on what git prints (10,000 commit messages must come back whole). */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export interface GitOptions {
  input?: string;
  timeoutMs?: number;
}

/** Run git; never throws on a non-zero exit. */
export function git(root: string, args: readonly string[], options: GitOptions = {}): Promise<RunResult> {
  return runArgv('git', args, {
    cwd: root,
    input: options.input,
    timeoutMs: options.timeoutMs ?? 120_000,
    maxOutput: UNBOUNDED,
    // Never ask for credentials or an editor on a terminal: a release runs unattended.
    env: { GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', LC_ALL: 'C' },
  });
}

/** Run git and return stdout; a non-zero exit becomes a FailedError that names the command. */
export async function gitOk(root: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const result = await git(root, args, options);
  if (result.exitCode !== 0) {
    throw new FailedError(`git ${args[0] ?? ''} failed (exit ${result.exitCode}).`, {
      where: `git ${args.join(' ')}`.slice(0, 200),
      found: (result.stderr || result.stdout || result.spawnError || '').trim().slice(-600),
      hint: 'Read git’s message above; fix the repository state and run `shipgate bump` again.',
    });
  }
  return result.stdout;
}

/** True when git exits 0 (used for yes/no questions like "does this ref exist?"). */
export async function gitTest(root: string, args: readonly string[]): Promise<boolean> {
  return (await git(root, args)).exitCode === 0;
}
