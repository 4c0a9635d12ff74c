/**
 * The project a command works on: the nearest folder (walking up from where it started) holding a
 * shipgate configuration, else the nearest folder holding `.git` (the git top level, a worktree's
 * `.git` file included), else the start itself. Always a realpath, so later "inside the project"
 * checks compare like with like.
 *
 * Claude Code starts the MCP server and runs the SessionStart hook in the folder the session was
 * launched from (`CLAUDE_PROJECT_DIR`), which is often a subfolder such as `<project>/app`. Walking up
 * keeps one project, one gate and one learnings store for the whole repository.
 *
 * Good: started in `<repo>/app`, config at `<repo>/shipgate.config.yaml` → `<repo>`.
 * Bad:  `<repo>/app` as the root: no config found, the default gate runs, a second learnings store.
 *
 * Uses only node:fs (no `git` process), so the SessionStart hook can call it on its fast path.
 */
import { realpath, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAMES } from './config-file-names.js';

export async function findProjectRoot(cwd: string): Promise<string> {
  const start = await realpath(cwd);
  let gitTop: string | undefined;
  for (let folder = start; ; folder = dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      if (await isFile(join(folder, name))) return folder;
    }
    if (gitTop === undefined && (await exists(join(folder, '.git')))) gitTop = folder;
    if (dirname(folder) === folder) break;
  }
  return gitTop ?? start;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
