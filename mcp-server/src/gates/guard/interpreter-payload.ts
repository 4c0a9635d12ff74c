/**
 * Shell text hidden in an interpreter one-liner (`python -c`, `node -e`, `perl -e`, `ruby -e`,
 * `php -r`): each string literal of the payload, and all of them joined (an argv list such as
 * `subprocess.run(["git", "push", "origin", "main:production"])`), become shell text the classifier
 * reads. Best effort: code can build a string any way it likes; without hardened mode this class
 * cannot be closed by reading text, which is why the README calls hardened mode the wall.
 *
 * Good: `node -e "require('child_process').execSync('kubectl apply -n production -f k.yaml')"` is refused.
 * Bad:  treating every interpreter call as harmless because its program is `python`.
 */
const PAYLOAD_FLAGS: Record<string, string[]> = {
  python: ['-c'], node: ['-e', '--eval', '-p', '--print'], perl: ['-e', '-E'], ruby: ['-e'], php: ['-r'], deno: ['eval'], bun: ['-e', '--eval'],
};
const ALIASES: Record<string, string> = { python3: 'python', python2: 'python', nodejs: 'node' };

/** The payload of an interpreter call, or undefined when the call runs no inline code. */
export function interpreterPayload(program: string, args: readonly string[]): string | undefined {
  const family = ALIASES[program] ?? (/^python[0-9.]+$/.test(program) ? 'python' : program);
  const flags = PAYLOAD_FLAGS[family];
  if (!flags) return undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (flags.includes(arg)) return args[i + 1];
    const joined = flags.find((f) => f.startsWith('-') && !f.startsWith('--') && arg.startsWith(f) && arg.length > f.length && family === 'python');
    if (joined) return arg.slice(joined.length);
    if (!arg.startsWith('-') && family !== 'deno') return undefined;
  }
  return undefined;
}

/** The string literals of a payload, in order. */
export function payloadLiterals(payload: string): string[] {
  return literalRuns(payload).flat();
}

/** Shell texts to classify for a payload: every string literal, each list of literals joined as argv, and the payload itself. */
export function payloadShellTexts(payload: string): string[] {
  const runs = literalRuns(payload);
  const joined = runs.filter((run) => run.length > 1).map((run) => run.map((l) => `'${l.replace(/'/g, `'\\''`)}'`).join(' '));
  return [...runs.flat(), ...joined, payload];
}

/** Literals grouped into runs separated only by commas (`["git", "push"]`, `('kubectl', 'apply')`). */
function literalRuns(payload: string): string[][] {
  const runs: string[][] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g;
  let lastEnd = -1;
  for (const match of payload.matchAll(pattern)) {
    const body = (match[1] ?? match[2] ?? match[3] ?? '').replace(/\\(.)/g, '$1');
    const gap = lastEnd < 0 ? '' : payload.slice(lastEnd, match.index);
    if (lastEnd >= 0 && /^[\s[(]*,[\s[(]*$/.test(gap)) runs.at(-1)!.push(body);
    else runs.push([body]);
    lastEnd = match.index + match[0].length;
  }
  return runs;
}
