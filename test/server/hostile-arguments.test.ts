/**
 * Hostile tool arguments (shell metacharacters, command substitution, path traversal, NUL bytes,
 * 1 MB strings) are refused by the input schema or are harmless: no command runs, nothing is written
 * outside the project, no internal error. Every string argument of every tool is tried.
 */
import { statePaths } from '../../mcp-server/src/project/paths.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { connect, createFixtureRepo, errorCodeOf, textOf, type Connected, type FixtureRepo } from './helpers.js';

/** Every file under `dir` with its size and modification time, so any write shows as a difference. */
function snapshot(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => `${relative(dir, path)} ${statSync(path).size} ${statSync(path).mtimeMs}`)
    .sort();
}

describe('hostile arguments', () => {
  let repo: FixtureRepo;
  let session: Connected;
  let canary: string;
  let hostile: [string, string][];

  beforeAll(async () => {
    repo = createFixtureRepo();
    canary = realpathSync(mkdtempSync(join(tmpdir(), 'shipgate-canary-')));
    const pwned = join(canary, 'pwned');
    hostile = [
      ['semicolon', `production; touch ${pwned}`],
      ['command substitution', `$(touch ${pwned})`],
      ['backticks', `\`touch ${pwned}\``],
      ['path traversal', '../../etc/passwd'],
      ['absolute path', '/etc/passwd'],
      ['NUL byte', 'prod\u0000uction'],
      ['newline', 'production\ntouch pwned'],
      ['1 MB string', 'a'.repeat(1_000_000)],
    ];
    session = await connect({ projectRoot: repo.root });
    await session.client.listTools();
  });
  afterAll(async () => {
    await session?.close();
    repo?.cleanup();
    if (canary) rmSync(canary, { recursive: true, force: true });
  });

  it('gate_check refuses each hostile environment by schema, runs nothing, writes no receipt', async () => {
    const repoBefore = snapshot(repo.root);
    const stateBefore = snapshot(statePaths(repo.root).base);
    for (const [label, value] of hostile) {
      const result = await session.client.callTool({ name: 'gate_check', arguments: { environment: value } });
      expect(result.isError, label).toBe(true);
      expect(errorCodeOf(result), label).toBe('input');
      const text = textOf(result);
      expect(text.length, label).toBeLessThan(2_000); // the 1 MB value is not echoed back
      // Names the tool and the argument, says what was expected, and that nothing ran.
      expect(text, label).toContain('gate_check');
      expect(text, label).toMatch(/nothing was run/);
      expect(text, label).toMatch(/at: environment: a lowercase environment name/);
      expect(text, label).toMatch(/found "/);
    }
    expect(existsSync(join(canary, 'pwned'))).toBe(false);
    expect(existsSync(statePaths(repo.root).receipts)).toBe(false);
    expect(snapshot(repo.root)).toEqual(repoBefore);
    expect(snapshot(statePaths(repo.root).base)).toEqual(stateBefore);
  });

  it('gate_attest refuses each hostile check id by schema, records no attestation', async () => {
    const repoBefore = snapshot(repo.root);
    const stateBefore = snapshot(statePaths(repo.root).base);
    for (const [label, value] of hostile) {
      const result = await session.client.callTool({ name: 'gate_attest', arguments: { environment: 'production', checkId: value } });
      expect(result.isError, label).toBe(true);
      expect(errorCodeOf(result), label).toBe('input');
      const text = textOf(result);
      expect(text.length, label).toBeLessThan(2_000);
      expect(text, label).toContain('gate_attest');
      expect(text, label).toMatch(/nothing was run/);
      expect(text, label).toMatch(/at: checkId: a snake_case check id/);
      expect(text, label).toMatch(/found "/);
    }
    expect(existsSync(statePaths(repo.root).attestations)).toBe(false);
    expect(snapshot(repo.root)).toEqual(repoBefore);
    expect(snapshot(statePaths(repo.root).base)).toEqual(stateBefore);
  });

  it('every string argument of every tool: refused or harmless, never an internal error', async () => {
    const { tools } = await session.client.listTools();
    let tried = 0;
    for (const tool of tools) {
      const properties = (tool.inputSchema.properties ?? {}) as Record<string, { type?: string; items?: { type?: string } }>;
      for (const [key, schema] of Object.entries(properties)) {
        const isString = schema.type === 'string';
        const isStringArray = schema.type === 'array' && schema.items?.type === 'string';
        if (!isString && !isStringArray) continue;
        for (const [label, value] of hostile) {
          tried += 1;
          const result = await session.client.callTool({ name: tool.name, arguments: { [key]: isString ? value : [value] } });
          const where = `${tool.name}.${key} ${label}`;
          if (result.isError) {
            expect(errorCodeOf(result), `${where}: ${textOf(result).slice(0, 300)}`).not.toBe('internal');
            expect(errorCodeOf(result), where).toBeDefined();
            // A schema refusal names the tool, where it failed and what it expected instead.
            if (textOf(result).startsWith('Invalid arguments for tool')) {
              expect(textOf(result), where).toContain(tool.name);
              expect(textOf(result), where).toMatch(/\n {2}at: \S/);
              expect(textOf(result), where).toMatch(/\n {2}expected: \S/);
            }
            // When it is the hostile value that was refused, the message names its argument.
            if (/found "/.test(textOf(result)) && textOf(result).includes('Invalid arguments')) {
              expect(textOf(result), where).toMatch(new RegExp(`at: ${key}\\b`));
            }
          }
          expect(textOf(result).length, where).toBeLessThan(200_000);
        }
      }
    }
    expect(tried).toBeGreaterThan(hostile.length * 2);
    expect(existsSync(join(canary, 'pwned'))).toBe(false);
    expect(readdirSync(repo.root)).not.toContain('pwned');
  }, 120_000);
});
