/**
 * The names that tie the plugin content to the server: every shipgate MCP tool a command or skill
 * names is one of DESIGN.md's 11 tools (and in the server's registry once it exists); the manifests start
 * the bundle the build produces; the learnings catalog holds the pitfalls of seeds 003 and 004, and the
 * skills define each of them exactly once.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadSkillFile } from '../../mcp-server/src/skill/load-skill.js';
import {
  COMMAND_NAMES, DESIGN_TOOLS, PLUGIN_ROOT, SEED_003_PITFALLS, SEED_004_PITFALLS, SKILL_NAMES, TOOL_PREFIX,
  commandPath, markdownFilesUnder, skillPath, toolNamesIn,
} from './plugin-files.js';

const readJson = (relative: string): Record<string, unknown> => JSON.parse(readFileSync(join(PLUGIN_ROOT, relative), 'utf8')) as Record<string, unknown>;

/** Tool names from server/tools/index.ts when its owner has written it; null until then. */
async function registeredToolNames(): Promise<string[] | null> {
  const index = join(PLUGIN_ROOT, 'mcp-server', 'src', 'server', 'tools', 'index.ts');
  if (!existsSync(index)) return null;
  const module = (await import(pathToFileURL(index).href)) as Record<string, unknown>;
  const list = Object.values(module).find((value) => Array.isArray(value) && value.every((tool) => typeof (tool as { name?: unknown })?.name === 'string'));
  return Array.isArray(list) ? list.map((tool) => (tool as { name: string }).name) : null;
}

/** A command's text after its frontmatter. */
function bodyOf(text: string): string {
  return text.startsWith('---') ? text.slice(text.indexOf('\n---', 3) + 4) : text;
}

/** Where the body first names a tool as a call (`tool`); -1 when it never does. */
function firstCall(body: string, tool: string): number {
  return body.search(new RegExp(`\`${tool}\``));
}

describe('MCP tool names in commands and skills', () => {
  it.each(COMMAND_NAMES)('/%s only names DESIGN.md tools, and lists in allowed-tools every tool its body uses', async (name) => {
    const document = await loadSkillFile(commandPath(name));
    const allowed = toolNamesIn(String(document.frontmatter?.data['allowed-tools'] ?? ''));
    expect(allowed.length).toBeGreaterThan(0);
    for (const tool of allowed) expect(DESIGN_TOOLS as readonly string[], tool).toContain(tool);
    const body = document.text.slice(document.frontmatter?.position ? document.text.indexOf('---', 3) + 3 : 0);
    const used = [...body.matchAll(/`([a-z]+_[a-z_]+|deploy|rollback)`/g)].map((m) => m[1] ?? '').filter((word) => (DESIGN_TOOLS as readonly string[]).includes(word));
    expect(used.length).toBeGreaterThan(0);
    for (const tool of used) expect(allowed, `${name} uses ${tool} without allowing it`).toContain(tool);
  });

  it('every tool named anywhere in skills and commands is a DESIGN.md tool', () => {
    for (const file of [...markdownFilesUnder('skills'), ...markdownFilesUnder('commands')]) {
      for (const tool of toolNamesIn(readFileSync(file, 'utf8'))) expect(DESIGN_TOOLS as readonly string[], `${file}: ${TOOL_PREFIX}${tool}`).toContain(tool);
    }
  });

  // Structure, not sentences: the commands' wording may change freely as long as these hold.
  it.each(COMMAND_NAMES)('/%s has a description, an argument hint its body uses as $ARGUMENTS, and no raw deploy command allowed', async (name) => {
    const document = await loadSkillFile(commandPath(name));
    const data = document.frontmatter?.data ?? {};
    expect(typeof data['description'] === 'string' && data['description'].trim().length, name).toBeGreaterThan(0);
    expect(typeof data['argument-hint'] === 'string' && data['argument-hint'].trim().length, name).toBeGreaterThan(0);
    expect(bodyOf(document.text), name).toContain('$ARGUMENTS');
    expect(String(data['allowed-tools'] ?? ''), name).not.toMatch(/Bash\((kubectl|git push|docker)/);
  });

  it.each(['deploy-production', 'ship-prod', 'deploy'])('/%s calls gate_check before deploy and acts on its blockedBy', async (name) => {
    const body = bodyOf((await loadSkillFile(commandPath(name))).text);
    const gate = firstCall(body, 'gate_check');
    expect(gate, name).toBeGreaterThanOrEqual(0);
    expect(gate, name).toBeLessThan(firstCall(body, 'deploy'));
    expect(body, name).toContain('`blockedBy`');
  });

  it('/ship-prod bumps the version between the gate and the deploy, first as a dry run', async () => {
    const body = bodyOf((await loadSkillFile(commandPath('ship-prod'))).text);
    const bump = firstCall(body, 'version_bump');
    expect(firstCall(body, 'gate_check')).toBeLessThan(bump);
    expect(bump).toBeLessThan(firstCall(body, 'deploy'));
    // The first version_bump call does not apply; `apply: true` comes only after it.
    expect(body.indexOf('`apply: true`')).toBeGreaterThan(bump);
  });

  it('names only tools the server registers (once server/tools/index.ts exists)', async () => {
    const registered = await registeredToolNames();
    const named = new Set([...markdownFilesUnder('skills'), ...markdownFilesUnder('commands')].flatMap((file) => toolNamesIn(readFileSync(file, 'utf8'))));
    expect(named.size).toBeGreaterThanOrEqual(10);
    if (existsSync(join(PLUGIN_ROOT, 'mcp-server', 'src', 'server', 'tools', 'index.ts'))) expect(registered).not.toBeNull();
    if (registered) for (const tool of named) expect(registered, tool).toContain(tool);
  });
});

describe('manifests', () => {
  it('plugin.json names the plugin shipgate with the package version', () => {
    const plugin = readJson('.claude-plugin/plugin.json');
    const pkg = readJson('package.json');
    expect(plugin).toMatchObject({ name: 'shipgate', version: pkg['version'], license: 'MIT' });
    expect(plugin['author']).toMatchObject({ name: expect.any(String) });
    expect(plugin['keywords']).toEqual(expect.arrayContaining(['deployment']));
  });

  it('marketplace.json offers the plugin from the `plugin` branch (runtime files only: nothing to npm-install)', () => {
    const marketplace = readJson('.claude-plugin/marketplace.json');
    expect(marketplace['name']).toBe('shipgate');
    expect(marketplace['plugins']).toEqual([expect.objectContaining({ name: 'shipgate', source: { source: 'url', url: 'https://github.com/shipgate/shipgate.git', ref: 'plugin' } })]);
  });

  it('.mcp.json starts the bundled server as "shipgate" and hooks.json wires the two hooks to bundle entries', () => {
    const build = readFileSync(join(PLUGIN_ROOT, 'scripts', 'build.mjs'), 'utf8');
    const mcp = readJson('.mcp.json') as { mcpServers: Record<string, { command: string; args: string[] }> };
    // alwaysLoad: the schemas reach the model at once, also where the client defers MCP tools behind tool search.
    expect(mcp.mcpServers['shipgate']).toEqual({ command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/cli.js', 'mcp'], alwaysLoad: true });
    const hooks = readJson('hooks/hooks.json') as { hooks: Record<string, { matcher?: string; hooks: { type: string; command: string }[] }[]> };
    expect(hooks.hooks['SessionStart']?.[0]?.hooks[0]?.command).toBe('node "${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/session-start-hook.cjs"');
    expect(hooks.hooks['PreToolUse']?.[0]?.matcher).toBe('Bash|Write|Edit|MultiEdit|NotebookEdit');
    expect(hooks.hooks['PreToolUse']?.[0]?.hooks[0]?.command).toBe('node "${CLAUDE_PLUGIN_ROOT}/mcp-server/dist/guard-hook.cjs"');
    // Each file the manifests start is an entry point of the build.
    for (const entry of ["cli:", "'guard-hook':", "'session-start-hook':"]) expect(build).toContain(entry);
  });
});

describe('learnings catalog', () => {
  const allIds = [...SEED_003_PITFALLS, ...SEED_004_PITFALLS];

  it('catalog.md lists the eight pitfalls of seeds 003 and 004 with impact, prevention and detection', () => {
    const catalog = readFileSync(join(PLUGIN_ROOT, 'learnings', 'catalog.md'), 'utf8');
    const rows = catalog.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows.map((row) => /^\| `([a-z_]+)`/.exec(row)?.[1]).sort()).toEqual([...allIds].sort());
    for (const row of rows) expect(row.split('|').filter((cell) => cell.trim()).length, row).toBe(5);
  });

  it('the skills define each of the eight exactly once, with an impact', async () => {
    const pitfalls = (await Promise.all(SKILL_NAMES.map((name) => loadSkillFile(skillPath(name))))).flatMap((document) => document.model.pitfalls);
    expect(pitfalls.map((p) => p.id).sort()).toEqual([...allIds].sort());
    for (const pitfall of pitfalls) expect(pitfall.impact, pitfall.id).toBeTruthy();
  });

  it('the learnings template keeps seed 004 layout, every pitfall not yet seen', async () => {
    const template = readFileSync(join(PLUGIN_ROOT, 'learnings', 'learnings.template.md'), 'utf8');
    expect(template).toContain('## Common Pitfalls (Auto-Updated)');
    expect(template).toContain('## Metrics Tracking');
    const document = await loadSkillFile(join(PLUGIN_ROOT, 'learnings', 'learnings.template.md'));
    expect(document.model.pitfalls.map((p) => p.id).sort()).toEqual([...allIds].sort());
    expect(template.match(/\(0\/5 - not yet seen\)/g)).toHaveLength(allIds.length);
  });
});
