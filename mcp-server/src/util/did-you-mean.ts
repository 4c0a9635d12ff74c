/**
 * "Did you mean": the closest known word within a small edit distance. Shared by the validator rules
 * (unknown attribute, tool, hook event), the CLI dispatcher (unknown command or flag) and anything else
 * that refuses a name it does not know, so every refusal suggests the same way.
 *
 * Good: `didYouMean('deplyo', ['deploy', 'gate'])` → `'deploy'`.
 * Bad:  suggesting `gate` for `frobnicate` (too far away: no suggestion is better than a wrong one).
 */

export function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** The closest candidate within a small edit distance, or undefined. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = levenshtein(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
