/**
 * Splits the `---` fenced YAML frontmatter off a Markdown file and parses it with positions of every
 * top-level key and value in the ORIGINAL file, so the validator can point at `allowed-tools` itself.
 *
 * Good: `---\nname: deploy\n---\n# Body` → data {name: 'deploy'}, keys.name at 2:1.
 * Bad:  `---\nname: [oops\n---` → a `frontmatter-yaml` problem at line 2, data {}.
 */
import { isMap, isScalar, parseDocument } from 'yaml';
import type { Frontmatter, ParseProblem } from './model.js';
import type { LineIndex } from './line-index.js';
import { parseSimpleFrontmatter } from './simple-frontmatter.js';

export interface FrontmatterSplit {
  frontmatter: Frontmatter | null;
  /** Offset where the Markdown body starts (0 without frontmatter). */
  bodyStart: number;
  problems: ParseProblem[];
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export function parseFrontmatter(text: string, index: LineIndex): FrontmatterSplit {
  const open = OPEN.exec(text);
  if (!open) return { frontmatter: null, bodyStart: 0, problems: [] };
  const rawStart = open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = rawStart;
  let closeMatch: RegExpExecArray | null = null;
  // An empty frontmatter (`---\n---`) closes on the very first line of the raw text.
  for (let m = close.exec(text); m; m = close.exec(text)) {
    if (m.index >= rawStart) {
      closeMatch = m;
      break;
    }
  }
  if (!closeMatch) {
    return {
      frontmatter: null,
      bodyStart: 0,
      problems: [
        {
          ruleId: 'frontmatter-yaml',
          severity: 'error',
          message: 'Unclosed frontmatter: the file starts with `---` but no closing `---` line follows. Add a line containing only `---` after the YAML.',
          position: index.position(0, 3),
        },
      ],
    };
  }
  const rawEnd = closeMatch.index;
  const bodyStart = closeMatch.index + closeMatch[0].length;
  const raw = text.slice(rawStart, rawEnd);
  const problems: ParseProblem[] = [];
  const keys: Frontmatter['keys'] = {};
  const values: Frontmatter['values'] = {};
  let data: Record<string, unknown> = {};

  const simple = parseSimpleFrontmatter(raw);
  if (simple) {
    for (const entry of simple) {
      data[entry.key] = entry.value;
      keys[entry.key] = index.position(rawStart + entry.keyStart, rawStart + entry.keyEnd);
      values[entry.key] = index.position(rawStart + entry.valueStart, rawStart + entry.valueEnd);
    }
  } else {
    try {
      const doc = parseDocument(raw, { prettyErrors: false, uniqueKeys: true });
      for (const error of doc.errors) {
        const [start, end] = error.pos;
        problems.push({
          ruleId: 'frontmatter-yaml',
          severity: 'error',
          message: `Invalid YAML in frontmatter: ${firstLine(error.message)}`,
          position: index.position(rawStart + start, rawStart + Math.max(start, end)),
        });
      }
      if (doc.errors.length === 0) {
        const contents = doc.contents;
        if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
          data = {};
        } else if (isMap(contents)) {
          for (const pair of contents.items) {
            const key = pair.key;
            const keyName = isScalar(key) ? String(key.value) : String(key);
            const keyRange = (key as { range?: [number, number, number] } | null)?.range;
            if (keyRange) keys[keyName] = index.position(rawStart + keyRange[0], rawStart + keyRange[1]);
            const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
            if (valueRange) values[keyName] = index.position(rawStart + valueRange[0], rawStart + valueRange[1]);
            else if (keyRange) values[keyName] = index.position(rawStart + keyRange[1], rawStart + keyRange[1]);
          }
          const js = doc.toJS({ maxAliasCount: 100 }) as unknown;
          if (js && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
        } else {
          problems.push({
            ruleId: 'frontmatter-yaml',
            severity: 'error',
            message: 'Frontmatter must be a YAML mapping of `key: value` lines, found a ' + (isScalar(contents) ? 'plain value' : 'list') + '. Write e.g. `name: deploy-production`.',
            position: index.position(rawStart, rawEnd),
          });
        }
      }
    } catch (error) {
      problems.push({
        ruleId: 'frontmatter-yaml',
        severity: 'error',
        message: `Invalid YAML in frontmatter: ${firstLine(error instanceof Error ? error.message : String(error))}`,
        position: index.position(rawStart, rawEnd),
      });
    }
  }

  return {
    frontmatter: { data, keys, values, position: index.position(0, closeMatch.index + closeMatch[0].trimEnd().length), raw },
    bodyStart,
    problems,
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
