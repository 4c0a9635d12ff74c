// Writes docs/reference.md from the code (mcp-server/src/cli/reference-doc.ts).
// The registry is TypeScript, so it is bundled in memory with esbuild first. `--check` exits 1 when
// the committed file is stale (test/validate/reference-doc.test.ts asserts the same).
import { build } from 'esbuild';
import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the project so the bundle's external packages (yaml, semver, ...) resolve.
await mkdir(join(root, 'node_modules', '.cache', 'shipgate'), { recursive: true });
const dir = await mkdtemp(join(root, 'node_modules', '.cache', 'shipgate', 'reference-doc-'));
try {
  const outfile = join(dir, 'reference-doc.mjs');
  await build({
    stdin: {
      contents: "export { renderReferenceDoc } from './mcp-server/src/cli/reference-doc.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile,
    logLevel: 'warning',
  });
  const { renderReferenceDoc } = await import(pathToFileURL(outfile).href);
  const text = renderReferenceDoc();
  const target = join(root, 'docs', 'reference.md');
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('docs/reference.md is stale: run `node scripts/gen-reference-doc.mjs`.');
      process.exit(1);
    }
  } else {
    await writeFile(target, text);
    console.log('wrote docs/reference.md');
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
