import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  ConflictError
} from "./chunk-Z6DQB4O2.js";

// mcp-server/src/learnings/lock.ts
import { open, readFile, rm, stat, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
async function withFileLock(lockPath, action, options = {}) {
  const release = await acquireFileLock(lockPath, options);
  try {
    return await action();
  } finally {
    await release();
  }
}
async function acquireFileLock(lockPath, options = {}) {
  const timeoutMs = options.timeoutMs ?? 15e3;
  const staleMs = options.staleMs ?? 3e4;
  const deadline = Date.now() + timeoutMs;
  const token = `${process.pid} ${Date.now()} ${Math.random().toString(36).slice(2)}`;
  await mkdir(dirname(lockPath), { recursive: true });
  let delay = 2;
  for (; ; ) {
    try {
      const handle = await open(lockPath, "wx");
      try {
        await handle.writeFile(token);
      } finally {
        await handle.close();
      }
      return async () => {
        const current = await readFile(lockPath, "utf8").catch(() => void 0);
        if (current === token) await rm(lockPath, { force: true });
      };
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    const staleOwner = await staleLockOwner(lockPath, staleMs);
    if (staleOwner !== void 0) {
      const again = await readFile(lockPath, "utf8").catch(() => void 0);
      if (again === staleOwner) await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      const owner = await readFile(lockPath, "utf8").catch(() => "?");
      throw new ConflictError("The learnings store is locked by another run.", {
        where: lockPath,
        expected: `the lock to be released within ${timeoutMs} ms`,
        found: `held by "${owner.split(" ")[0] ?? "?"}"`,
        hint: "Wait for the other shipgate run to finish; if no run is active, delete the lock file."
      });
    }
    await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
    delay = Math.min(delay * 2, 50);
  }
}
async function staleLockOwner(lockPath, staleMs) {
  try {
    const [content, info] = await Promise.all([readFile(lockPath, "utf8"), stat(lockPath)]);
    const age = Date.now() - info.mtimeMs;
    if (age > staleMs) return content;
    const pid = Number(content.split(" ")[0]);
    if (!Number.isInteger(pid) || pid <= 0) {
      return age > 1e3 ? content : void 0;
    }
    return processAlive(pid) ? void 0 : content;
  } catch {
    return void 0;
  }
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

export {
  withFileLock
};
