/**
 * The few git questions the gate engine asks, always through runArgv (never a shell), with `--` before
 * anything that could look like an option. Returns plain data; callers decide what a failure means.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runArgv } from '../exec/run.js';
import { BlockedError } from '../errors.js';

const GIT_TIMEOUT_MS = 30_000;

export async function git(projectRoot: string, args: readonly string[], signal?: AbortSignal) {
  return runArgv('git', args, { cwd: projectRoot, timeoutMs: GIT_TIMEOUT_MS, signal, env: { GIT_TERMINAL_PROMPT: '0' } });
}

/**
 * The full SHA of HEAD, or a BlockedError explaining that gates bind to commits. Reads `.git/HEAD` and
 * the ref directly when the layout is the plain one (a spawn costs more than the whole gate engine);
 * anything unusual (worktrees, packed or symbolic oddities) asks git itself.
 */
export async function headCommit(projectRoot: string, signal?: AbortSignal): Promise<string> {
  const direct = await readHeadDirectly(projectRoot);
  if (direct) return direct;
  const result = await git(projectRoot, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], signal);
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
  const result = await runArgv('git', ['show', `${commit}:${path}`], { cwd: projectRoot, timeoutMs: GIT_TIMEOUT_MS, env: { GIT_TERMINAL_PROMPT: '0' }, maxOutput: 16 * 1024 * 1024 });
  return result.exitCode === 0 ? result.stdout : null;
}
