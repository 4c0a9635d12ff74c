/**
 * JSON manifests (plugin.json, marketplace.json, hooks.json, .mcp.json) parsed with the position of
 * every key and value, so manifest rules point at `"version"` itself rather than at line 1.
 * JSON.parse is used for the values and syntax errors (exact semantics); yaml's document API (JSON is
 * YAML's flow syntax) gives the positions, so no hand-written scanner is needed.
 *
 * Good: `locate(['author', 'name'])` → 3:5. Bad: a trailing comma → `{ error }` with its line/column.
 */
import { isMap, isNode, isScalar, isSeq, parseDocument } from 'yaml';
import type { Position } from '../skill/model.js';
import { LineIndex } from '../skill/line-index.js';

export interface JsonWithPositions {
  value: unknown;
  /** Position of the key (or of the value for array items / the root), by JSON pointer-like path `a/b/0`. */
  keys: Map<string, Position>;
  values: Map<string, Position>;
  error?: { message: string; position: Position };
}

export function parseJsonWithPositions(text: string): JsonWithPositions {
  const index = new LineIndex(text);
  const keys = new Map<string, Position>();
  const values = new Map<string, Position>();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const at = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const position = lc
      ? { line: Number(lc[1]), column: Number(lc[2]), endLine: Number(lc[1]), endColumn: Number(lc[2]) + 1 }
      : index.position(at ? Number(at[1]) : Math.max(0, text.length - 1), (at ? Number(at[1]) : text.length - 1) + 1);
    return { value: undefined, keys, values, error: { message: message.replace(/^(?:Unexpected|SyntaxError:)\s*/, 'Unexpected '), position } };
  }
  // JSON is YAML's flow syntax: yaml's document API gives every key and value its source range.
  const document = parseDocument(text, { uniqueKeys: false, strict: false });
  const walk = (node: unknown, path: string): void => {
    if (!isNode(node)) return;
    if (node.range) values.set(path, index.position(node.range[0], node.range[1]));
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const child = path === '' ? escape(String(pair.key.value)) : `${path}/${escape(String(pair.key.value))}`;
        if (pair.key.range) keys.set(child, index.position(pair.key.range[0], pair.key.range[1]));
        walk(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, n) => walk(item, path === '' ? String(n) : `${path}/${n}`));
    }
  };
  walk(document.contents, '');
  return { value, keys, values };
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Position of the key at `path` (falling back to its value, then to the nearest parent, then 1:1). */
export function locate(json: JsonWithPositions, path: (string | number)[]): Position {
  for (let n = path.length; n >= 0; n -= 1) {
    const key = path.slice(0, n).map((p) => escape(String(p))).join('/');
    const found = json.keys.get(key) ?? json.values.get(key);
    if (found) return found;
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

/** Position of the value at `path` (falling back like `locate`). */
export function locateValue(json: JsonWithPositions, path: (string | number)[]): Position {
  const key = path.map((p) => escape(String(p))).join('/');
  return json.values.get(key) ?? locate(json, path);
}
