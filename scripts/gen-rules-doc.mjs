// Writes docs/rules.md from the rule registry (mcp-server/src/validate/rules/index.ts).
// The registry is TypeScript, so it is bundled in memory with esbuild first. `--check` exits 1 when
// the committed file is stale (test/validate/rules-doc.test.ts asserts the same).
import { build } from 'esbuild';
import { readFile, writeFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// Inside the project so the bundle's external packages (yaml, semver, ...) resolve.
await mkdir(join(root, 'node_modules', '.cache', 'shipgate'), { recursive: true });
const dir = await mkdtemp(join(root, 'node_modules', '.cache', 'shipgate', 'rules-doc-'));
try {
  const outfile = join(dir, 'rules-doc.mjs');
  await build({
    stdin: {
      contents: "export { renderRulesDoc } from './mcp-server/src/validate/rules-doc.ts'; export { RULES } from './mcp-server/src/validate/rules/index.ts';",
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
  const { renderRulesDoc, RULES } = await import(pathToFileURL(outfile).href);
  const text = renderRulesDoc(RULES);
  const target = join(root, 'docs', 'rules.md');
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== text) {
      console.error('docs/rules.md is stale: run `node scripts/gen-rules-doc.mjs`.');
      process.exit(1);
    }
  } else {
    await writeFile(target, text);
    console.log(`wrote docs/rules.md (${RULES.length} rules)`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
