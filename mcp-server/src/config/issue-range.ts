/**
 * Where in the YAML source a zod issue about the configuration is: the unknown key itself, else the
 * value at the issue's path, else (for a missing key) the key of its nearest parent, which is where it
 * must be added. Shared by the loader (its errors say file:line:col) and the `config-schema` rule.
 */
import { isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { ZodIssue } from 'zod';

/** The [start, end] character offsets of the node an issue is about, or undefined when none has a range. */
export function issueRange(document: Document, issue: ZodIssue): readonly number[] | undefined {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const map = path.length ? document.getIn(path, true) : document.contents;
    if (isMap(map)) {
      for (const item of map.items) {
        if (isPair(item) && isScalar(item.key) && issue.keys.includes(String(item.key.value))) return item.key.range ?? undefined;
      }
    }
  }
  for (let length = path.length; length >= 0; length -= 1) {
    const node = (length === 0 ? document.contents : document.getIn(path.slice(0, length), true)) as Node | null | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      // A missing key is reported at its parent's key, which is where it must be added.
      if (length < path.length && length > 0) return keyRange(document, path.slice(0, length)) ?? node.range;
      // A record key that is itself wrong (an environment named `Prod`) is reported at the key.
      if (length === path.length && isRecordKeyIssue(issue, node)) return keyRange(document, path) ?? node.range;
      return node.range;
    }
  }
  return undefined;
}

/**
 * zod reports a bad record key (`z.record(keySchema, …)`) as a string issue at the key's path, where the
 * value is not a string at all: that issue is about the key.
 */
export function isRecordKeyIssue(issue: ZodIssue, value: unknown): boolean {
  return issue.code === 'invalid_string' && issue.path.length > 0 && typeof value === 'object' && value !== null && !isScalar(value);
}

export function keyRange(document: Document, path: readonly (string | number)[]): readonly number[] | undefined {
  const parent = path.length > 1 ? document.getIn(path.slice(0, -1), true) : document.contents;
  if (!isMap(parent)) return undefined;
  const last = path[path.length - 1];
  for (const item of parent.items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(last)) return item.key.range ?? undefined;
  }
  return undefined;
}
