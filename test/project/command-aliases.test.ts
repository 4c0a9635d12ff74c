/**
 * `shipgate init` and `shipgate aliases` write the project aliases that make `/deploy-production` work
 * as typed (Claude Code namespaces plugin commands). Through the real CLI dispatcher on real temp git
 * repositories; the aliases are then linted by shipgate's own validator. The real-client suite
 * (test/real-client/commands.test.ts) proves both spellings in the real Claude Code.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { main } from '../../mcp-server/src/cli/main.js';
import { validatePaths } from '../../mcp-server/src/validate/engine.js';
import { ALIAS_MARKER, ALIASED_COMMANDS } from '../../mcp-server/src/project/command-aliases.js';
import { makeRepo, type FixtureRepo } from '../gates/fixture-repo.js';

const repos: FixtureRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((r) => r.cleanup()));
});

async function cli(cwd: string, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd,
    stdout: { write: (s: string) => ((stdout += s), true) } as unknown as NodeJS.WritableStream,
    stderr: { write: (s: string) => ((stderr += s), true) } as unknown as NodeJS.WritableStream,
    env: { ...process.env, CLAUDE_PLUGIN_ROOT: '' },
    now: () => new Date('2026-11-18T10:00:00Z'),
  });
  return { code, stdout, stderr };
}

const aliasFile = (root: string, name: string) => join(root, '.claude', 'commands', `${name}.md`);
const pluginFrontmatter = async (name: string) => (await readFile(join(__dirname, '../../commands', `${name}.md`), 'utf8')).split('---')[1]!;

describe('project command aliases', () => {
  it('init writes the five aliases, each handing $ARGUMENTS to /shipgate:<name> with the plugin command\'s tools', async () => {
    const r = await makeRepo({ 'package.json': '{ "name": "shop", "version": "0.1.0" }' });
    repos.push(r);
    const result = await cli(r.root, ['init', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout) as { aliases: { name: string; state: string }[] };
    expect(doc.aliases.map((a) => [a.name, a.state])).toEqual(ALIASED_COMMANDS.map((name) => [name, 'create']));
    expect((await readdir(join(r.root, '.claude', 'commands'))).sort()).toEqual(ALIASED_COMMANDS.map((n) => `${n}.md`).sort());
    for (const name of ALIASED_COMMANDS) {
      const text = await readFile(aliasFile(r.root, name), 'utf8');
      expect(text).toContain(ALIAS_MARKER);
      expect(text).toContain(`skill: "shipgate:${name}"`);
      expect(text).toContain('args: "$ARGUMENTS"');
      expect(text).not.toMatch(/\$\d/);
      const allowed = /^allowed-tools: (.*)$/m.exec(text)![1]!.split(', ');
      expect(allowed[0]).toBe(`Skill(shipgate:${name})`);
      const pluginAllowed = /^allowed-tools: (.*)$/m.exec(await pluginFrontmatter(name))![1]!.split(', ');
      expect(allowed.slice(1)).toEqual(pluginAllowed);
    }
    // What init wrote passes shipgate's own linter (strict: warnings count).
    const lint = await validatePaths([join(r.root, '.claude', 'commands')], { cwd: r.root, strict: true, cache: false });
    expect(lint.diagnostics.map((d) => `${d.file}:${d.line} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  it('`shipgate aliases` on an existing project: writes the missing ones, updates its own, never touches the project\'s own command', async () => {
    const r = await makeRepo({ 'shipgate.config.yaml': 'environments:\n  production:\n    provider: { type: command, deploy: ["true"] }\n' });
    repos.push(r);
    await mkdir(join(r.root, '.claude', 'commands'), { recursive: true });
    const own = '---\ndescription: Our own deploy\n---\nRun make deploy-staging.\n';
    await writeFile(aliasFile(r.root, 'deploy'), own);
    await writeFile(aliasFile(r.root, 'rollback'), `---\ndescription: old\n---\n<!-- ${ALIAS_MARKER} (shipgate 0.1.0) -->\nold text\n`);

    const dry = await cli(r.root, ['aliases', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    await expect(readFile(aliasFile(r.root, 'deploy-production'), 'utf8')).rejects.toThrow(/ENOENT/);

    const first = await cli(r.root, ['aliases', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const states = Object.fromEntries((JSON.parse(first.stdout) as { aliases: { name: string; state: string }[] }).aliases.map((a) => [a.name, a.state]));
    expect(states).toEqual({ 'deploy-production': 'create', 'ship-prod': 'create', deploy: 'kept', rollback: 'update', retrospect: 'create' });
    expect(await readFile(aliasFile(r.root, 'deploy'), 'utf8')).toBe(own);
    expect(await readFile(aliasFile(r.root, 'rollback'), 'utf8')).toContain('skill: "shipgate:rollback"');

    const again = await cli(r.root, ['aliases']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/\/deploy-production\s+up to date/);
    expect(again.stdout).toMatch(/\/deploy\s+kept/);
  });

  it('init on a project that already has a configuration refuses, names the file and points at `shipgate aliases`', async () => {
    const r = await makeRepo({ 'shipgate.config.yaml': 'app: x\n' });
    repos.push(r);
    const result = await cli(r.root, ['init']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('shipgate aliases');
    await expect(readdir(join(r.root, '.claude', 'commands'))).rejects.toThrow(/ENOENT/);
  });
});
