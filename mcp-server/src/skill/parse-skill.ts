/**
 * Parse once, with positions: one Markdown file (skill, command, agent, reference) → a SkillDocument
 * with frontmatter, XML elements, the interpreted SkillModel and the problems found. Pure and
 * synchronous; it NEVER throws: anything wrong (bad YAML, unclosed tags, even a bug here) becomes a
 * ParseProblem with a position. The Markdown tree (remark) is not built here: no rule needs it, and
 * loading remark alone cost every cold `shipgate validate` ~20 ms of CPU; `markdownTree` builds it on
 * demand.
 *
 * Good: `parseSkill('skills/deploy/SKILL.md', text).model.safetyGates[0].checks`.
 * Bad:  re-reading `document.text` with a regex in a validator rule: read the model instead.
 */
import type { DocumentKind, ParseProblem, SkillDocument, SkillModel } from './model.js';
import { LineIndex } from './line-index.js';
import { parseFrontmatter } from './parse-frontmatter.js';
import { scanXml } from './scan-xml.js';
import { interpretModel } from './interpret-model.js';
import { markdownPitfalls } from './markdown-pitfalls.js';
import { detectKind } from './detect-kind.js';

export function emptyModel(): SkillModel {
  return { missionControl: [], safetyGates: [], rollbackProcedures: [], logicFlows: [], pitfalls: [], criticalConstraints: [] };
}

export function parseSkill(path: string, text: string, kind?: DocumentKind): SkillDocument {
  const documentKind = kind ?? detectKind(path);
  const source = typeof text === 'string' ? text : '';
  try {
    return parse(path, source, documentKind);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return {
      path,
      kind: documentKind,
      text: source,
      frontmatter: null,
      elements: [],
      problems: [
        {
          ruleId: 'parse-internal',
          severity: 'error',
          message: `Internal error while parsing this file (a bug in shipgate, please report it): ${message}`,
          position: { line: 1, column: 1, endLine: 1, endColumn: 1 },
        },
      ],
      model: emptyModel(),
    };
  }
}

function parse(path: string, text: string, kind: DocumentKind): SkillDocument {
  const index = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const front = parseFrontmatter(text, index);
  problems.push(...front.problems);
  const scan = scanXml(text, front.bodyStart, index);
  problems.push(...scan.problems);
  const model = interpretModel(scan.elements, scan.spans, text, index, problems);
  const xmlPitfallIds = new Set(model.pitfalls.map((p) => p.id));
  for (const pitfall of markdownPitfalls(text, front.bodyStart, index)) {
    if (!xmlPitfallIds.has(pitfall.id)) model.pitfalls.push(pitfall);
  }
  problems.sort((a, b) => a.position.line - b.position.line || a.position.column - b.position.column);
  return { path, kind, text, frontmatter: front.frontmatter, elements: scan.elements, problems, model };
}
