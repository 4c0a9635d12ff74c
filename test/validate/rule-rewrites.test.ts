/**
 * Rules rewritten for speed (issue 16) report exactly what their line-by-line originals reported: each is
 * checked against the original algorithm, kept here as the reference, over texts that probe the edges
 * (use on the line right after the frontmatter, uses inside the frontmatter, CRLF, no trailing newline,
 * a frontmatter that ends the file).
 */
import { describe, expect, test } from 'vitest';
import { parseSkill } from '../../mcp-server/src/skill/parse-skill.js';
import { rule as argumentHint } from '../../mcp-server/src/validate/rules/argument-hint-consistency.js';
import type { Report } from '../../mcp-server/src/validate/rule.js';
import type { SkillDocument } from '../../mcp-server/src/skill/model.js';

/** The original argument-hint-consistency search: split into lines, test each from the body's first line. */
function referenceUse(document: SkillDocument): { line: number; column: number; token: string } | null {
  const USE = /\$(?:ARGUMENTS\b|\d\b)/;
  const bodyStart = document.frontmatter ? document.frontmatter.position.endLine : 0;
  const lines = document.text.split('\n');
  for (let i = bodyStart; i < lines.length; i += 1) {
    if (USE.test(lines[i]!)) return { line: i + 1, column: lines[i]!.search(USE) + 1, token: USE.exec(lines[i]!)![0] };
  }
  return null;
}

const bodies = ['', 'Deploy to $ARGUMENTS now.\n', 'no use\n\nthen $1 and $ARGUMENTS\n', 'a $10 bill, $ARGUMENTSX, $9', '$0', 'x\r\n$ARGUMENTS\r\n', '`$2` in code\n'];
const fronts = ['', '---\nname: x\n---\n', '---\ndescription: uses $1 here\n---\n', '---\ndescription: d\n---', '---\r\nname: x\r\n---\r\n'];

describe('argument-hint-consistency, one search instead of a split', () => {
  for (const kind of ['command', 'skill'] as const) {
    for (const front of fronts) {
      for (const body of bodies) {
        test(`${kind}: ${JSON.stringify(front + body)}`, () => {
          const document = parseSkill(kind === 'command' ? 'commands/x.md' : 'skills/x/SKILL.md', front + body, kind);
          const reports: Report[] = [];
          argumentHint.check({ document, report: (r) => reports.push(r) });
          const use = referenceUse(document);
          if (use) {
            expect(reports).toHaveLength(1);
            expect(reports[0]!.message).toContain(`Unexpected ${use.token} without an argument-hint`);
            expect(reports[0]!.position).toEqual({ line: use.line, column: use.column, endLine: use.line, endColumn: use.column + use.token.length });
          } else {
            expect(reports).toEqual([]);
          }
        });
      }
    }
  }
  test('a hint without a use in a command is still reported, with a use it is not', () => {
    const without = parseSkill('commands/x.md', '---\nargument-hint: [env]\n---\nDeploy.\n', 'command');
    const withUse = parseSkill('commands/x.md', '---\nargument-hint: [env]\n---\nDeploy $1.\n', 'command');
    const reports: Report[] = [];
    argumentHint.check({ document: without, report: (r) => reports.push(r) });
    argumentHint.check({ document: withUse, report: (r) => reports.push(r) });
    expect(reports.map((r) => r.message)).toEqual(['Unexpected argument-hint in a command that never reads its arguments, expected $ARGUMENTS or $1 in the body.']);
  });
});
