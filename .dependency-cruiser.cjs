/**
 * The import graph of mcp-server/src, in DESIGN.md's terms: imports point DOWN the layers only, and
 * nothing imports in a cycle. `npm run lint:deps` (run by .ci/run) fails on any violation.
 *
 *   5  interfaces   server/ (createServer + one file per tool), cli/
 *   4  operations   gates/ (check runner, verifiers, receipts), release/, deploy/, protection/ (doctor,
 *                   harden), team/ (shared history and locks over git)
 *   3  services     validate/ (rule engine), health/ (probes, monitors), records/ (deployment record,
 *                   ship report, runbook rendering), learnings/ (event store, detection, render)
 *   2  model        skill/ (the typed skill model), config/ (zod schema, loading), project/ (root, git, paths),
 *                   state/ (signed machine state: keys, environment state, run log)
 *   1  effects      exec/ (the ONE place that spawns processes)
 *   0  foundation   errors.ts, version.ts, util/
 *
 * A module may import from its own folder and from any lower layer. Types count: a type imported
 * from a higher layer is still a dependency on it (move the type down instead).
 */
const layers = [
  ['errors\\.ts', 'version\\.ts', 'util/'],
  ['exec/'],
  ['skill/', 'config/', 'project/', 'state/'],
  ['validate/', 'health/', 'records/', 'learnings/'],
  ['gates/', 'release/', 'deploy/', 'protection/', 'team/'],
  ['server/', 'cli/'],
];

const src = '^mcp-server/src/';
const folder = (part) => `${src}${part}`;

/** For each layer: its modules may not import any module of a higher layer. */
const upward = layers.slice(0, -1).map((parts, index) => ({
  name: `layer-${index}-imports-upward`,
  comment: `${parts.join(', ')} (layer ${index}) may only import from layer ${index} or below.`,
  severity: 'error',
  from: { path: parts.map(folder) },
  to: { path: layers.slice(index + 1).flat().map(folder) },
}));

/** Within a layer, folders are peers with a fixed direction where one uses the other. */
const peers = [
  { from: 'skill/', to: ['config/', 'project/'] },
  { from: 'config/', to: ['skill/'] },
  { from: 'validate/', to: ['health/', 'records/', 'learnings/'] },
  { from: 'health/', to: ['validate/', 'records/', 'learnings/'] },
  { from: 'records/', to: ['validate/', 'learnings/'] },
  { from: 'learnings/', to: ['validate/', 'health/', 'records/'] },
  { from: 'gates/', to: ['release/', 'deploy/'] },
  { from: 'release/', to: ['deploy/'] },
  { from: 'server/', to: ['cli/'] },
].map(({ from, to }) => ({
  name: `peer-${from.replace('/', '')}`,
  comment: `${from} may not import ${to.join(', ')}.`,
  severity: 'error',
  from: { path: folder(from) },
  to: { path: to.map(folder) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other (directly or through others) cannot be understood or tested alone.',
      severity: 'error',
      from: { path: src },
      to: { circular: true },
    },
    {
      name: 'spawn-only-in-exec',
      comment: 'Only exec/ spawns processes (DESIGN.md: effects at the edge).',
      severity: 'error',
      from: { path: src, pathNot: `${src}exec/` },
      to: { path: '^(node:)?child_process$|^execa$' },
    },
    {
      name: 'no-orphans',
      comment: 'A source file nothing imports is dead code (entry points excepted).',
      severity: 'error',
      from: { orphan: true, path: src, pathNot: [`${src}cli/(main|guard-hook-main|session-start-hook-main|guard-entry|guard-core|guard-files)\\.ts$`, `${src}gates/guard/yaml-parser\\.ts$`, '\\.d\\.ts$'] },
      to: {},
    },
    ...upward,
    ...peers,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|mcp-server/dist|test|bench|scripts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.js'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
