/**
 * The built CLI as a user (or an agent's Bash) runs it: `node mcp-server/dist/cli.js …` in a real git
 * repository, plus a snapshot of everything a command could change (git refs, every file of the work
 * tree and of the project's gate state), so a test can say "refused, and changed nothing".
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { statePaths } from '../../mcp-server/src/project/paths.js';

export const CLI = resolve(__dirname, '../../mcp-server/dist/cli.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}, wrapper: string[] = []): CliRun {
  const [command, ...rest] = wrapper.length ? wrapper : [process.execPath];
  const argv = wrapper.length ? [...rest, process.execPath, CLI, ...args] : [CLI, ...args];
  const result = spawnSync(command!, argv, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function filesUnder(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (skip(name)) continue;
    const path = join(dir, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info) continue;
    out.push(info.isFile() ? `${relative(dir, path)} ${createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16)}` : `${relative(dir, path)}/`);
  }
  return out.sort();
}

/** Git refs, the work tree (without .git) and the gate state: any write shows as a difference. */
export function snapshot(root: string): { refs: string; files: string[]; state: string[] } {
  const refs = spawnSync('git', ['for-each-ref', '--format=%(refname) %(objectname)'], { cwd: root, encoding: 'utf8' }).stdout;
  // runs.jsonl is the run log of refusals: appending to it is how a refusal is remembered, not a change.
  return { refs, files: filesUnder(root, (rel) => rel === '.git' || rel.startsWith(`.git/`)), state: filesUnder(statePaths(root).base, (rel) => rel === 'runs.jsonl') };
}

/** A refusal as the contract wants it: the exit code, a message on stderr, no stack trace, no "Internal error". */
export function expectCleanRefusal(run: CliRun, code: number, label = ''): void {
  const all = `${run.stdout}\n${run.stderr}`;
  expect(run.code, `${label}\n${all.slice(0, 2000)}`).toBe(code);
  expect(all, label).not.toMatch(/Internal error|bug in shipgate/);
  expect(all, label).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  expect(run.stderr, label).toMatch(/^shipgate: \S/);
}
