/**
 * Differential test of the guard's shell parser against real bash.
 * 1. Command boundaries: bash runs each script with a DEBUG trap under `shopt -s extdebug` (and
 *    `set -T` so subshells inherit it) that writes `$BASH_COMMAND` for every simple command and then
 *    skips it, so nothing runs; the parser must find the same simple commands, in the same order.
 * 2. Words: bash prints the arguments it passes to a function (quote removal, `$'…'`, escapes, line
 *    continuations); the parser must produce the same words.
 * Scripts avoid constructs whose skipped commands change the control flow (`||`, `else`, loops, `case`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseShell } from '../../mcp-server/src/gates/guard/split-shell.js';

const KEYWORDS = new Set(['if', 'then', 'fi', '!', '{', '}', 'time']);

const SCRIPTS: string[] = [
  'git push origin main',
  'a x && b "y z"; c',
  'a; b; c',
  'a\nb\n\nc',
  'a | b | c',
  'a |& b',
  '(c q | d) && e',
  '( a; ( b; c ) )',
  '{ a; b; }',
  'if g; then h; fi',
  'if g && h; then i; fi; j',
  'a & b',
  '! a; b',
  'x=1 y=2',
  'FOO=bar git push origin HEAD:production',
  'git pu\\\nsh origin main',
  'kube\\\nctl apply -n production \\\n  -f k.yaml',
  "git commit -m $'we\\'re live' ; git push origin main",
  "echo $'a\\tb\\nc' ; next",
  'echo "a;b" \'c|d\' e\\;f; g',
  'echo # comment ; not a command\nafter',
  'echo a#b c # real comment',
  'cat <<EOF\nline one; not a command\nEOF\nafter',
  "cat <<'EOF' | sh\n$(not run) `nor this`\nEOF\nnext",
  'cat <<-EOF\n\tindented\n\tEOF\nnext',
  'cat <<A; cat <<B\none\nA\ntwo\nB\nlast',
  'sh <<< "here string"; next',
  'f > out.txt 2>&1; g < in.txt; h >> log 2> err',
  'a 2>/dev/null && b &>/dev/null',
  'echo $(never run) `nor this`; after',
  'echo "$(never) and ${HOME}"; x',
  'diff <(ls a) <(ls b); after',
  'bash -c "git push origin HEAD:production"',
  "env -S 'kubectl apply' -n production",
  'a && \\\nb',
  'a;;b'.replace(';;', '; '),
  'echo \'single "double" inside\' && echo "double \'single\' inside"',
  'echo "escaped \\" quote" ; echo \\"bare\\"',
  'echo a\\ b c\\\\d',
  '[[ -n x ]] && t',
  'export K=kubectl; $K apply -n production',
  'sudo -u deploy kubectl -n production rollout restart deploy/api',
  'find . -exec kubectl apply -f {} \\; ; done_marker',
  'echo $\'\\x41\\101\' "$\'not\'"',
  'cd sub && git push',
  'echo "multi\nline" ; next',
  "echo 'multi\nline' ; next",
];

const WORDS: string[] = [
  'git push origin main',
  "k\"ube\"ctl apply -n \"produc\"tion -f k.yaml",
  "g'i't push origin 'main:production'",
  "$'git' push $'origin' $'main:prod\\x75ction'",
  "$'we\\'re live' $'tab\\there' $'nl\\nhere' $'\\101\\102' $'\\u00e9'",
  'a\\ b c\\\\d \\$HOME "\\$HOME" \'$HOME\'',
  'git pu\\\nsh origin "ma\\\nin"',
  '"a"\'b\'c$\'d\'',
  '"" \'\' x',
  '"quote \\" inside" \'single\'"double"',
  '\\git push',
  'a=b c=d',
  '"x y" "z"w',
  '$"locale string"',
  '-c "git push" --opt=value',
  "'}' '{' '(' ')' ';'",
  '"tab\there" "back\\\\slash"',
  // brace expansion (quoted and escaped braces stay literal)
  '{git,push} origin HEAD:ma{i,}n',
  'x{a,b{c,d}}y {1..3} {c..a} {} {x} "{a,b}" \'{a,b}\' a\\{b,c\\}',
  'cmd x={a,b} pre{,-post} {a,b}{1,2}',
];

let dir: string;
const hasBash = spawnSync('bash', ['--version']).status === 0;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shipgate-split-bash-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The simple commands bash would run, in order, each as bash wrote it into $BASH_COMMAND. */
function bashCommands(script: string): string[] {
  const file = join(dir, 'script.sh');
  const out = join(dir, 'commands.bin');
  rmSync(out, { force: true });
  writeFileSync(file, `shopt -s extdebug\nset -T\ntrap 'printf "%s\\0" "$BASH_COMMAND" >> "$SPLIT_OUT"; false' DEBUG\n${script}\n`);
  const result = spawnSync('bash', ['--noprofile', '--norc', file], { cwd: dir, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', SPLIT_OUT: out, HOME: dir }, encoding: 'utf8', timeout: 10_000 });
  expect(result.error).toBeUndefined();
  if (!existsSync(out)) return [];
  return readFileSync(out, 'utf8').split('\0').filter((c) => c !== '');
}

function withoutKeywords(words: string[]): string[] {
  let i = 0;
  while (i < words.length && KEYWORDS.has(words[i]!)) i += 1;
  return words.slice(i).filter((w, j, all) => !(j === all.length - 1 && KEYWORDS.has(w) && w !== '!'));
}

describe.runIf(hasBash)('shell parser against real bash', () => {
  it.each(SCRIPTS)('finds the simple commands bash runs in %j', (script) => {
    const ours = parseShell(script).commands.map((c) => withoutKeywords(c.words)).filter((w) => w.length);
    const theirs = bashCommands(script).map((text) => withoutKeywords(parseShell(text).commands[0]?.words ?? [])).filter((w) => w.length);
    expect(ours).toEqual(theirs);
  });

  it.each(WORDS)('splits %j into the words bash passes', (text) => {
    const result = spawnSync('bash', ['--noprofile', '--norc', '-c', `__w() { printf '%s\\0' "$@"; }\n__w ${text}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: '/home/someone', LC_ALL: 'C.UTF-8' } });
    expect(result.status).toBe(0);
    const theirs = result.stdout.split('\0').slice(0, -1);
    const ours = parseShell(text).commands.map((c) => c.words);
    expect(ours).toHaveLength(1);
    expect(ours[0]).toEqual(theirs);
  });
});
