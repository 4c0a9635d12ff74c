/**
 * Ordinal string comparison (UTF-16 code units), for sorting ISO timestamps, ids and paths.
 * `localeCompare` would build an ICU collator on its first call (about 15 ms of a SessionStart hook's
 * budget) and can order the same strings differently from one locale to the next.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
