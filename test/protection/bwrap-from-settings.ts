/**
 * A bubblewrap command line built from Claude Code sandbox settings, reproducing what Claude Code's
 * Linux sandbox does with them (the real client cannot run here without an API key):
 *   - the whole filesystem read-only, the project folder and the temp folder writable, each
 *     `allowWrite` path bound onto itself (`--bind A A`, as the client does for every writable path:
 *     a mount point, which cannot be renamed);
 *   - every `sandbox.filesystem.denyWrite` path (and `Edit(…)` deny rule path) bound read-only again;
 *   - every `denyRead` path hidden (an empty read-only tmpfs over a folder, /dev/null over a file);
 *   - a network namespace of its own: Claude Code routes sandboxed traffic through a filtering proxy
 *     that refuses `deniedDomains`, and loopback (127.0.0.1) is not reachable at all from the sandbox.
 * Paths are resolved like Claude Code resolves them in project settings: `~/` from HOME, `//x` → `/x`
 * in rules, relative paths from the project root.
 */
import { existsSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Settings = { sandbox?: { filesystem?: { allowWrite?: string[]; denyWrite?: string[]; denyRead?: string[] } }; permissions?: { deny?: string[] } };

export function bwrapArgv(settings: Settings, projectRoot: string, home: string, command: string[]): string[] {
  const expand = (p: string) => resolve(p === '~' ? home : p.startsWith('~/') ? join(home, p.slice(2)) : p.startsWith('//') ? p.slice(1) : p.startsWith('/') ? p : join(projectRoot, p));
  const rule = (kind: string) => (settings.permissions?.deny ?? []).map((r) => new RegExp(`^${kind}\\((.+?)(/\\*\\*)?\\)$`).exec(r)?.[1]).filter((p): p is string => !!p && !p.startsWith('**'));
  const denyWrite = [...(settings.sandbox?.filesystem?.denyWrite ?? []), ...rule('Edit')].map(expand).filter((p) => existsSync(p));
  const denyRead = [...(settings.sandbox?.filesystem?.denyRead ?? []), ...rule('Read')].map(expand).filter((p) => existsSync(p));
  const allowWrite = (settings.sandbox?.filesystem?.allowWrite ?? []).map(expand).filter((p) => existsSync(p));
  const argv = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--bind', tmpdir(), tmpdir(), '--bind', projectRoot, projectRoot];
  for (const path of new Set(allowWrite)) argv.push('--bind', path, path);
  for (const path of new Set(denyWrite)) argv.push('--ro-bind', path, path);
  for (const path of new Set(denyRead)) {
    if (statSync(path).isDirectory()) argv.push('--tmpfs', path, '--remount-ro', path);
    else argv.push('--ro-bind', '/dev/null', path);
  }
  argv.push('--unshare-net', '--die-with-parent', '--chdir', projectRoot, '--', ...command);
  return argv;
}
