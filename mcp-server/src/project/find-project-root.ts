/**
 * The project a command works on: the nearest folder (walking up from cwd) holding a shipgate
 * configuration, else the git top level, else cwd itself. Always a realpath, so later
 * "inside the project" checks compare like with like. Cheap on the common path: no YAML, schema
 * or process runner is loaded when a config file is found.
 */
import { realpath, access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/config-file-names.js';

export async function findProjectRoot(cwd: string): Promise<string> {
  const start = await realpath(cwd);
  for (let folder = start; ; folder = dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      if (await exists(join(folder, name))) return folder;
    }
    if (dirname(folder) === folder) break;
  }
  // Loaded only when no config was found: the process runner is a large module to load for nothing.
  const { runArgv } = await import('../exec/run.js');
  const git = await runArgv('git', ['rev-parse', '--show-toplevel'], { cwd: start, timeoutMs: 10_000 });
  if (git.exitCode === 0 && git.stdout.trim()) return realpath(git.stdout.trim());
  return start;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
