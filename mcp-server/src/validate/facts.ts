/**
 * What project rules need to know about one parsed document, extracted once per file. Facts are plain
 * data so they cross the worker-thread boundary and live in the content-hash cache next to the file's
 * diagnostics: project rules (links-resolve, command-references, pitfall-id-unique) never re-parse.
 *
 * Links are found with a small scanner (inline `[text](target)`, images, `[id]: target` definitions,
 * outside fenced and inline code) instead of the remark tree: building that tree costs ~10x the rest
 * of parsing and validating a skill, and links are all the validator needs from it.
 */
import type { Position, SkillDocument } from '../skill/model.js';
import { LineIndex } from '../skill/line-index.js';

export interface FactReference {
  kind: 'skill' | 'tool';
  name: string;
  position: Position;
}

export interface FactLink {
  /** As written (relative path, fragment and query removed). */
  target: string;
  position: Position;
}

export interface DocumentFacts {
  path: string;
  kind: SkillDocument['kind'];
  name?: string;
  pitfalls: { id: string; position: Position }[];
  links: FactLink[];
  references: FactReference[];
}

const TOOL_REFERENCE = /mcp__plugin_shipgate_shipgate__([A-Za-z0-9_-]+)/g;
const SKILL_CALL = /\bSkill\(\s*["'`]?([A-Za-z0-9:_-]+)["'`]?\s*\)/g;
const SKILL_TOOL_MENTION = /\bSkill tool\b[^\n`"]{0,40}[`"]([A-Za-z0-9:_-]+)[`"]/g;
const REFERENCES_MENTION = /(?<![\w/.-])references\/[A-Za-z0-9_./-]*[A-Za-z0-9_-]/g;

export function extractFacts(document: SkillDocument): DocumentFacts {
  const index = new LineIndex(document.text);
  const name = typeof document.frontmatter?.data.name === 'string' ? document.frontmatter.data.name : undefined;
  const references: FactReference[] = [];
  for (const [pattern, kind] of [[TOOL_REFERENCE, 'tool'], [SKILL_CALL, 'skill'], [SKILL_TOOL_MENTION, 'skill']] as const) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(document.text); m; m = pattern.exec(document.text)) {
      const start = m.index + m[0].lastIndexOf(m[1]!);
      references.push({ kind, name: m[1]!, position: index.position(start, start + m[1]!.length) });
    }
  }
  const links: FactLink[] = [];
  const seen = new Set<string>();
  scanLinks(document.text, index, (url, position) => {
    const target = relativeTarget(url);
    if (target === undefined) return;
    seen.add(`${position.line}:${target}`);
    links.push({ target, position });
  });
  if (document.kind === 'skill' || document.kind === 'reference') {
    REFERENCES_MENTION.lastIndex = 0;
    for (let m = REFERENCES_MENTION.exec(document.text); m; m = REFERENCES_MENTION.exec(document.text)) {
      const position = index.position(m.index, m.index + m[0].length);
      const target = m[0].replace(/[.]+$/, '');
      if (seen.has(`${position.line}:${target}`) || seen.has(`${position.line}:./${target}`)) continue;
      if (!/\.[A-Za-z0-9]+$/.test(target) && !target.endsWith('/')) continue;
      links.push({ target, position });
    }
  }
  return {
    path: document.path,
    kind: document.kind,
    ...(name !== undefined ? { name } : {}),
    pitfalls: document.model.pitfalls.map((p) => ({ id: p.id, position: p.position })),
    links,
    references,
  };
}

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})/;
const INLINE_LINK = /!?\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^)]*)?\)/g;
const DEFINITION = /^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)>?/;

/** Markdown links outside code, with the position of the whole `[text](target)`. */
function scanLinks(text: string, index: LineIndex, visit: (url: string, position: Position) => void): void {
  if (!text.includes('](') && !text.includes(']:')) return;
  let offset = 0;
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = null;
    } else if (fenceMatch) {
      fence = fenceMatch[1]!;
    } else if (line.includes('](') || line.includes(']:')) {
      const code = line.replace(/`[^`]*`/g, (m) => ' '.repeat(m.length));
      INLINE_LINK.lastIndex = 0;
      for (let m = INLINE_LINK.exec(code); m; m = INLINE_LINK.exec(code)) {
        visit(m[1]!, index.position(offset + m.index, offset + m.index + m[0].length));
      }
      const definition = DEFINITION.exec(code);
      if (definition) visit(definition[1]!, index.position(offset, offset + line.length));
    }
    offset += line.length + 1;
  }
}

/** The file part of a relative link, or undefined for URLs, anchors and absolute paths. */
function relativeTarget(url: string): string | undefined {
  if (url === '' || url.startsWith('#') || url.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  const path = url.split('#')[0]!.split('?')[0]!;
  if (path === '') return undefined;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
