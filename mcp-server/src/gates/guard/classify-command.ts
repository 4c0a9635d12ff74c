/**
 * Decides whether a Bash command typed by the agent is a raw production deploy that must go through
 * `/deploy-production` instead. Pure and fast: split the command (split-shell.ts), unwrap what hides
 * the real program (`env X=1`, `sudo`, `nohup`, `timeout`, `npx`, `bash -c "..."`, `sh -c`, `eval`,
 * `$(...)`, backticks), then ask each rule of rules/index.ts.
 *
 * Good (blocked): `bash -c "git push origin HEAD:production"`, `cd app && env K=1 kubectl apply -n production -f .`
 * Good (allowed): `npm test`, `kubectl get pods -n production`, `git push origin feature-x`.
 */
import { splitShell, type Words } from './split-shell.js';
import { guardRules } from './rules/index.js';
import { DEFAULT_GUARD_POLICY, type GuardPolicy } from './guard-policy.js';
import type { GuardCommand } from './rules/guard-rule.js';
import { isShipgateStatePath } from './rules/shipgate-state.js';

export interface GuardVerdict {
  blocked: boolean;
  /** Why, for the hook's stderr (set when blocked). */
  reason?: string;
  ruleId?: string;
  /** The simple command that matched, re-joined. */
  matched?: string;
}

const MAX_DEPTH = 6;
const SHELLS = new Set(['sh', 'bash', 'zsh', 'dash', 'ksh', 'ash', 'fish']);
const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'for', '!', '{', '}', 'time', 'coproc', 'case', 'esac', 'in']);
/** Wrappers and how many option values to skip after them. */
const WRAPPERS: Record<string, { valueOptions: string[]; positionalsToSkip?: number }> = {
  env: { valueOptions: ['-u', '--unset', '-C', '--chdir', '-S', '--split-string'] },
  sudo: { valueOptions: ['-u', '--user', '-g', '--group', '-h', '--host', '-p', '--prompt', '-C', '-D', '--chdir', '-r', '-t'] },
  doas: { valueOptions: ['-u', '-C'] },
  command: { valueOptions: [] },
  builtin: { valueOptions: [] },
  exec: { valueOptions: ['-a'] },
  nohup: { valueOptions: [] },
  nice: { valueOptions: ['-n', '--adjustment'] },
  ionice: { valueOptions: ['-c', '-n', '-p'] },
  stdbuf: { valueOptions: ['-i', '-o', '-e'] },
  timeout: { valueOptions: ['-s', '--signal', '-k', '--kill-after'], positionalsToSkip: 1 },
  watch: { valueOptions: ['-n', '--interval', '-d'] },
  xargs: { valueOptions: ['-I', '-n', '-P', '-L', '-d', '-E', '-s', '-a'] },
  npx: { valueOptions: ['-p', '--package', '-c', '--call'] },
  bunx: { valueOptions: ['-p', '--package'] },
  pnpx: { valueOptions: [] },
  time: { valueOptions: ['-f', '-o'] },
};

export function classifyCommand(command: string, policy: GuardPolicy = DEFAULT_GUARD_POLICY): GuardVerdict {
  return classifyText(command, policy, 0) ?? { blocked: false };
}

function classifyText(text: string, policy: GuardPolicy, depth: number): GuardVerdict | null {
  if (depth > MAX_DEPTH) return null;
  const nested: string[] = [];
  const redirects: string[] = [];
  const commands = splitShell(text, nested, redirects);
  const stateTarget = redirects.find(isShipgateStatePath);
  if (stateTarget) return { blocked: true, ruleId: 'shipgate-state', reason: `writing shipgate's gate state (${stateTarget}) by hand`, matched: text.length > 200 ? `${text.slice(0, 200)}…` : text };
  for (const words of commands) {
    const verdict = classifyWords(words, policy, depth);
    if (verdict) return verdict;
  }
  for (const inner of nested) {
    const verdict = classifyText(inner, policy, depth + 1);
    if (verdict) return verdict;
  }
  return null;
}

function classifyWords(input: Words, policy: GuardPolicy, depth: number): GuardVerdict | null {
  let words = [...input];
  for (let guard = 0; guard < 20 && words.length; guard += 1) {
    const first = words[0]!;
    if (KEYWORDS.has(first) || /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(first)) {
      words = words.slice(1);
      continue;
    }
    const program = baseName(first);
    if (program === 'eval') return classifyText(words.slice(1).join(' '), policy, depth + 1);
    if (SHELLS.has(program)) {
      const flagIndex = words.findIndex((w, i) => i > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w));
      if (flagIndex > 0 && words[flagIndex + 1] !== undefined) return classifyText(words[flagIndex + 1]!, policy, depth + 1);
      const script = words.slice(1).find((w) => !w.startsWith('-'));
      if (!script) return null;
      words = words.slice(words.indexOf(script));
      continue;
    }
    if ((program === 'pnpm' || program === 'yarn') && words[1] === 'dlx') {
      words = words.slice(2);
      continue;
    }
    if (program === 'npm' && words[1] === 'exec') {
      words = skipOptions(words.slice(2), ['-p', '--package', '-c', '--call']);
      continue;
    }
    const wrapper = WRAPPERS[program];
    if (wrapper) {
      let rest = skipOptions(words.slice(1), wrapper.valueOptions);
      while (rest.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(rest[0]!)) rest = rest.slice(1);
      if (program === 'env' || program === 'time') rest = skipOptions(rest, wrapper.valueOptions);
      words = rest.slice(wrapper.positionalsToSkip ?? 0);
      continue;
    }
    const command: GuardCommand = { program: program.toLowerCase(), programWord: first, args: words.slice(1) };
    for (const rule of guardRules) {
      const reason = rule.check(command, policy);
      if (reason) return { blocked: true, reason, ruleId: rule.id, matched: [first, ...command.args].join(' ') };
    }
    return null;
  }
  return null;
}

function skipOptions(words: string[], valueOptions: readonly string[]): string[] {
  let i = 0;
  while (i < words.length && words[i]!.startsWith('-')) {
    if (words[i] === '--') return words.slice(i + 1);
    if (valueOptions.includes(words[i]!)) i += 1;
    i += 1;
  }
  return words.slice(i);
}

function baseName(word: string): string {
  const slash = word.lastIndexOf('/');
  return slash >= 0 ? word.slice(slash + 1) : word;
}

/** The message the hook prints on stderr when it refuses a command. */
export function refusalMessage(verdict: GuardVerdict): string {
  if (verdict.ruleId === 'shipgate-state') {
    return [
      `shipgate guard: refused (${verdict.reason}).`,
      '  Receipts and attestations are written only by a passing gate and by a human attesting; run /deploy-production.',
    ].join('\n');
  }
  if (verdict.ruleId === 'self-attest') {
    return [
      `shipgate guard: refused (${verdict.reason}).`,
      '  Ask the user to run `shipgate attest <check-id> --by NAME --evidence TEXT` in their own terminal,',
      '  or call the gate_attest tool, which asks them through an elicitation form.',
    ].join('\n');
  }
  return [
    `shipgate guard: refused a raw production deploy command (${verdict.reason}).`,
    `  command: ${verdict.matched && verdict.matched.length > 200 ? `${verdict.matched.slice(0, 200)}…` : verdict.matched}`,
    '  Production changes go through the gated path so the checks, receipt, record and rollback apply:',
    '  use /deploy-production (gate_check, then deploy), or /rollback to undo a release.',
  ].join('\n');
}
