/**
 * The start-up answers embedded in the bundle: scripts/build.mjs replaces this module's body with the
 * manifest computeToolsManifest() returned at build time. Run from source (tests), there is none, and
 * `shipgate mcp` loads the SDK server before its first answer.
 */
import type { ToolsManifest } from './tools-manifest.js';

export const BUNDLED_MANIFEST: ToolsManifest | undefined = undefined;
