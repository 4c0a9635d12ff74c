import { accessSync, constants, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';

/**
 * Where one of shipgate's OWN programs (git, ssh-keygen, bwrap) is, by name, from the folders on PATH
 * the agent cannot write: an empty or relative entry (the working folder: the project), a folder inside
 * `cwd` (a project's `node_modules/.bin`) or inside the temp folder are skipped. Those are writable from
 * the agent's sandbox, and a `git` planted there would run as shipgate, outside it, with the key in
 * reach. The project's own commands keep the whole PATH (they are the project's code anyway).
 * Returns the name unchanged when no safe folder has it (the spawn then fails with "not found").
 *
 * Good: `trustedProgram('git', projectRoot)` → `/usr/bin/git` with PATH=`./node_modules/.bin:/usr/bin`.
 * Bad:  spawning `git` by name from the project folder with an empty PATH entry: `./git` runs.
 */
export function trustedProgram(name: string, cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  if (name.includes('/')) return name;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!isTrustedPathEntry(dir, cwd)) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
  }
  return name;
}

/** A PATH entry the agent's sandbox cannot write: absolute, outside `cwd` and outside the temp folder. */
export function isTrustedPathEntry(dir: string, cwd: string): boolean {
  if (!dir || !isAbsolute(dir)) return false;
  const inside = (folder: string) => { const f = resolve(folder).replace(/\/+$/, ''); const d = resolve(dir); return d === f || d.startsWith(`${f}/`); };
  return !inside(cwd) && !inside(tmpdir()) && !inside('/tmp') && !inside('/var/tmp');
}
