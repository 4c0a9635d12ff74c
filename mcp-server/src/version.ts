/**
 * shipgate's own version, read from its package.json at run time rather than baked into the bundle:
 * `shipgate bump` then changes only version files and the changelog, and the committed bundle stays
 * current across a release (CI fails on a stale bundle).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readOwnVersion(): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    try {
      const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'shipgate' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No package.json here: keep walking up.
    }
    const parent = dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return '0.0.0-unknown';
}

export const SHIPGATE_VERSION = readOwnVersion();
