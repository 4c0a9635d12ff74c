/**
 * A cold `shipgate validate` is one process: every module its path compiles is paid on every run. This
 * walks esbuild's metafile for the real build options from the cli entry through the `validate` command
 * chunk, the engine and the formatters (import statements only; import() is what loads on demand) and
 * checks that the Markdown tree (remark), the configuration schema (zod), the content-hash cache (node:crypto)
 * and the worker thread's own entry stay off it: each is imported only by the run (or thread) that needs it.
 * The pool itself (worker-pool.ts: node:worker_threads and a queue) is on it, so the engine can start
 * workers synchronously, in the middle of the file walk, the moment the tree turns out large enough; it
 * requires node:worker_threads (~3 ms to load) only then, so that stays off the path too.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

async function staticModulesOfValidate(): Promise<string[]> {
  const { buildOptions } = (await import(pathToFileURL(join(repoRoot, 'scripts/build.mjs')).href)) as { buildOptions: (outdir: string) => Record<string, unknown> };
  const outdir = mkdtempSync(join(tmpdir(), 'shipgate-meta-'));
  try {
    const { metafile } = await esbuild({ ...buildOptions(outdir), write: false, metafile: true, logLevel: 'silent' } as Parameters<typeof esbuild>[0] & { metafile: true });
    const outputs = metafile.outputs;
    const outRel = relative(repoRoot, outdir);
    // The chunks import() reaches from the validate command: the command itself, the engine, the formatters.
    const dynamicTargets = (output: string) => outputs[output]!.imports.filter((i) => i.kind === 'dynamic-import' && !i.external).map((i) => i.path);
    const holding = (input: string) => Object.entries(outputs).find(([, o]) => Object.keys(o.inputs).includes(input))?.[0];
    const command = holding('mcp-server/src/cli/commands/validate.ts');
    if (!command) throw new Error('no output holds the validate command');
    const modules = new Set<string>();
    const seen = new Set<string>();
    const walk = (output: string) => {
      if (seen.has(output)) return;
      seen.add(output);
      const meta = outputs[output]!;
      for (const input of Object.keys(meta.inputs)) {
        const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
        modules.add(pkg ? `node_modules/${pkg[1]}` : input);
      }
      for (const imported of meta.imports) {
        if (imported.kind !== 'import-statement') continue;
        if (imported.external) modules.add(imported.path);
        else walk(imported.path);
      }
    };
    walk(`${outRel}/cli.js`);
    walk(command);
    for (const target of dynamicTargets(command)) walk(target);
    return [...modules];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

describe('the cold validate path', () => {
  it('loads the engine, the rules and the skill parser, but not remark, the config schema, the cache (node:crypto) or the worker entry', async () => {
    const modules = await staticModulesOfValidate();
    expect(modules).toEqual(expect.arrayContaining(['mcp-server/src/validate/engine.ts', 'mcp-server/src/skill/parse-skill.ts', 'mcp-server/src/validate/rules/config-schema.ts']));
    const forbidden = modules.filter((m) => /^node_modules\/(remark-|unified|mdast|micromark|character-entities|zod)|^mcp-server\/src\/(config\/schema|skill\/markdown-tree|validate\/cache|validate\/cache-key|validate\/worker-entry)\.ts$/.test(m));
    expect(forbidden).toEqual([]);
    // Loading node:worker_threads costs ~3 ms: the pool requires it only when it starts workers.
    expect(modules.filter((m) => /^(node:)?worker_threads$/.test(m))).toEqual([]);
  }, 60_000);
});
