/**
 * What store-dir.ts needs only when the config has a `learnings:` section: the one validated config
 * loader and the inside-the-project check. One module, so the SessionStart hook's build can keep it
 * in a file of its own (dist/chunks/hook-config.cjs) that the common case never loads.
 */
export { loadConfig } from '../config/load-config.js';
export { resolveInsideProject } from '../util/paths.js';
