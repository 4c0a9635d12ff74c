/**
 * Builds the bundle (mcp-server/dist/) once, before any test file runs. Many tests spawn the built CLI,
 * hooks and server; a test that rebuilt dist/ itself (the build empties it first) would pull the bundle
 * away from tests running beside it in other workers. CI has just built and checked it, so this
 * rebuild is byte-identical there; locally it keeps the bundle true to the sources under test.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'pipe' });
}
