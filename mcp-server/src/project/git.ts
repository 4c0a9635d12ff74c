/**
 * The one git wrapper (gates, releases, deploys, init): always runArgv (an argument vector, never a
 * shell), so a tag name or commit message can never become a command, with `--` before anything that
 * could look like an option. `git` returns plain data and callers decide what a failure means; `gitOk`
 * turns a failure into an error naming the command; `gitTest` answers yes/no questions.
 *
 * Good: `await gitOk(root, ['tag', '-a', tag, '-m', message])`: argv, no quoting problems.
 * Bad:  runScript(`git tag -a ${tag}`): a tag from a tool argument would reach a shell.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runArgv, runArgvBytes, type BytesResult, type RunResult } from '../exec/run.js';
import { trustedProgram } from '../exec/trusted-program.js';
import { BlockedError, FailedError } from '../errors.js';

/** No practical limit on what git prints (10,000 commit messages must come back whole). */
const UNBOUNDED = Number.MAX_SAFE_INTEGER;

export interface GitOptions {
  input?: string;
  /** Default 120 s (a push to a slow remote); questions answer in milliseconds. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Extra environment (an author identity for the demo's commits). */
  env?: Record<string, string>;
}

/**
 * What makes git run the repository's code, switched off for shipgate's own git: hooks (`.git/hooks`, or a
 * `core.hooksPath` folder in the working tree such as husky's, both writable by the agent) and an
 * fsmonitor command. These calls run outside any sandbox with the user's key in reach; a `shipgate bump`
 * must not run a `post-commit` the agent wrote. `push` keeps the option out: git hands `-c` settings to a
 * local remote's receive-pack too, which would switch off that remote's own `pre-receive` protection;
 * shipgate's pushes pass `--no-verify` or run confined (the git-push provider).
 */
export const NO_REPOSITORY_CODE = ['-c', 'core.hooksPath=/dev/null', '-c', 'core.fsmonitor=false'] as const;

/**
 * What git must read as the objects themselves, whatever `.git/refs/replace/` holds. A replace ref
 * (`git replace <bad> <good>`, a file the agent can write in hardened mode too: `.git/refs` is in the
 * project) makes every command but the pack transfer show one commit's content under another's id: the
 * working tree and `git diff` say "good", while `git push` sends the real, bad objects to production.
 * shipgate judges what it ships, so its git never honours replacements (tested in
 * test/security/object-database.test.ts).
 */
export const REAL_OBJECTS_ENV = { GIT_NO_REPLACE_OBJECTS: '1' } as const;

/** Run git; never throws on a non-zero exit. */
export function git(root: string, args: readonly string[], options: GitOptions = {}): Promise<RunResult> {
  return runArgv(trustedProgram('git', root), args[0] === 'push' ? args : [...NO_REPOSITORY_CODE, ...args], {
    cwd: root,
    input: options.input,
    timeoutMs: options.timeoutMs ?? 120_000,
    signal: options.signal,
    maxOutput: UNBOUNDED,
    // Never ask for credentials or an editor on a terminal: shipgate runs unattended; C locale output parses.
    env: { GIT_TERMINAL_PROMPT: '0', GIT_EDITOR: 'true', LC_ALL: 'C', ...options.env, ...REAL_OBJECTS_ENV },
  });
}

/** Run git for bytes (object content), with the same switches as `git`. */
export function gitBytes(root: string, args: readonly string[], options: { input?: string; timeoutMs?: number } = {}): Promise<BytesResult> {
  return runArgvBytes(trustedProgram('git', root), [...NO_REPOSITORY_CODE, ...args], {
    cwd: root,
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.input !== undefined ? { input: options.input } : {}),
    env: { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', ...REAL_OBJECTS_ENV },
  });
}

/** Run git and return stdout; a non-zero exit becomes a FailedError that names the command. */
export async function gitOk(root: string, args: readonly string[], options: GitOptions = {}): Promise<string> {
  const result = await git(root, args, options);
  if (result.exitCode !== 0) {
    throw new FailedError(`git ${args[0] ?? ''} failed (exit ${result.exitCode}).`, {
      where: `git ${args.join(' ')}`.slice(0, 200),
      found: (result.stderr || result.stdout || result.spawnError || '').trim().slice(-600),
      hint: 'Read git’s message above; fix the repository state and run the shipgate command again.',
    });
  }
  return result.stdout;
}

/** True when git exits 0 (used for yes/no questions like "does this ref exist?"). */
export async function gitTest(root: string, args: readonly string[]): Promise<boolean> {
  return (await git(root, args)).exitCode === 0;
}

/**
 * The full SHA of HEAD, or a BlockedError explaining that gates bind to commits. Reads `.git/HEAD` and
 * the ref directly when the layout is the plain one (a spawn costs more than the whole gate engine);
 * anything unusual (worktrees, packed or symbolic oddities) asks git itself.
 */
export async function headCommit(projectRoot: string, signal?: AbortSignal): Promise<string> {
  const direct = await readHeadDirectly(projectRoot);
  if (direct) return direct;
  const result = await git(projectRoot, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { signal });
  const sha = result.stdout.trim();
  if (result.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) {
    throw new BlockedError('The project has no commit to gate.', {
      where: projectRoot,
      expected: 'a git repository with at least one commit (gates and receipts are bound to a commit SHA)',
      hint: 'Run `git init` and commit your work, then run `shipgate gate` again.',
    });
  }
  return sha;
}

/** Parents of a commit (full SHAs). */
export async function commitParents(projectRoot: string, commit: string): Promise<string[]> {
  const result = await git(projectRoot, ['rev-list', '--parents', '-n', '1', commit, '--']);
  if (result.exitCode !== 0) return [];
  return result.stdout.trim().split(/\s+/).slice(1);
}

/** Paths changed between two commits. */
export async function changedPaths(projectRoot: string, from: string, to: string): Promise<string[] | null> {
  const result = await git(projectRoot, ['diff', '--name-only', '--no-renames', from, to, '--']);
  if (result.exitCode !== 0) return null;
  return result.stdout.split('\n').filter(Boolean);
}

const SHA = /^[0-9a-f]{40}$/;

async function readHeadDirectly(projectRoot: string): Promise<string | undefined> {
  try {
    const gitDir = join(projectRoot, '.git');
    const head = (await readFile(join(gitDir, 'HEAD'), 'utf8')).trim();
    if (SHA.test(head)) return head;
    const ref = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.includes('..')) return undefined;
    const loose = await readFile(join(gitDir, ref), 'utf8').then((t) => t.trim(), () => undefined);
    if (loose !== undefined) return SHA.test(loose) ? loose : undefined;
    const packed = await readFile(join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
    const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`));
    const sha = line?.slice(0, 40);
    return sha && SHA.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** A file's text at a commit, or null when it does not exist there. */
export async function fileAtCommit(projectRoot: string, commit: string, path: string): Promise<string | null> {
  const result = await git(projectRoot, ['show', `${commit}:${path}`], { timeoutMs: 30_000 });
  return result.exitCode === 0 ? result.stdout : null;
}
