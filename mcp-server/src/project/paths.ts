/**
 * Where shipgate keeps machine state. Gate state lives outside the repository (project/state-dir.ts);
 * this module re-exports it so callers keep one import.
 */
export { statePaths, keyPaths, stateRoot, projectId, protectedStatePaths, LEGACY_STATE_DIR, type StatePaths } from './state-dir.js';
