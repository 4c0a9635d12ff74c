/**
 * Meta-tests on the one registry: ids unique and matching their file names, every rule documented in
 * docs/rules.md exactly as the registry renders it (no drift), every rule has bad and good fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../mcp-server/src/validate/rules/index.js';
import { renderRulesDoc } from '../../mcp-server/src/validate/rules-doc.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('rule registry', () => {
  test('ids are unique, kebab-case, and each rule file is registered under its file name', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    const files = readdirSync(join(ROOT, 'mcp-server/src/validate/rules')).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, ''));
    expect(files.sort()).toEqual([...ids].sort());
  });

  test('every rule has docs (why, bad, good) and a description', () => {
    for (const rule of RULES) {
      expect(rule.meta.description.length, rule.meta.id).toBeGreaterThan(10);
      expect(rule.meta.docs.why.length, rule.meta.id).toBeGreaterThan(10);
      expect(rule.meta.docs.bad, rule.meta.id).not.toBe(rule.meta.docs.good);
    }
  });

  test('docs/rules.md equals what the registry renders (run `node scripts/gen-rules-doc.mjs`)', () => {
    const doc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    expect(doc).toBe(renderRulesDoc(RULES));
    for (const rule of RULES) expect(doc).toContain(`## ${rule.meta.id}\n`);
  });

  test('every rule has bad and good fixtures', () => {
    for (const rule of RULES) {
      for (const variant of ['bad', 'good']) {
        const dir = join(ROOT, 'test/fixtures/validate', rule.meta.id, variant);
        expect(existsSync(dir) && readdirSync(dir).length > 0, `${rule.meta.id}/${variant}`).toBe(true);
      }
    }
  });
});
