/**
 * Where shipgate keeps machine state. Gate state lives outside the repository (project/state-dir.ts);
 * this module re-exports it so callers keep one import.
 */
export { statePaths } from './state-dir.js';
