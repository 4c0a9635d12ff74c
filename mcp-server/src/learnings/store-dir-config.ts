/**
 * What store-dir.ts needs only when the config has a `learnings:` section: the one validated config
 * loader and the inside-the-project check (also loaded when the default folder is a link out of the project). One module, so the SessionStart hook's build can keep it
 * in a file of its own (dist/chunks/hook-config.cjs) that the common case never loads.
 */
export { loadConfig } from '../config/load-config.js';
export { resolveConfiguredPath } from '../util/paths.js';
