/**
 * The shape of one CLI command. Each command lives in its own file under cli/commands/ and is listed
 * once in cli/commands/index.ts. Commands are thin: parse argv → call the core → print.
 *
 * Contract (DESIGN.md): `--json` on every command prints ONE JSON document on stdout and nothing else
 * there; exit 0 success, 1 blocked/failed/lint errors, 2 usage or config error, 3 deployed but rolled back.
 */
import type { ParseArgsConfig } from 'node:util';

export interface CliContext {
  cwd: string;
  /** Where a human types (only `attest` reads it: it must be a terminal). */
  stdin?: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Injected clock for tests (deploy windows, dates). */
  now: () => Date;
  signal?: AbortSignal;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** Usage lines shown by `shipgate <name> --help`. */
  usage: string;
  /** Options for node:util parseArgs; `json` and `help` are added by the dispatcher. */
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals: boolean;
  run(input: CliInput, context: CliContext): Promise<number>;
}

export interface CliInput {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  json: boolean;
}
