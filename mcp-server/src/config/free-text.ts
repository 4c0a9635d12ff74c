/**
 * Free text a person or the model gives shipgate to keep (a rollback reason, a lesson's note, who
 * learned it): bounded, and free of control characters, which would reach records, learnings.md and
 * terminals as escape sequences or NUL bytes. One check for every such field, from the CLI and the
 * MCP tools alike. A note may span lines; a reason or a name is one line.
 *
 * No zod here: `shipgate learnings record` stays light; the MCP tools use free-text-schema.ts.
 *
 * Good: `checkout returns 500 since 1.4.0`. Bad: `ok\u001b[2J`, `a\u0000b`, 100 000 characters.
 */
import { InputError } from '../errors.js';

export interface FreeTextRule {
  max: number;
  /** Newlines (and tabs) allowed. */
  multiline: boolean;
}

const CONTROL_ONE_LINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/;

/** What is wrong with the text, or undefined when it is fine. */
export function freeTextProblem(text: string, rule: FreeTextRule): string | undefined {
  if (text.trim().length === 0) return 'is empty';
  if (text.length > rule.max) return `is ${text.length} characters long`;
  if ((rule.multiline ? CONTROL_MULTILINE : CONTROL_ONE_LINE).test(text)) return rule.multiline ? 'contains control characters' : 'contains control characters or a line break';
  return undefined;
}

export function describeFreeText(rule: FreeTextRule): string {
  return `plain text${rule.multiline ? ' (newlines allowed)' : ' on one line'}, 1 to ${rule.max} characters, no control characters`;
}

/** Throws an InputError naming the argument (`--reason`, `note`) when the text breaks the rule. */
export function checkFreeText(text: string, where: string, rule: FreeTextRule): void {
  const problem = freeTextProblem(text, rule);
  if (problem) throw new InputError(`The ${where} ${problem}.`, { where, expected: describeFreeText(rule), found: problem === 'is empty' || problem.startsWith('is ') ? `${text.length} characters` : problem });
}

/** The fields shipgate keeps. */
export const REASON_TEXT: FreeTextRule = { max: 500, multiline: false };
