/**
 * Small helpers shared by rules: naming patterns, "did you mean", walking the XML element tree and
 * positions inside frontmatter values. Rules stay ~30 lines by leaning on these.
 */
import type { Position, SkillDocument, XmlElement } from '../skill/model.js';

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

export { didYouMean } from '../util/did-you-mean.js';

/**
 * The last document's flattened elements. Rules run one document at a time, so one slot hits as often as
 * a WeakMap did; a WeakMap's entries (ephemerons) kept every document alive through young-generation
 * GCs, which promoted ~20% of all parse allocations and made GC a quarter of a validation's CPU.
 */
let flattenedOf: readonly XmlElement[] | undefined;
let flattened: { element: XmlElement; parent: XmlElement | null }[] = [];

/** Every XML element of the document, depth first, with its parent (flattened once per document). */
export function walkElements(elements: readonly XmlElement[]): readonly { element: XmlElement; parent: XmlElement | null }[] {
  let list = flattenedOf === elements ? flattened : undefined;
  if (!list) {
    list = [];
    const stack: { element: XmlElement; parent: XmlElement | null }[] = elements.map((element) => ({ element, parent: null })).reverse();
    while (stack.length) {
      const entry = stack.pop()!;
      list.push(entry);
      for (let i = entry.element.children.length - 1; i >= 0; i -= 1) stack.push({ element: entry.element.children[i]!, parent: entry.element });
    }
    flattenedOf = elements;
    flattened = list;
  }
  return list;
}

/** Where the element's start tag is: its first line (the tag itself). */
export function startTag(element: XmlElement): Position {
  const p = element.position;
  return { line: p.line, column: p.column, endLine: p.line, endColumn: p.column + element.name.length + 1 };
}

/** The first line of a position only (keeps multi-line blocks from spanning the whole file). */
export function firstLine(position: Position): Position {
  return position.endLine === position.line ? position : { ...position, endLine: position.line, endColumn: position.column + 1 };
}

/** Position of `key` in the frontmatter, or the frontmatter's first line, or 1:1. */
export function keyPosition(document: SkillDocument, key: string): Position {
  const fm = document.frontmatter;
  return fm?.keys[key] ?? (fm ? firstLine(fm.position) : { line: 1, column: 1, endLine: 1, endColumn: 1 });
}

export function valuePosition(document: SkillDocument, key: string): Position {
  return document.frontmatter?.values[key] ?? keyPosition(document, key);
}

/** Folder name that holds a SKILL.md (`skills/deploy/SKILL.md` → `deploy`). */
export function skillFolderName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 2] ?? '';
}

export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}
