/**
 * A small, tolerant scanner for the XML control blocks written inside Markdown. It is not an XML parser:
 * text may hold `&&`, `<`, `>`, list markers and backticks, and only lowercase snake/kebab-case tags
 * outside fenced code blocks, inline code and HTML comments count. It never throws; unclosed and
 * mismatched tags become `xml-well-formed` problems with positions. One pass, no regex backtracking
 * over the whole text, so 1,000 skills of 2.5 KB scan in a few milliseconds.
 *
 * Good: `- <check id="tests_pass">\n  <command>npm test && echo ok</command>\n  </check>`.
 * Bad:  `<checks><check id="a"></checks>` → "Unclosed <check> opened at 1:9, expected </check> before </checks> at 1:22".
 */
import type { ParseProblem, XmlElement } from './model.js';
import { formatPoint, type LineIndex } from './line-index.js';
import { ELEMENT_NAME, HTML_TAG_NAMES, SKILL_ELEMENT_NAMES } from './xml-names.js';

/** Offsets of an element in the original text: `<a>` starts at start, inner text is [innerStart, innerEnd). */
export interface ElementSpan {
  start: number;
  innerStart: number;
  innerEnd: number;
  end: number;
}

export interface XmlScan {
  elements: XmlElement[];
  spans: Map<XmlElement, ElementSpan>;
  /** [start, end) of every tag recognised as an element tag (for blanking before Markdown parsing). */
  tagRanges: Array<[number, number]>;
  problems: ParseProblem[];
}

/** Elements whose content is raw text (shell commands), never scanned for tags. */
export const RAW_TEXT_ELEMENTS: ReadonlySet<string> = new Set(['command', 'verify']);

/** Deeper nesting than this is reported once and read as text (keeps every walk bounded). */
export const MAX_DEPTH = 200;

interface Open {
  element: XmlElement;
  span: ElementSpan;
}

interface Tag {
  kind: 'open' | 'close' | 'self';
  name: string;
  end: number;
  attributes: Record<string, string>;
  attributeRanges: Record<string, [number, number]>;
}

const CLOSE_TAG = /<\/([a-z][a-z0-9]*(?:[_-][a-z0-9]+)*)[ \t\r\n]*>/y;
const ATTR_NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const UNQUOTED = /[^\s"'=<>`]+/y;
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/g;
const FENCE_OPEN = /^[ \t]*(?:`{3,}|~{3,})/gm;

export function scanXml(text: string, from: number, index: LineIndex): XmlScan {
  const elements: XmlElement[] = [];
  const spans = new Map<XmlElement, ElementSpan>();
  const tagRanges: Array<[number, number]> = [];
  const problems: ParseProblem[] = [];
  const stack: Open[] = [];
  const n = text.length;
  let depthReported = false;
  const paragraph = { end: -1 };
  const fences = fenceRegions(text, from);
  let fence = 0;
  let nextLt = -2;
  let nextTick = -2;
  let i = from;

  const closeElement = (open: Open, innerEnd: number, end: number): void => {
    open.span.innerEnd = innerEnd;
    open.span.end = end;
    finish(open.element, open.span, spans, text, index);
  };

  const problem = (severity: 'error' | 'warning', message: string, start: number, end: number): void => {
    problems.push({ ruleId: 'xml-well-formed', severity, message, position: index.position(start, end) });
  };

  while (i < n) {
    // Jump (with native indexOf) to the next `<` or backtick; everything else is plain text.
    if (nextLt < i && nextLt !== -1) nextLt = text.indexOf('<', i);
    if (nextTick < i && nextTick !== -1) nextTick = text.indexOf('`', i);
    if (nextLt === -1 && nextTick === -1) break;
    i = nextLt === -1 ? nextTick : nextTick === -1 ? nextLt : Math.min(nextLt, nextTick);
    while (fence < fences.length && fences[fence]![1] <= i) fence += 1;
    const region = fences[fence];
    if (region && region[0] <= i) {
      i = region[1];
      continue;
    }
    if (isEscaped(text, i)) {
      i += 1;
      continue;
    }
    if (text.charCodeAt(i) === 96 /* ` */) {
      i = skipInlineCode(text, i, paragraph);
      continue;
    }
    if (text.startsWith('<!--', i)) {
      const endComment = text.indexOf('-->', i + 4);
      i = endComment === -1 ? n : endComment + 3;
      continue;
    }
    const tag = readTag(text, i);
    if (!tag || HTML_TAG_NAMES.has(tag.name)) {
      i += 1;
      continue;
    }
    const tagStart = i;
    tagRanges.push([tagStart, tag.end]);
    i = tag.end;

    if (tag.kind === 'close') {
      let match = -1;
      for (let k = stack.length - 1; k >= 0; k -= 1) {
        if (stack[k]!.element.name === tag.name) {
          match = k;
          break;
        }
      }
      if (match === -1) {
        const inner = stack[stack.length - 1];
        problem(
          'error',
          `Unexpected </${tag.name}> at ${formatPoint(index.point(tagStart))}: no <${tag.name}> is open` +
            (inner ? ` (the innermost open element is <${inner.element.name}> opened at ${formatPoint(inner.element.position)})` : '') +
            `. Remove it or add the matching <${tag.name}>.`,
          tagStart,
          tag.end,
        );
        continue;
      }
      while (stack.length - 1 > match) {
        const unclosed = stack.pop()!;
        const severity = SKILL_ELEMENT_NAMES.has(unclosed.element.name) ? 'error' : 'warning';
        problem(
          severity,
          `Unclosed <${unclosed.element.name}> opened at ${formatPoint(unclosed.element.position)}, expected </${unclosed.element.name}> before </${tag.name}> at ${formatPoint(index.point(tagStart))}.` +
            (severity === 'warning' ? ` If <${unclosed.element.name}> is a placeholder, wrap it in backticks.` : ''),
          unclosed.span.start,
          unclosed.span.innerStart,
        );
        const parent = stack[stack.length - 1]!;
        const hoistFrom = hoistIndex(unclosed.element);
        if (hoistFrom !== -1) {
          const hoisted = unclosed.element.children.splice(hoistFrom);
          const firstSpan = spans.get(hoisted[0]!)!;
          closeElement(unclosed, firstSpan.start, firstSpan.start);
          parent.element.children.push(...hoisted);
        } else {
          closeElement(unclosed, tagStart, tagStart);
        }
      }
      const closed = stack.pop()!;
      closeElement(closed, tagStart, tag.end);
      continue;
    }

    if (stack.length >= MAX_DEPTH) {
      if (!depthReported) {
        depthReported = true;
        problem('error', `Elements nested deeper than ${MAX_DEPTH} levels at ${formatPoint(index.point(tagStart))}; deeper tags are read as text. Close your elements.`, tagStart, tag.end);
      }
      tagRanges.pop();
      continue;
    }

    const attributePositions: XmlElement['attributePositions'] = {};
    for (const name of Object.keys(tag.attributeRanges)) {
      const [a, b] = tag.attributeRanges[name]!;
      attributePositions[name] = index.position(a, b);
    }
    const element: XmlElement = {
      name: tag.name,
      attributes: tag.attributes,
      attributePositions,
      children: [],
      text: '',
      innerSource: '',
      position: index.position(tagStart, tag.end),
    };
    const span: ElementSpan = { start: tagStart, innerStart: tag.end, innerEnd: tag.end, end: tag.end };
    const parent = stack[stack.length - 1];
    if (parent) parent.element.children.push(element);
    else elements.push(element);
    if (tag.kind === 'self') {
      spans.set(element, span);
      continue;
    }
    if (RAW_TEXT_ELEMENTS.has(tag.name)) {
      // Shell text: `cat <file >out` or `echo "<done>"` must not read as tags. Everything up to the
      // closing tag is text; without one, the element is scanned like any other (and reported unclosed).
      const closeTag = `</${tag.name}>`;
      const closeAt = text.indexOf(closeTag, tag.end);
      if (closeAt !== -1) {
        tagRanges.push([closeAt, closeAt + closeTag.length]);
        closeElement({ element, span }, closeAt, closeAt + closeTag.length);
        i = closeAt + closeTag.length;
        continue;
      }
    }
    stack.push({ element, span });
  }

  while (stack.length > 0) {
    const unclosed = stack.pop()!;
    const severity = SKILL_ELEMENT_NAMES.has(unclosed.element.name) ? 'error' : 'warning';
    problem(
      severity,
      `Unclosed <${unclosed.element.name}> opened at ${formatPoint(unclosed.element.position)}, expected </${unclosed.element.name}> before the end of the file.` +
        (severity === 'warning' ? ` If <${unclosed.element.name}> is a placeholder, wrap it in backticks.` : ''),
      unclosed.span.start,
      unclosed.span.innerStart,
    );
    closeElement(unclosed, n, n);
  }

  return { elements, spans, tagRanges, problems };
}

/**
 * Where to cut an unclosed element's children so they become its siblings: at the first child with the
 * same name (`<check id=a>` left open before `<check id=b>`), or all of them when the name is not a skill
 * element (a stray `<env>` placeholder must not swallow the rest of the block). -1 keeps them.
 */
function hoistIndex(element: XmlElement): number {
  if (element.children.length === 0) return -1;
  if (!SKILL_ELEMENT_NAMES.has(element.name)) return 0;
  return element.children.findIndex((child) => child.name === element.name);
}

function finish(element: XmlElement, span: ElementSpan, spans: Map<XmlElement, ElementSpan>, text: string, index: LineIndex): void {
  spans.set(element, span);
  element.position = index.position(span.start, span.end);
  element.innerSource = text.slice(span.innerStart, span.innerEnd);
  let own = '';
  let at = span.innerStart;
  for (const child of element.children) {
    const childSpan = spans.get(child);
    if (!childSpan) continue;
    own += text.slice(at, Math.max(at, childSpan.start));
    at = Math.max(at, childSpan.end);
  }
  own += text.slice(at, Math.max(at, span.innerEnd));
  // `<command>a &amp;&amp; b</command>` is how XML spells `a && b`: the shell must see the decoded text.
  element.text = decodeEntities(own.trim());
}

/** Reads `<name attr="v">`, `<name/>` or `</name>` at `start`; null when the text there is not such a tag. */
function readTag(text: string, start: number): Tag | null {
  if (text.charCodeAt(start + 1) === 47 /* / */) {
    CLOSE_TAG.lastIndex = start;
    const m = CLOSE_TAG.exec(text);
    if (!m) return null;
    return { kind: 'close', name: m[1]!, end: CLOSE_TAG.lastIndex, attributes: {}, attributeRanges: {} };
  }
  ELEMENT_NAME.lastIndex = start + 1;
  const nameMatch = ELEMENT_NAME.exec(text);
  if (!nameMatch) return null;
  const name = nameMatch[0];
  let i = ELEMENT_NAME.lastIndex;
  const attributes: Record<string, string> = {};
  const attributeRanges: Record<string, [number, number]> = {};
  const n = text.length;
  const first = text.charCodeAt(i);
  if (!(first === 62 || first === 47 || isSpace(first))) return null;
  const limit = Math.min(n, start + 4096);
  while (i < limit) {
    while (i < limit && isSpace(text.charCodeAt(i))) i += 1;
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) return { kind: 'open', name, end: i + 1, attributes, attributeRanges };
    if (c === 47 /* / */) {
      if (text.charCodeAt(i + 1) === 62) return { kind: 'self', name, end: i + 2, attributes, attributeRanges };
      return null;
    }
    ATTR_NAME.lastIndex = i;
    const attr = ATTR_NAME.exec(text);
    if (!attr) return null;
    i = ATTR_NAME.lastIndex;
    let j = i;
    while (j < limit && isSpace(text.charCodeAt(j))) j += 1;
    if (text.charCodeAt(j) !== 61 /* = */) {
      attributes[attr[0]] = '';
      attributeRanges[attr[0]] = [attr.index, i];
      continue;
    }
    j += 1;
    while (j < limit && isSpace(text.charCodeAt(j))) j += 1;
    const q = text.charCodeAt(j);
    if (q === 34 || q === 39) {
      const close = text.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close === -1 || close > limit) return null;
      attributes[attr[0]] = decodeEntities(text.slice(j + 1, close));
      attributeRanges[attr[0]] = [j + 1, close];
      i = close + 1;
    } else {
      UNQUOTED.lastIndex = j;
      const value = UNQUOTED.exec(text);
      if (!value) return null;
      attributes[attr[0]] = decodeEntities(value[0]);
      attributeRanges[attr[0]] = [j, UNQUOTED.lastIndex];
      i = UNQUOTED.lastIndex;
    }
  }
  return null;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five XML entities and numeric references (`&#38;`, `&#x26;`); anything else stays as written. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** [start, end) of every fenced code block from `from` on, in order. */
export function fenceRegions(text: string, from: number): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  FENCE_OPEN.lastIndex = from;
  for (let m = FENCE_OPEN.exec(text); m; m = FENCE_OPEN.exec(text)) {
    const end = skipFence(text, m.index);
    if (end === -1) {
      FENCE_OPEN.lastIndex = m.index + m[0].length;
      continue;
    }
    regions.push([m.index, end]);
    if (end >= text.length) break;
    FENCE_OPEN.lastIndex = end;
  }
  return regions;
}

/** An odd number of backslashes before `at` escapes the character there. */
function isEscaped(text: string, at: number): boolean {
  let count = 0;
  while (at - count - 1 >= 0 && text.charCodeAt(at - count - 1) === 92) count += 1;
  return count % 2 === 1;
}

/**
 * At a line start: when the line opens a ``` or ~~~ fence, the offset just after the closing fence line
 * (or the end of the text when the fence is never closed, as CommonMark reads it); otherwise -1.
 */
export function skipFence(text: string, lineStart: number): number {
  let i = lineStart;
  const n = text.length;
  while (i < n && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i += 1;
  const fenceChar = text.charCodeAt(i);
  if (fenceChar !== 96 && fenceChar !== 126) return -1;
  let run = 0;
  while (text.charCodeAt(i + run) === fenceChar) run += 1;
  if (run < 3) return -1;
  let lineEnd = text.indexOf('\n', i);
  if (lineEnd === -1) lineEnd = n;
  if (fenceChar === 96 && text.slice(i + run, lineEnd).includes('`')) return -1;
  let at = lineEnd + 1;
  while (at < n) {
    let next = text.indexOf('\n', at);
    if (next === -1) next = n;
    let k = at;
    while (k < next && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k += 1;
    let closeRun = 0;
    while (k + closeRun < next && text.charCodeAt(k + closeRun) === fenceChar) closeRun += 1;
    if (closeRun >= run && text.slice(k + closeRun, next).trim() === '') return Math.min(n, next + 1);
    at = next + 1;
  }
  return n;
}

/**
 * Skips an inline code span opened by the backtick run at `start` (closing run within the paragraph,
 * looked for in at most 10,000 characters). `paragraph` caches the next paragraph break so a long
 * paragraph full of backticks stays linear.
 */
function skipInlineCode(text: string, start: number, paragraph: { end: number }): number {
  let run = 0;
  while (text.charCodeAt(start + run) === 96) run += 1;
  if (paragraph.end < start) {
    PARAGRAPH_BREAK.lastIndex = start;
    const breakMatch = PARAGRAPH_BREAK.exec(text);
    paragraph.end = breakMatch ? breakMatch.index : text.length;
  }
  const limit = Math.min(paragraph.end, start + 10_000);
  let at = start + run;
  while (at < limit) {
    const tick = text.indexOf('`', at);
    if (tick === -1 || tick >= limit) break;
    let closeRun = 0;
    while (text.charCodeAt(tick + closeRun) === 96) closeRun += 1;
    if (closeRun === run) return tick + closeRun;
    at = tick + closeRun;
  }
  return start + run;
}
