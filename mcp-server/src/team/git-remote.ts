/**
 * The git plumbing the team features stand on: small JSON documents stored as commits (a tree of
 * named blobs), fetched from and pushed to `refs/shipgate/*` on the team remote. The remote is the
 * coordination point because its ref updates are atomic compare-and-swap: `push --force-with-lease=
 * ref:<expected>` is checked by receive-pack inside a ref transaction, so of two racing pushes exactly
 * one wins. All git runs through exec/ (never a shell); every call to the remote has a timeout, and a
 * remote that cannot be reached is a FailedError naming it, never "no lock".
 *
 * Good: pushRef(ctx, ref, sha, { expect: null }) creates the ref only if nobody has it.
 * Bad:  `git push --force` of a lock: that overwrites someone else's lock blindly.
 */
import { runArgv, type RunResult } from '../exec/run.js';
import { trustedProgram } from '../exec/trusted-program.js';
import { FailedError, InternalError, quote } from '../errors.js';
import { REAL_OBJECTS_ENV } from '../project/git.js';

/** What every remote call needs: where the clone is, which remote, how long to wait. */
export interface RemoteContext {
  projectRoot: string;
  remote: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

const LOCAL_TIMEOUT_MS = 30_000;
/** git must never wait for a password prompt: no terminal, no askpass; and it reads the real objects (no replace refs). */
const GIT_ENV = { GIT_TERMINAL_PROMPT: '0', GIT_ASKPASS: 'true', SSH_ASKPASS: 'true', ...REAL_OBJECTS_ENV };
/** Internal commits carry their data in blobs; their author is not what anyone reads or trusts. */
const COMMIT_ENV = { GIT_AUTHOR_NAME: 'shipgate', GIT_AUTHOR_EMAIL: 'shipgate@localhost', GIT_COMMITTER_NAME: 'shipgate', GIT_COMMITTER_EMAIL: 'shipgate@localhost' };

export async function gitLocal(projectRoot: string, args: readonly string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<RunResult> {
  return runArgv(trustedProgram('git', projectRoot), args, { cwd: projectRoot, timeoutMs: LOCAL_TIMEOUT_MS, env: { ...options.env, ...GIT_ENV }, ...(options.input !== undefined ? { input: options.input } : {}), maxOutput: 4_000_000 });
}

async function gitLocalOk(projectRoot: string, args: readonly string[], options: { input?: string; env?: Record<string, string | undefined> } = {}): Promise<string> {
  const result = await gitLocal(projectRoot, args, options);
  if (result.exitCode !== 0) throw new InternalError(`git ${args[0]} failed in ${projectRoot}: ${(result.stderr || result.spawnError || '').trim()}`);
  return result.stdout.trim();
}

/** A remote call that did not answer (timeout, unreachable, refused): the state there is unknown. */
export function remoteUnreachable(ctx: RemoteContext, result: RunResult, doing: string): FailedError {
  const why = result.timedOut ? `no answer within ${Math.round(ctx.timeoutMs / 1000)}s` : quote((result.stderr || result.spawnError || `exit ${result.exitCode}`).trim().split('\n').slice(-2).join(' '), 200);
  return new FailedError(`The team remote ${quote(ctx.remote)} could not be reached while ${doing}; its state is unknown, so nothing was done.`, {
    where: `team.remote (${ctx.remote})`,
    expected: 'a git remote this clone can fetch from and push to',
    found: why,
    hint: `Check the network and \`git ls-remote ${ctx.remote}\`, or raise team.timeout; then run the command again.`,
  });
}

/**
 * Mirror the remote's `refs/shipgate/<area>/*` into the same local names (forced, pruned), so that a
 * fresh clone or a CI job needs nothing but the remote. Local copies are a cache: what matters is
 * checked again on the remote (locks) or by signature (records).
 */
export async function fetchArea(ctx: RemoteContext, area: string): Promise<void> {
  const refspec = `+refs/shipgate/${area}/*:refs/shipgate/${area}/*`;
  const result = await runArgv(trustedProgram('git', ctx.projectRoot), ['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--prune', ctx.remote, refspec], { cwd: ctx.projectRoot, timeoutMs: ctx.timeoutMs, env: GIT_ENV, signal: ctx.signal });
  if (result.exitCode !== 0) throw remoteUnreachable(ctx, result, `fetching refs/shipgate/${area}`);
}

/** The local value of a ref, or null. */
export async function readRef(projectRoot: string, ref: string): Promise<string | null> {
  const result = await gitLocal(projectRoot, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  const sha = result.stdout.trim();
  return result.exitCode === 0 && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null;
}

/** Write a commit whose tree holds the given files (name → content); returns its SHA. Nothing is pushed. */
export async function writeFilesCommit(projectRoot: string, files: Record<string, string>, message: string, parent?: string): Promise<string> {
  const entries: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const blob = await gitLocalOk(projectRoot, ['hash-object', '-w', '--stdin'], { input: content });
    entries.push(`100644 blob ${blob}\t${name}`);
  }
  const tree = await gitLocalOk(projectRoot, ['mktree'], { input: `${entries.join('\n')}\n` });
  return gitLocalOk(projectRoot, ['commit-tree', '--no-gpg-sign', tree, ...(parent ? ['-p', parent] : []), '-m', message], { env: COMMIT_ENV });
}

/** The named files of a commit's tree (missing files are absent from the result). */
export async function readFiles(projectRoot: string, commit: string, names: readonly string[]): Promise<Record<string, string>> {
  const batch = await readBlobs(projectRoot, names.map((n) => `${commit}:${n}`));
  const out: Record<string, string> = {};
  names.forEach((n, i) => { const text = batch[i]; if (text !== undefined) out[n] = text; });
  return out;
}

/** Many `<rev>:<path>` blobs in one git process (`cat-file --batch`); undefined where missing. */
export async function readBlobs(projectRoot: string, specs: readonly string[]): Promise<(string | undefined)[]> {
  if (!specs.length) return [];
  const result = await runArgv(trustedProgram('git', projectRoot), ['cat-file', '--batch'], { cwd: projectRoot, timeoutMs: LOCAL_TIMEOUT_MS, env: GIT_ENV, input: `${specs.join('\n')}\n`, maxOutput: 64 * 1024 * 1024 });
  if (result.exitCode !== 0) throw new InternalError(`git cat-file failed in ${projectRoot}: ${result.stderr.trim()}`);
  // Parse by bytes: sizes in the headers are byte counts.
  const buffer = Buffer.from(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`, 'utf8');
  const out: (string | undefined)[] = [];
  let at = 0;
  for (let i = 0; i < specs.length; i += 1) {
    const end = buffer.indexOf(0x0a, at);
    if (end < 0) break;
    const header = buffer.subarray(at, end).toString('utf8');
    at = end + 1;
    const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
    if (!match) { out.push(undefined); continue; }
    const size = Number(match[2]);
    out.push(match[1] === 'blob' ? buffer.subarray(at, at + size).toString('utf8') : undefined);
    at += size + 1;
  }
  return out;
}

/** Commits of a chain, newest first, at most `limit`. */
export async function chainCommits(projectRoot: string, tip: string, limit: number): Promise<string[]> {
  const out = await gitLocalOk(projectRoot, ['rev-list', `--max-count=${limit}`, tip, '--']);
  return out.split('\n').filter(Boolean);
}

export type PushOutcome = { ok: true } | { ok: false; reason: string };

/**
 * Compare-and-swap one ref on the remote. `expect`: the SHA the remote must hold now, or null for
 * "must not exist". `sha` null deletes. A rejection (someone else moved the ref) is a normal answer;
 * anything else (no porcelain line for the ref: the remote never answered) throws.
 */
export async function pushRef(ctx: RemoteContext, ref: string, sha: string | null, options: { expect: string | null } | { force: true }): Promise<PushOutcome> {
  const lease = 'force' in options ? '--force' : `--force-with-lease=${ref}:${options.expect ?? ''}`;
  const args = ['push', '--porcelain', '--no-verify', lease, ctx.remote, `${sha ?? ''}:${ref}`];
  const result = await runArgv(trustedProgram('git', ctx.projectRoot), args, { cwd: ctx.projectRoot, timeoutMs: ctx.timeoutMs, env: GIT_ENV, signal: ctx.signal });
  const line = result.stdout.split('\n').find((l) => l.includes(`:${ref}\t`) || l.endsWith(`:${ref}`));
  if (result.timedOut || !line) throw remoteUnreachable(ctx, result, `updating ${ref}`);
  const flag = line[0];
  if (flag === '!') return { ok: false, reason: line.split('\t').slice(2).join(' ').trim() || 'rejected' };
  if (result.exitCode !== 0) throw remoteUnreachable(ctx, result, `updating ${ref}`);
  return { ok: true };
}

/** The git identity of this clone (who holds a lock, who published an entry). */
export async function gitIdentity(projectRoot: string): Promise<{ name: string; email: string }> {
  const result = await gitLocal(projectRoot, ['config', '--get-regexp', '^user\\.(name|email)$']);
  const values = new Map(result.stdout.split('\n').map((line) => [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1).trim()] as const));
  return { name: values.get('user.name') || 'unknown', email: values.get('user.email') || 'unknown' };
}
