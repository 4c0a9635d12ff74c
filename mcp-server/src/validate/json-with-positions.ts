/**
 * JSON manifests (plugin.json, marketplace.json, hooks.json, .mcp.json) parsed with the position of
 * every key and value, so manifest rules point at `"version"` itself rather than at line 1.
 * JSON.parse is used for the values (exact semantics); a small scanner finds the positions.
 *
 * Good: `locate(['author', 'name'])` → 3:5. Bad: a trailing comma → `{ error }` with its line/column.
 */
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
  let i = 0;
  const ws = () => { while (i < text.length && /\s/.test(text[i]!)) i += 1; };
  const str = (): string => {
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const walk = (path: string): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === '{') {
      i += 1;
      ws();
      while (text[i] !== '}' && i < text.length) {
        ws();
        const keyStart = i;
        const key = str();
        const child = path === '' ? escape(key) : `${path}/${escape(key)}`;
        keys.set(child, index.position(keyStart, i));
        ws();
        i += 1; // ':'
        walk(child);
        ws();
        if (text[i] === ',') i += 1;
        ws();
      }
      i += 1;
    } else if (c === '[') {
      i += 1;
      let n = 0;
      ws();
      while (text[i] !== ']' && i < text.length) {
        walk(path === '' ? String(n) : `${path}/${n}`);
        n += 1;
        ws();
        if (text[i] === ',') i += 1;
        ws();
      }
      i += 1;
    } else if (c === '"') {
      str();
    } else {
      while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i += 1;
    }
    values.set(path, index.position(start, i));
  };
  walk('');
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
