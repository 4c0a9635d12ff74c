import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);

// mcp-server/src/gates/glob-files.ts
import { readdir, stat, realpath } from "node:fs/promises";
import { join, relative, isAbsolute, sep } from "node:path";
var MAX_ENTRIES = 2e4;
async function globFiles(projectRoot, pattern) {
  if (pattern.includes("\0") || isAbsolute(pattern) || pattern.split("/").includes("..")) return [];
  const root = await realpath(projectRoot);
  const segments = pattern.split("/").filter((s) => s !== "" && s !== ".");
  const found = [];
  let budget = MAX_ENTRIES;
  async function walk(folder, index) {
    if (budget <= 0) return;
    const segment = segments[index];
    if (segment === void 0) return;
    const last = index === segments.length - 1;
    if (segment === "**") {
      await walk(folder, index + 1);
      for (const entry of await list(folder)) {
        if (entry.isDirectory() && entry.name !== ".git" && entry.name !== "node_modules") await walk(join(folder, entry.name), index);
      }
      return;
    }
    const matcher = segmentMatcher(segment);
    for (const entry of await list(folder)) {
      budget -= 1;
      if (!matcher(entry.name)) continue;
      const full = join(folder, entry.name);
      if (last) {
        const info = await safeStat(full);
        if (info?.isFile() && await inside(root, full)) found.push({ path: full, relativePath: relative(root, full).split(sep).join("/"), mtimeMs: info.mtimeMs, size: info.size });
      } else if (entry.isDirectory() || entry.isSymbolicLink()) {
        if (await inside(root, full)) await walk(full, index + 1);
      }
    }
  }
  await walk(root, 0);
  return found;
}
function newest(matches) {
  return [...matches].sort((a, b) => b.mtimeMs - a.mtimeMs)[0];
}
function segmentMatcher(segment) {
  if (!/[*?]/.test(segment)) return (name) => name === segment;
  const source = segment.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*").replace(/\?/g, "[^/]");
  const regex = new RegExp(`^${source}$`);
  return (name) => (segment.startsWith(".") || !name.startsWith(".")) && regex.test(name);
}
async function list(folder) {
  try {
    return await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
}
async function safeStat(path) {
  try {
    return await stat(path);
  } catch {
    return void 0;
  }
}
async function inside(root, path) {
  try {
    const real = await realpath(path);
    const rel = relative(root, real);
    return rel === "" || !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
  } catch {
    return false;
  }
}

export {
  globFiles,
  newest
};
