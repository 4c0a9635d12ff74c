/**
 * Loads a CommonJS file through a V8 code cache kept in a folder of shipgate's state, so a process
 * that runs for a few milliseconds (the PreToolUse guard, before every tool call) does not compile
 * the same 90 KB on every start. The cache is the bytecode V8 serialises after the code has run
 * (`Script.createCachedData()`), so it holds the functions used, not only the top level; reading it
 * back (`new Script(source, { cachedData })`) skips parsing and compiling them.
 *
 * Correctness does not depend on the cache:
 * - its name carries the code's build id, the file's size and time, and everything V8's check covers
 *   loosely or not at all (Node version, architecture, V8 flags from the command line and
 *   NODE_OPTIONS), so a new build or a new Node never reads an old cache;
 * - V8 still checks it (version, flags, source length) and compiles from source when it refuses it;
 *   a fresh cache is then written, atomically (exclusive temporary file, then rename);
 * - when there is no cache folder, or the cache machinery fails, the file is required as usual.
 *
 * Trust: whoever can write the cache folder can make the guard run other code. It lives under the
 * state root, which the guard refuses to write and `shipgate harden` denies to the sandbox, the same
 * wall as the policy cache and the gate state beside it (docs/security.md).
 */
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export interface CachedModule<T> {
  exports: T;
  /** 'cache': bytecode read from the cache; 'compiled': compiled from source (no cache, or refused); 'plain': `require`. */
  loadedFrom: 'cache' | 'compiled' | 'plain';
  /**
   * Writes a fresh cache when this process compiled from source; a no-op otherwise. `prepare` runs
   * first, so what it compiles is in the cache too. Never throws: a cache that cannot be written only costs speed.
   */
  saveCache(prepare?: () => void): void;
}

type ModuleWrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/** FNV-1a, 32 bits, hex: a short stable name part (not a security hash; V8 and the build id check content). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}

/** `<folder>/<stem>-<build id>-<hash of file stamp, Node, arch, V8 flags>.v8` */
export function codeCachePath(folder: string, file: string, buildId: string, stem: string): string {
  const stat = statSync(file);
  const runtime = [stat.size, stat.mtimeMs, stat.ino, process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? ''].join('\0');
  return join(folder, `${stem}-${buildId}-${shortHash(runtime)}.v8`);
}

export function requireWithCodeCache<T>(file: string, cacheFolder: string | undefined, buildId: string, nodeRequire: NodeJS.Require): CachedModule<T> {
  const stem = 'code';
  let cacheFile: string | undefined;
  let source: string;
  let script: Script;
  let cachedData: Buffer | undefined;
  try {
    cacheFile = cacheFolder ? codeCachePath(cacheFolder, file, buildId, stem) : undefined;
    source = readFileSync(file, 'utf8');
    if (cacheFile) {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        cachedData = undefined;
      }
    }
    // The same wrapper Node puts around a CommonJS file, so the code sees the usual five names.
    script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, ...(cachedData ? { cachedData } : {}) });
  } catch {
    return { exports: nodeRequire(file) as T, loadedFrom: 'plain', saveCache: () => undefined };
  }
  const module = { exports: {} as unknown };
  (script.runInThisContext() as ModuleWrapper)(module.exports, nodeRequire, module, file, dirname(file));
  // `cachedDataRejected` is only set when V8 was given data to check (an empty file gives it none).
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  return {
    exports: module.exports as T,
    loadedFrom: fromCache ? 'cache' : 'compiled',
    saveCache(prepare) {
      if (fromCache || !cacheFile) return;
      try {
        // The temporary file first: where the cache cannot be written, nothing is warmed or serialised
        // for nothing on every call.
        writeAtomically(cacheFile, () => {
          prepare?.();
          return script.createCachedData();
        });
        removeOtherBuilds(dirname(cacheFile), `${stem}-${buildId}-`, stem);
      } catch {
        // a cache that cannot be written only costs speed
      }
    },
  };
}

function writeAtomically(file: string, produce: () => Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  // 'wx': never through a file or link already at the temporary name.
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeFileSync(fd, produce());
    closeSync(fd);
    renameSync(temp, file);
  } catch (error) {
    try { closeSync(fd); } catch { /* already closed */ }
    unlinkSync(temp);
    throw error;
  }
}

/**
 * Caches of other builds are dead weight once nobody uses them: those written more than a week ago go.
 * Not all of them at once: two builds in use side by side (an installed plugin and a checkout run with
 * --plugin-dir) would then delete each other's cache on every call and compile every time.
 */
const STALE_AFTER_MS = 7 * 24 * 3600 * 1000;

function removeOtherBuilds(folder: string, keepPrefix: string, stem: string): void {
  const cutoff = Date.now() - STALE_AFTER_MS;
  for (const name of readdirSync(folder)) {
    if (!name.startsWith(`${stem}-`) || !name.endsWith('.v8') || name.startsWith(keepPrefix)) continue;
    try {
      const file = join(folder, name);
      if (statSync(file).mtimeMs < cutoff) unlinkSync(file);
    } catch {
      // another hook removed it first
    }
  }
}
