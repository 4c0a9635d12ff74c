import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  runArgv
} from "./chunk-GHJBZYRF.js";
import {
  BlockedError
} from "./chunk-Z6DQB4O2.js";

// mcp-server/src/project/git.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var GIT_TIMEOUT_MS = 3e4;
async function git(projectRoot, args, signal) {
  return runArgv("git", args, { cwd: projectRoot, timeoutMs: GIT_TIMEOUT_MS, signal, env: { GIT_TERMINAL_PROMPT: "0" } });
}
async function headCommit(projectRoot, signal) {
  const direct = await readHeadDirectly(projectRoot);
  if (direct) return direct;
  const result = await git(projectRoot, ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], signal);
  const sha = result.stdout.trim();
  if (result.exitCode !== 0 || !/^[0-9a-f]{40,64}$/.test(sha)) {
    throw new BlockedError("The project has no commit to gate.", {
      where: projectRoot,
      expected: "a git repository with at least one commit (gates and receipts are bound to a commit SHA)",
      hint: "Run `git init` and commit your work, then run `shipgate gate` again."
    });
  }
  return sha;
}
async function commitParents(projectRoot, commit) {
  const result = await git(projectRoot, ["rev-list", "--parents", "-n", "1", commit, "--"]);
  if (result.exitCode !== 0) return [];
  return result.stdout.trim().split(/\s+/).slice(1);
}
async function changedPaths(projectRoot, from, to) {
  const result = await git(projectRoot, ["diff", "--name-only", "--no-renames", from, to, "--"]);
  if (result.exitCode !== 0) return null;
  return result.stdout.split("\n").filter(Boolean);
}
var SHA = /^[0-9a-f]{40}$/;
async function readHeadDirectly(projectRoot) {
  try {
    const gitDir = join(projectRoot, ".git");
    const head = (await readFile(join(gitDir, "HEAD"), "utf8")).trim();
    if (SHA.test(head)) return head;
    const ref = /^ref: (refs\/heads\/[^\s]+)$/.exec(head)?.[1];
    if (!ref || ref.includes("..")) return void 0;
    const loose = await readFile(join(gitDir, ref), "utf8").then((t) => t.trim(), () => void 0);
    if (loose !== void 0) return SHA.test(loose) ? loose : void 0;
    const packed = await readFile(join(gitDir, "packed-refs"), "utf8").catch(() => "");
    const line = packed.split("\n").find((l) => l.endsWith(` ${ref}`));
    const sha = line?.slice(0, 40);
    return sha && SHA.test(sha) ? sha : void 0;
  } catch {
    return void 0;
  }
}

export {
  git,
  headCommit,
  commitParents,
  changedPaths
};
