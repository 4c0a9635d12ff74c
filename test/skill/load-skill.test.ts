import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectKind, loadSkillFile, MAX_SKILL_BYTES } from '../../mcp-server/src/skill/load-skill.js';
import { markdownTree } from '../../mcp-server/src/skill/markdown-tree.js';

let dir = '';
const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shipgate-load-skill-'));
  await mkdir(join(dir, 'skills/deploy-production'), { recursive: true });
  await mkdir(join(dir, 'commands'), { recursive: true });
  await copyFile(fixture('seed-001-deploy-production.md'), join(dir, 'skills/deploy-production/SKILL.md'));
  await copyFile(fixture('seed-000-commit-command.md'), join(dir, 'commands/commit.md'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('loadSkillFile', () => {
  it('reads a skill from a plugin layout and detects its kind', async () => {
    const doc = await loadSkillFile(join(dir, 'skills/deploy-production/SKILL.md'));
    expect(doc.kind).toBe('skill');
    expect(doc.problems).toEqual([]);
    expect(doc.model.safetyGates[0]!.checks).toHaveLength(8);
  });

  it('reads a command', async () => {
    const doc = await loadSkillFile(join(dir, 'commands/commit.md'));
    expect(doc.kind).toBe('command');
    expect(doc.frontmatter).toBeNull();
    expect(markdownTree(doc.text).children[0]!.type).toBe('heading');
  });

  it('strips a UTF-8 BOM so positions start at 1:1', async () => {
    const path = join(dir, 'skills/deploy-production/bom.md');
    await writeFile(path, '\uFEFF---\nname: x\n---\n<critical_constraint>c</critical_constraint>\n');
    const doc = await loadSkillFile(path, 'skill');
    expect(doc.frontmatter?.data).toEqual({ name: 'x' });
    expect(doc.model.criticalConstraints[0]!.position).toMatchObject({ line: 4, column: 1 });
  });

  it('returns a file-binary problem for binary content', async () => {
    const path = join(dir, 'skills/deploy-production/logo.md');
    await writeFile(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]));
    const doc = await loadSkillFile(path);
    expect(doc.problems).toMatchObject([{ ruleId: 'file-binary', severity: 'error', position: { line: 1, column: 1 } }]);
    expect(doc.model.safetyGates).toEqual([]);
  });

  it('returns a file-too-large problem over 5 MB without reading it', async () => {
    const path = join(dir, 'skills/deploy-production/huge.md');
    await writeFile(path, Buffer.alloc(MAX_SKILL_BYTES + 1, 0x61));
    const doc = await loadSkillFile(path);
    expect(doc.problems).toMatchObject([{ ruleId: 'file-too-large' }]);
    expect(doc.problems[0]!.message).toMatch(/at most 5 MB/);
  });

  it('returns a file-unreadable problem for a missing file or a directory', async () => {
    const missing = await loadSkillFile(join(dir, 'nope/SKILL.md'));
    expect(missing.problems).toMatchObject([{ ruleId: 'file-unreadable' }]);
    expect(missing.problems[0]!.message).toContain('ENOENT');
    const directory = await loadSkillFile(join(dir, 'skills'));
    expect(directory.problems[0]!.message).toMatch(/found a directory/);
  });
});

describe('detectKind', () => {
  it.each([
    ['skills/deploy-production/SKILL.md', 'skill'],
    ['/abs/plugin/skills/x/SKILL.md', 'skill'],
    ['skills\\x\\SKILL.md', 'skill'],
    ['commands/ship-prod.md', 'command'],
    ['commands/nested/rollback.md', 'command'],
    ['agents/reviewer.md', 'agent'],
    ['skills/x/references/rollback.md', 'reference'],
    ['skills/x/reference/strategies.md', 'reference'],
    ['docs/deploy.md', 'other'],
    ['skills/x/notes.md', 'other'],
  ])('%s → %s', (path, kind) => {
    expect(detectKind(path)).toBe(kind);
  });
});
