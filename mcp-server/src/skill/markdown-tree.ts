/**
 * The Markdown tree (mdast, via remark) of a skill's body, built on demand. It is its own module so that
 * `parseSkill`, and with it every cold `shipgate validate`, never loads remark: no validator rule reads
 * the tree (links and pitfalls are found by small scanners), and compiling remark and its character
 * tables cost ~20 ms of CPU per run (bench/validate-corpus.mjs).
 *
 * The frontmatter and the XML tags are blanked out first (spaces, newlines kept), so every node's
 * position is that of the original file and no `<check>` tag text reaches the tree.
 *
 * Good: `markdownTree(text).children.filter((n) => n.type === 'heading')`.
 * Bad:  building it per file in a validator rule (read `document.model` instead).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root as MarkdownRoot } from 'mdast';
import { LineIndex } from './line-index.js';
import { parseFrontmatter } from './parse-frontmatter.js';
import { scanXml } from './scan-xml.js';

/** Never throws: a text remark cannot read gives an empty root. */
export function markdownTree(text: string): MarkdownRoot {
  try {
    const index = new LineIndex(text);
    const front = parseFrontmatter(text, index);
    const scan = scanXml(text, front.bodyStart, index);
    const ranges: Array<[number, number]> = front.bodyStart > 0 ? [[0, front.bodyStart], ...scan.tagRanges] : scan.tagRanges;
    return unified().use(remarkParse).parse(blankRanges(text, ranges)) as MarkdownRoot;
  } catch {
    return { type: 'root', children: [] };
  }
}

/** Blanks the given ranges (newlines kept, so offsets, lines and columns stay those of the file). */
function blankRanges(text: string, ranges: Array<[number, number]>): string {
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
