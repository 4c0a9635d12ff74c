/**
 * Parse once, with positions: one Markdown file (skill, command, agent, reference) → a SkillDocument
 * with frontmatter, XML elements, the interpreted SkillModel and the problems found. Pure and
 * synchronous; it NEVER throws: anything wrong (bad YAML, unclosed tags, even a bug here) becomes a
 * ParseProblem with a position. The Markdown tree is built lazily on first access of `markdown`, from
 * the text with frontmatter and XML tags blanked out (same offsets), because remark is the slow part.
 *
 * Good: `parseSkill('skills/deploy/SKILL.md', text).model.safetyGates[0].checks`.
 * Bad:  re-reading `document.text` with a regex in a validator rule: read the model instead.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root as MarkdownRoot } from 'mdast';
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

export function emptyMarkdown(): MarkdownRoot {
  return { type: 'root', children: [] };
}

export function parseSkill(path: string, text: string, kind?: DocumentKind): SkillDocument {
  const documentKind = kind ?? detectKind(path);
  const source = typeof text === 'string' ? text : '';
  try {
    return parse(path, source, documentKind);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return withMarkdown(
      {
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
      },
      () => emptyMarkdown(),
    );
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

  const blankRanges: Array<[number, number]> = front.bodyStart > 0 ? [[0, front.bodyStart], ...scan.tagRanges] : scan.tagRanges;
  return withMarkdown(
    { path, kind, text, frontmatter: front.frontmatter, elements: scan.elements, problems, model },
    () => markdownOf(text, blankRanges),
  );
}

/** Adds the lazy, cached `markdown` property. */
function withMarkdown(document: Omit<SkillDocument, 'markdown'>, build: () => MarkdownRoot): SkillDocument {
  let cached: MarkdownRoot | undefined;
  Object.defineProperty(document, 'markdown', {
    enumerable: true,
    configurable: true,
    get(): MarkdownRoot {
      if (!cached) {
        try {
          cached = build();
        } catch {
          cached = emptyMarkdown();
        }
      }
      return cached;
    },
  });
  return document as SkillDocument;
}

/** Blanks the given ranges (newlines kept, so offsets, lines and columns stay those of the file). */
export function blankRanges(text: string, ranges: Array<[number, number]>): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(text.slice(at, from), text.slice(from, end).replace(/[^\n\r]/g, ' '));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function markdownOf(text: string, ranges: Array<[number, number]>): MarkdownRoot {
  return unified().use(remarkParse).parse(blankRanges(text, ranges)) as MarkdownRoot;
}
