/**
 * A fast path for the frontmatter almost every skill has: flat `key: value` lines whose values are
 * plain words, quoted strings or booleans. The `yaml` package is the slowest part of a cold parse
 * (about two thirds of 1,000 skills), so these are read by hand; ANYTHING else (numbers, lists, nested
 * maps, block scalars, comments, anchors, tags, odd escapes, duplicate keys) returns null and the
 * caller uses `yaml`. A differential test checks this agrees with `yaml` on data and positions.
 *
 * Good (fast): `name: deploy\ndescription: "Deploy. Use when..."\nuser-invocable: true`.
 * Falls back: `version: 1.0.0`, `commands:\n  - /deploy`, `description: >\n  folded`.
 */
export interface SimpleEntry {
  key: string;
  value: unknown;
  /** Offsets into the raw YAML text: key [start, end), value [start, end). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

const LINE = /^([A-Za-z_][A-Za-z0-9_-]*):(?:[ \t]+(.*?))?[ \t]*$/;
const BOOLEANS: Record<string, boolean> = { true: true, True: true, TRUE: true, false: false, False: false, FALSE: false };
const PLAIN_SAFE = /^[A-Za-z][^\t]*$/;
const SPECIAL_PLAIN = /^(?:null|Null|NULL|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)$/;

export function parseSimpleFrontmatter(raw: string): SimpleEntry[] | null {
  const entries: SimpleEntry[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const line of raw.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (content.trim() === '') continue;
    const m = LINE.exec(content);
    if (!m) return null;
    const key = m[1]!;
    const rawValue = m[2];
    if (rawValue === undefined || rawValue === '' || seen.has(key) || key === '__proto__') return null;
    seen.add(key);
    const value = scalar(rawValue);
    if (value === undefined) return null;
    const valueStart = lineStart + content.indexOf(rawValue, key.length + 1);
    entries.push({ key, value, keyStart: lineStart, keyEnd: lineStart + key.length, valueStart, valueEnd: valueStart + rawValue.length });
  }
  return entries;
}

/** The value of one scalar, or undefined when it is not one of the simple forms. */
function scalar(text: string): unknown {
  const first = text[0];
  if (first === '"') {
    if (text.length < 2 || !text.endsWith('"')) return undefined;
    const inner = text.slice(1, -1);
    // Only the escapes JSON and YAML read the same way; no raw quotes inside.
    if (/(?<!\\)(?:\\\\)*"/.test(inner) || /\\[^"\\/bfnrt]/.test(inner)) return undefined;
    try {
      const value = JSON.parse(text) as unknown;
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (first === "'") {
    if (text.length < 2 || !text.endsWith("'")) return undefined;
    const inner = text.slice(1, -1);
    if (/'(?!')/.test(inner.replace(/''/g, ''))) return undefined;
    return inner.replace(/''/g, "'");
  }
  if (text in BOOLEANS) return BOOLEANS[text];
  if (!PLAIN_SAFE.test(text) || SPECIAL_PLAIN.test(text)) return undefined;
  // `: ` starts a nested mapping and ` #` a comment; both are left to the real parser.
  if (/:(?:\s|$)/.test(text) || /\s#/.test(text)) return undefined;
  return text;
}
