import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);
import {
  InputError
} from "./chunk-Z6DQB4O2.js";

// mcp-server/src/util/paths.ts
import { realpath } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep, dirname, basename, join } from "node:path";
async function resolveInsideProject(root, untrusted, argumentName = "path") {
  if (untrusted.includes("\0")) {
    throw new InputError(`The ${argumentName} contains a NUL byte.`, { where: argumentName, expected: "a plain relative path inside the project" });
  }
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, untrusted);
  ensureInside(realRoot, candidate, argumentName, untrusted);
  let existing = candidate;
  const rest = [];
  for (; ; ) {
    try {
      const real = await realpath(existing);
      const full = rest.length ? join(real, ...rest.reverse()) : real;
      ensureInside(realRoot, full, argumentName, untrusted);
      return full;
    } catch (error) {
      if (error instanceof InputError) throw error;
      const parent = dirname(existing);
      if (parent === existing) throw error;
      rest.push(basename(existing));
      existing = parent;
    }
  }
}
function ensureInside(root, candidate, argumentName, untrusted) {
  const rel = relative(root, candidate);
  if (rel === "") return;
  if (rel.startsWith(`..${sep}`) || rel === ".." || isAbsolute(rel)) {
    throw new InputError(`The ${argumentName} points outside the project.`, {
      where: argumentName,
      expected: `a path inside ${root}`,
      found: untrusted.length > 200 ? `${untrusted.slice(0, 200)}\u2026` : untrusted
    });
  }
}

export {
  resolveInsideProject
};
