/**
 * Shell commands a GNU sed script runs: the `e COMMAND` command, and the `e` flag of `s///e`, which
 * runs the pattern space after the substitution (the replacement is read; `&` and `\1` are UNKNOWN).
 * `--sandbox` turns both off.
 *
 * Good: `sed -n '1e git push origin HEAD:main' f` and `sed 's/x/git push origin HEAD:main/e'` are read as `git push …`.
 * Bad:  letting sed through because it is a text editor.
 */
import { UNKNOWN } from './expand-words.js';

export function sedCommands(args: readonly string[]): string[] {
  if (args.includes('--sandbox')) return [];
  const scripts: string[] = [];
  let explicit = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    if (arg === '-e' || arg === '--expression') { scripts.push(args[i + 1] ?? ''); explicit = true; i += 1; continue; }
    if (arg.startsWith('--expression=')) { scripts.push(arg.slice('--expression='.length)); explicit = true; continue; }
    if (/^-[A-Za-z]*e$/.test(arg)) { scripts.push(args[i + 1] ?? ''); explicit = true; i += 1; continue; }
    if (arg === '-f' || arg === '--file' || arg === '-l' || arg === '--line-length') { i += 1; continue; }
    if (arg.startsWith('-')) continue;
    if (!explicit) { scripts.push(arg); break; }
  }
  return scripts.flatMap(commandsOf);
}

function commandsOf(script: string): string[] {
  const found: string[] = [];
  // `e command` (after an optional address), up to the end of the line.
  for (const match of script.matchAll(/(?:^|[;\n{}])\s*(?:\d+|\$|\/(?:[^/\\]|\\.)*\/)?(?:,\s*(?:\d+|\$|\/(?:[^/\\]|\\.)*\/))?\s*!?\s*e(?:\s+([^\n]*))?/g)) {
    if (match[1]) found.push(match[1]);
  }
  // `s<d>pattern<d>replacement<d>flags` with an `e` among the flags.
  for (const match of script.matchAll(/(?:^|[;\n{}\s\d$/])s(.)((?:(?!\1)[^\\]|\\.)*)\1((?:(?!\1)[^\\]|\\.)*)\1([gpiImMe0-9w]*)/g)) {
    if (match[4]!.includes('e')) found.push(match[3]!.replace(/\\[0-9]|&/g, UNKNOWN).replace(/\\(.)/g, '$1'));
  }
  return found;
}
