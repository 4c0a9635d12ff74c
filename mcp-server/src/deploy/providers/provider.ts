/**
 * One interface for every deploy provider (git-push, command, kubernetes): deploy a release, shift
 * traffic, promote, undo, status, history. A provider turns an action into argument vectors first
 * (`commands`, used by `--dry-run` and the plan) and only then runs them (`run`), always through
 * exec/run.ts's runArgv: never a shell.
 *
 * Good: `{ action: 'traffic', weight: 10, color: 'canary' }` → `ctl weight canary 10` as two arguments.
 * Bad:  building `"ctl weight " + weight` and handing it to a shell.
 */
import type { RunOptions, RunResult } from '../../exec/run.js';
import type { Confinement } from '../../exec/confine.js';
import { expandPlaceholders } from '../../util/argv-placeholders.js';

/** A release the provider can deploy: what `git tag v1.2.0` points at (project/release-ref.ts). */
import type { ReleaseRef } from '../../project/release-ref.js';
export type { ReleaseRef };

export type ProviderActionName = 'deploy' | 'traffic' | 'promote' | 'undo';

export interface ProviderAction {
  action: ProviderActionName;
  /** Percent of traffic for the candidate (`traffic`). */
  weight?: number;
  /** The slot the release goes to: `blue`/`green` (blue-green), `canary`, or `stable`. */
  color?: string;
  /** Strategy name, for providers that deploy differently per strategy. */
  strategy?: string;
}

export interface ProviderContext {
  /**
   * Where the commands run: for deploy and rollback a clean checkout of the trusted commit
   * (project/trusted-tree.ts), never the working tree the agent edits.
   */
  projectRoot: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** Extra environment (`SHIPGATE_PROJECT_ROOT` when running in a trusted checkout). */
  env?: Record<string, string>;
  /** Hide shipgate's state and key from the commands (exec/confine.ts). */
  confine?: Confinement;
}

/** The run options a provider passes for every command it runs. */
export function providerRunOptions(context: ProviderContext): RunOptions {
  return { cwd: context.projectRoot, timeoutMs: context.timeoutMs, ...(context.signal ? { signal: context.signal } : {}), ...(context.env ? { env: context.env } : {}), ...(context.confine ? { confine: context.confine } : {}) };
}

export interface ProviderRunResult {
  ok: boolean;
  runs: RunResult[];
  /** One line saying what happened (or why it failed). */
  detail: string;
}

export interface ProviderStatus {
  /** The commit production serves, when the provider can tell. */
  sha?: string;
  version?: string;
  detail: string;
}

export interface Provider {
  readonly type: string;
  /** Whether the provider can do this action (e.g. `traffic` needs a traffic command). */
  supports(action: ProviderActionName): boolean;
  /** The argument vectors `run` will execute, in order (placeholders shown as they will be passed). */
  commands(action: ProviderAction, release: ReleaseRef): string[][];
  run(action: ProviderAction, release: ReleaseRef, context: ProviderContext): Promise<ProviderRunResult>;
  status(context: ProviderContext): Promise<ProviderStatus>;
}

/** The placeholders a provider argument may hold, with what each becomes (docs/reference.md lists them). */
export const PLACEHOLDERS: Readonly<Record<'version' | 'tag' | 'sha' | 'weight' | 'color', string>> = {
  version: 'the release version, e.g. 2.7.0',
  tag: 'the release tag, e.g. v2.7.0',
  sha: 'the full commit id of the release',
  weight: 'percent of traffic for the candidate (traffic action only)',
  color: 'the slot: blue/green (blue-green), canary, or stable',
};

/** Substitute `{version} {tag} {sha} {weight} {color}` inside each argument; each stays ONE argument. */
export function substitutePlaceholders(argv: readonly string[], values: Record<string, string | number | undefined>): string[] {
  return expandPlaceholders(argv, Object.keys(PLACEHOLDERS), values);
}

/** Run argument vectors in order; stop at the first failure. */
export async function runSequence(
  argvs: string[][],
  context: ProviderContext,
  run: (file: string, args: string[], options: RunOptions) => Promise<RunResult>,
): Promise<ProviderRunResult> {
  const runs: RunResult[] = [];
  for (const argv of argvs) {
    const [file, ...args] = argv;
    if (!file) continue;
    const result = await run(file, args, providerRunOptions(context));
    runs.push(result);
    if (result.exitCode !== 0) {
      const why = result.timedOut
        ? `timed out after ${context.timeoutMs} ms`
        : result.spawnError ?? `exit ${result.exitCode}: ${(result.stderr || result.stdout).split('\n').slice(-3).join(' ').slice(0, 300)}`;
      return { ok: false, runs, detail: `\`${result.command}\` failed: ${why}` };
    }
  }
  return { ok: true, runs, detail: runs.length ? `ran ${runs.map((r) => `\`${r.command}\``).join(', ')}` : 'nothing to run' };
}
