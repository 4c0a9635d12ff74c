/**
 * A fixed round of classification the guard runs once, in the process that writes its V8 code cache
 * (cli/guard-launcher.ts), just before the cache is taken: V8 caches the bytecode of every function
 * compiled so far, so the paths a typical call takes (shell parsing, wrappers, git, package scripts,
 * kubectl, helm, interpreters, file tools, the refusal text) are then read from the cache on every
 * later call instead of compiled again. Whatever the first real call happened to be (most often an
 * allowed `ls`), the cache covers the rest.
 *
 * Runs against an in-memory project (no environment; the disk is only asked about /warm-up, which does not
 * exist): it only compiles code, it decides nothing.
 */
import { classifyCommand } from './classify-command.js';
import type { FileLookup } from './guard-context.js';
import { DEFAULT_GUARD_POLICY, policyFromConfig } from './guard-policy.js';
import { isProtectedPath } from './protected-paths.js';
import { refusalMessage } from './refusal-message.js';
import { realPathResolver } from './real-paths.js';

const ROOT = '/warm-up/project';

const FILES: Record<string, string> = {
  [`${ROOT}/.git/HEAD`]: 'ref: refs/heads/main\n',
  [`${ROOT}/.git/config`]: '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@example.com:shop/app.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[branch "main"]\n\tremote = origin\n\tmerge = refs/heads/main\n[alias]\n\tship = push origin HEAD:production\n',
  [`${ROOT}/.git/refs/remotes/origin/HEAD`]: 'ref: refs/remotes/origin/main\n',
  [`${ROOT}/.git/packed-refs`]: '# pack-refs with: peeled fully-peeled sorted\n0000000000000000000000000000000000000000 refs/heads/main\n',
  [`${ROOT}/package.json`]: JSON.stringify({ scripts: { test: 'vitest run', deploy: 'git push origin HEAD:production', predeploy: 'npm test' } }),
  [`${ROOT}/scripts/ship.sh`]: '#!/bin/sh\ngit push origin HEAD:production\n',
};

/**
 * What most calls are: reading, building, testing, committing; and the one refusal agents meet most.
 * Kept short on purpose: V8 reads the whole cache back on every call, so each path warmed here costs
 * every call a little (measured: this list's cache is a fifth smaller than one warming every rule,
 * about 1.5 ms less per call). Rarer paths (kubectl, helm, cloud CLIs, interpreters) compile on use.
 */
const COMMANDS = [
  'ls -la src && git status && git diff --stat',
  'cat README.md | grep -n deploy > /tmp/notes.txt',
  'cd src && npm test',
  'npm run build && git add -A && git commit -m "fix: typo"',
  'git push origin HEAD:production',
  './scripts/ship.sh 1.2.3',
];

function memoryLookup(): FileLookup {
  const dirs = new Map<string, Set<string>>();
  for (const path of Object.keys(FILES)) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i += 1) {
      const dir = parts.slice(0, i).join('/') || '/';
      if (!dirs.has(dir)) dirs.set(dir, new Set());
      dirs.get(dir)!.add(parts[i]!);
    }
  }
  return {
    readText: (path) => FILES[path],
    listDir: (path) => (dirs.has(path) ? [...dirs.get(path)!] : undefined),
    exists: (path) => path in FILES || dirs.has(path),
    // The real resolver, so its code is in the cache: it only asks `lstat` about /warm-up, which does not exist.
    realPath: realPathResolver(),
    caseInsensitive: () => false,
  };
}

/** Classifies the fixed commands (and checks two file-tool paths); the results are thrown away. */
export function warmUpClassifier(): void {
  const env = { HOME: '/warm-up/home', PATH: '/usr/bin:/bin' };
  const policy = policyFromConfig({ environments: { production: { provider: { type: 'command', deploy: ['./scripts/ship.sh', '{version}'] } } } }, ROOT);
  for (const command of COMMANDS) {
    const verdict = classifyCommand(command, { policy: command.startsWith('ls') ? DEFAULT_GUARD_POLICY : policy, env, cwd: ROOT, files: memoryLookup() });
    if (verdict.blocked) refusalMessage(verdict, undefined);
  }
  const files = memoryLookup();
  isProtectedPath(`${ROOT}/src/index.ts`, ROOT, env, files);
  isProtectedPath('/warm-up/home/.local/state/shipgate/key/hmac.key', ROOT, env, files);
}
