import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  CONFIG_FILE_NAMES
} from "./chunk-NRUS7RPD.js";
import {
  runArgv
} from "./chunk-GHJBZYRF.js";

// mcp-server/src/project/find-project-root.ts
import { realpath, access } from "node:fs/promises";
import { dirname, join } from "node:path";
async function findProjectRoot(cwd) {
  const start = await realpath(cwd);
  for (let folder = start; ; folder = dirname(folder)) {
    for (const name of CONFIG_FILE_NAMES) {
      if (await exists(join(folder, name))) return folder;
    }
    if (dirname(folder) === folder) break;
  }
  const git = await runArgv("git", ["rev-parse", "--show-toplevel"], { cwd: start, timeoutMs: 1e4 });
  if (git.exitCode === 0 && git.stdout.trim()) return realpath(git.stdout.trim());
  return start;
}
async function exists(path) {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

export {
  findProjectRoot
};
