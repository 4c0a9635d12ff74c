// Builds the committed bundle under mcp-server/dist/. Plugins install with `npm ci --ignore-scripts`
// and no build step, so this output is committed and CI fails when it is stale.
// Entry points are small; heavy modules are reached through dynamic import() and land in chunks,
// so `tools/list` and the guard hook never load remark or the validator.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const REQUIRE_BANNER = "import { createRequire as __shipgateCreateRequire } from 'node:module'; const require = __shipgateCreateRequire(import.meta.url);";

/**
 * The one esbuild configuration; tests reuse it (with a metafile) to inspect the module graph.
 * `manifest` (from computeManifest) is embedded for `shipgate mcp`'s cold start; without it the
 * server simply loads in full before its first answer.
 */
export function buildOptions(outdir = 'mcp-server/dist', manifest = undefined) {
  return {
    entryPoints: {
      cli: 'mcp-server/src/cli/main.ts',
    },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
    banner: { js: REQUIRE_BANNER },
    ...(manifest ? { plugins: [embedManifest(manifest)] } : {}),
  };
}

/** Replaces server/bundled-manifest.ts with the computed manifest, so it lands only in the chunk that imports it. */
function embedManifest(manifest) {
  return {
    name: 'shipgate-embed-mcp-manifest',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]mcp-server[\\/]src[\\/]server[\\/]bundled-manifest\.ts$/ }, () => ({
        contents: `export const BUNDLED_MANIFEST = ${JSON.stringify(manifest)};\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * The SDK server's start-up answers (mcp-server/src/server/tools-manifest.ts), computed by running the
 * source once: bundled to a temporary file, imported, asked. Deterministic, so the committed bundle
 * stays byte-identical across builds and CI's staleness check holds.
 */
export async function computeManifest() {
  const scratch = await mkdtemp(join(tmpdir(), 'shipgate-manifest-'));
  try {
    await build({
      entryPoints: { manifest: 'mcp-server/src/server/tools-manifest.ts' },
      outdir: scratch,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      logLevel: 'warning',
      banner: { js: REQUIRE_BANNER },
    });
    const { computeToolsManifest } = await import(pathToFileURL(join(scratch, 'manifest.mjs')).href);
    return await computeToolsManifest();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The SessionStart hook runs at every session start (goal: 100 ms spawn to exit, on a fresh clone too).
 * Built on its own, as CommonJS like the guard: Node then never starts its ES module loader, which
 * costs a hook some 15 ms, plus a few more for each file it loads. The entry holds the fast path
 * (cached text); the two dynamic imports it can reach become files of their own, required only when
 * needed: the slow path (summary from the committed checkpoint) and the config loader (only for a
 * config with a `learnings:` section).
 */
const HOOK_CHUNKS = {
  'session-lessons.js': './chunks/hook-lessons.cjs',
  'store-dir-config.js': './chunks/hook-config.cjs',
};

export function hookBuildOptions(outdir = 'mcp-server/dist') {
  return {
    entryPoints: {
      'session-start-hook': 'mcp-server/src/cli/session-start-hook-main.ts',
      'chunks/hook-lessons': 'mcp-server/src/learnings/session-lessons.ts',
      'chunks/hook-config': 'mcp-server/src/learnings/store-dir-config.ts',
    },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // import() of a chunk (or of node:crypto) becomes require(): in a CommonJS file a real import()
    // would start Node's ES module loader, the cost this build exists to avoid.
    supported: { 'dynamic-import': false },
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'shipgate-hook-chunks',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /(session-lessons|store-dir-config)\.js$/ }, (args) => {
            if (args.kind !== 'dynamic-import') return undefined;
            const chunk = HOOK_CHUNKS[args.path.split('/').pop()];
            return chunk ? { path: chunk, external: true } : undefined;
          });
        },
      },
    ],
  };
}

/**
 * The PreToolUse guard runs before every Bash/Write/Edit call, so it is built on its own, as CommonJS
 * (Node starts CommonJS without initialising its ES module loader), in four files:
 * - `guard-hook.cjs`, the process entry (cli/guard-entry.ts): a few kilobytes that read the input and
 *   route it;
 * - `chunks/guard-files.cjs`, the file tools' check (cli/guard-files.ts), required for Write/Edit calls;
 * - `chunks/guard-core.cjs`, the classifier (cli/guard-core.ts), loaded for Bash calls through a V8 code
 *   cache (util/code-cache.ts);
 * - `chunks/guard-yaml.cjs`, the YAML parser, required only when the config changed since the cached
 *   policy was written.
 * The entry is built second: it carries the core's content hash (`__GUARD_CORE_ID__`), which names the
 * code cache, so a new build never runs an old build's bytecode.
 */
/**
 * The guard needs `node:os` only for `homedir()`, when HOME is unset; loading the module costs every
 * call about 0.35 ms. In the guard's files `node:os` is this stand-in, which requires it on first use.
 */
const LAZY_OS = {
  name: 'shipgate-guard-lazy-os',
  setup(pluginBuild) {
    // The stand-in's own require of node:os is left to Node (it is the real module).
    pluginBuild.onResolve({ filter: /^(node:)?os$/ }, (args) => (args.namespace === 'shipgate-lazy-os' ? { path: 'node:os', external: true } : { path: 'lazy-os', namespace: 'shipgate-lazy-os' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'shipgate-lazy-os' }, () => ({
      contents: "export function homedir() { return require('node:os').homedir(); }\n",
      loader: 'js',
    }));
  },
};

export function guardCoreOptions(outdir = 'mcp-server/dist', root = '.') {
  return {
    plugins: [LAZY_OS],
    entryPoints: {
      'chunks/guard-core': join(root, 'mcp-server/src/cli/guard-core.ts'),
      'chunks/guard-files': join(root, 'mcp-server/src/cli/guard-files.ts'),
      'chunks/guard-yaml': join(root, 'mcp-server/src/gates/guard/yaml-parser.ts'),
    },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
  };
}

export function guardEntryOptions(outdir = 'mcp-server/dist', coreId = 'unbuilt', root = '.') {
  return {
    ...guardCoreOptions(outdir, root),
    entryPoints: { 'guard-hook': join(root, 'mcp-server/src/cli/guard-entry.ts') },
    define: { __GUARD_CORE_ID__: JSON.stringify(coreId) },
  };
}

/** Builds the three guard files into `outdir`; `root` is the repository (for callers outside it). */
export async function buildGuard(outdir = 'mcp-server/dist', root = '.', overrides = {}) {
  await build({ ...guardCoreOptions(outdir, root), ...overrides });
  const core = await readFile(join(outdir, 'chunks', 'guard-core.cjs'));
  await build({ ...guardEntryOptions(outdir, createHash('sha256').update(core).digest('hex').slice(0, 16), root), ...overrides });
}

/**
 * The validate worker thread (validate/worker-entry.ts), found by the worker pool next to its own chunk.
 * One CommonJS file, like the hooks: a worker then starts without Node's ES module loader. It holds the
 * parser and the document rules; the RULES registry brings the project rules too, and what those load
 * on demand (the configuration schema: zod, semver) never runs in a worker, so each import() is replaced
 * by a module that only says so: none of it is in the file, none of it is parsed or evaluated.
 */
export function workerBuildOptions(outdir = 'mcp-server/dist') {
  return {
    entryPoints: { 'chunks/validate-worker': 'mcp-server/src/validate/worker-entry.ts' },
    outdir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    supported: { 'dynamic-import': false },
    legalComments: 'none',
    minify: true,
    logLevel: 'warning',
    plugins: [
      {
        name: 'shipgate-worker-no-lazy-modules',
        setup(pluginBuild) {
          pluginBuild.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'not-in-worker' } : undefined));
          pluginBuild.onLoad({ filter: /.*/, namespace: 'not-in-worker' }, (args) => ({
            contents: `throw new Error(${JSON.stringify(`${args.path} is not in the validate worker: project rules run on the main thread`)});\n`,
            loader: 'js',
          }));
        },
      },
    ],
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const options = buildOptions('mcp-server/dist', await computeManifest());
  await rm(options.outdir, { recursive: true, force: true });
  await build(options);
  await build(hookBuildOptions());
  await buildGuard();
  await build(workerBuildOptions());
}
