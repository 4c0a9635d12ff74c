/**
 * Seed 004's Markdown form of the pitfall catalog: under a `## Common Pitfalls` heading, each
 * `### 🚫 Title` section with `**Frequency**`, `**Impact**:`, `**Prevention**:`, `**Detection**:` is a
 * pitfall whose id is the snake_case title. Headings inside code fences are not headings.
 *
 * Good: "## Common Pitfalls (Auto-Updated)\n### 🚫 Missing Rollback Plan\n**Impact**: Critical" →
 *       {id: 'missing_rollback_plan', title: 'Missing Rollback Plan', impact: 'Critical'}.
 * Bad (ignored): a `### Missing Rollback Plan` under `## Successful Patterns`.
 */
import type { Pitfall } from './model.js';
import type { LineIndex } from './line-index.js';
import { cleanTitle, labelledFields, toSnakeCase } from './labelled-fields.js';
import { skipFence } from './scan-xml.js';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

interface Heading {
  level: number;
  title: string;
  start: number;
  lineEnd: number;
}

const PITFALL_HEADING = /^ {0,3}#{1,6}[ \t].*pitfall/im;

export function markdownPitfalls(text: string, from: number, index: LineIndex): Pitfall[] {
  // Most files have no pitfall section: one native regex search instead of a line-by-line walk.
  PITFALL_HEADING.lastIndex = 0;
  if (!PITFALL_HEADING.test(from === 0 ? text : text.slice(from))) return [];
  const headings: Heading[] = [];
  let at = from;
  const n = text.length;
  while (at < n) {
    const fenceEnd = skipFence(text, at);
    if (fenceEnd !== -1) {
      at = fenceEnd;
      continue;
    }
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = n;
    if (text.charCodeAt(at) === 35 || text.charCodeAt(at) === 32) {
      const m = HEADING.exec(text.slice(at, lineEnd).replace(/\r$/, ''));
      if (m) headings.push({ level: m[1]!.length, title: m[2]!, start: at, lineEnd });
    }
    at = lineEnd + 1;
  }

  const pitfalls: Pitfall[] = [];
  for (let h = 0; h < headings.length; h += 1) {
    const section = headings[h]!;
    if (!/pitfall/i.test(section.title)) continue;
    for (let s = h + 1; s < headings.length && headings[s]!.level > section.level; s += 1) {
      const heading = headings[s]!;
      if (heading.level !== section.level + 1) continue;
      let end = n;
      for (let e = s + 1; e < headings.length; e += 1) {
        if (headings[e]!.level <= heading.level) {
          end = headings[e]!.start;
          break;
        }
      }
      const body = text.slice(Math.min(heading.lineEnd + 1, end), end).replace(/\s*(?:^-{3,}\s*)+$/m, '').trim();
      const fields = labelledFields(body);
      const title = cleanTitle(heading.title);
      const bodyEnd = heading.start + text.slice(heading.start, end).trimEnd().replace(/\n\s*-{3,}$/, '').length;
      const pitfall: Pitfall = { id: toSnakeCase(title), title, body, position: index.position(heading.start, bodyEnd) };
      if (fields.impact) pitfall.impact = fields.impact;
      if (fields.prevention) pitfall.prevention = fields.prevention;
      if (fields.detection) pitfall.detection = fields.detection;
      pitfalls.push(pitfall);
    }
  }
  return pitfalls;
}
