/**
 * What the classifier may look at besides the command text: the policy from the project config, the
 * hook's environment, and a read-only view of files (git metadata, kubeconfig, package.json, Makefile,
 * workflows). Reads go through `FileLookup` so the classifier itself never touches the disk and tests
 * can hand it any view; the hook hands it the real filesystem (fs-lookup.ts).
 */
import type { GuardPolicy } from './guard-policy.js';

export interface FileLookup {
  /** File content, or undefined when it does not exist or cannot be read. */
  readText(path: string): string | undefined;
  /** Names in a directory, or undefined. */
  listDir(path: string): string[] | undefined;
  exists(path: string): boolean;
  /** Absolute path with symlinks resolved through the nearest existing parent. */
  realPath(path: string): string;
  /** Whether names in this existing directory compare without regard to case. */
  caseInsensitive(dir: string): boolean;
}

export interface GuardContext {
  policy: GuardPolicy;
  /** The hook process's environment (HOME, KUBECONFIG, XDG_STATE_HOME, ...). */
  env: Readonly<Record<string, string | undefined>>;
  /** Where the tool call runs (the hook input's `cwd`). */
  cwd: string;
  files: FileLookup;
}

/** What earlier commands of the same Bash call changed: directory, variables, kube context. */
export interface ShellState {
  cwd: string;
  vars: Map<string, string>;
  /** Set by `kubectl config use-context X` earlier in the same call. */
  kubeContext?: string;
  kubeNamespace?: string;
}
