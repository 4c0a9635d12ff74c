/**
 * The engine's side of "rules only report": turn a rule's Report into a Diagnostic with the rule id,
 * severity and docs URL stamped on, and positions made valid (1-based, inside the file, end after start).
 * A rule can never produce line 0, NaN, or a column past the end of its line.
 */
import type { Diagnostic } from './diagnostic.js';
import type { Report } from './rule.js';
import { docsUrlFor } from './rule.js';

export function makeDiagnostic(text: string | undefined, file: string, rule: { id: string; severity: Diagnostic['severity'] }, report: Report): Diagnostic {
  const lines = text === undefined ? undefined : lineLengths(text);
  const maxLine = lines ? lines.length : Number.MAX_SAFE_INTEGER;
  const clampLine = (n: unknown, fallback: number) => Math.min(Math.max(1, Number.isFinite(n) ? Math.floor(n as number) : fallback), maxLine);
  const line = clampLine(report.position?.line, 1);
  const maxColumn = (l: number) => (lines ? (lines[l - 1] ?? 0) + 1 : Number.MAX_SAFE_INTEGER);
  const clampColumn = (n: unknown, l: number, fallback: number) => Math.min(Math.max(1, Number.isFinite(n) ? Math.floor(n as number) : fallback), Math.max(1, maxColumn(l)));
  const column = clampColumn(report.position?.column, line, 1);
  let endLine = clampLine(report.position?.endLine, line);
  if (endLine < line) endLine = line;
  let endColumn = clampColumn(report.position?.endColumn, endLine, endLine === line ? column + 1 : 1);
  if (endLine === line && endColumn < column) endColumn = column;
  const severity = report.severity ?? rule.severity;
  const message = typeof report.message === 'string' && report.message.trim() !== '' ? report.message : `Rule ${rule.id} reported a problem without a message.`;
  return {
    file,
    ruleId: rule.id,
    severity,
    message,
    line,
    column,
    endLine,
    endColumn,
    ...(report.fix && typeof report.fix.description === 'string' ? { fix: report.fix } : {}),
    docsUrl: docsUrlFor(rule.id),
  };
}

export function internalRuleError(file: string, ruleId: string, error: unknown): Diagnostic {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file,
    ruleId: 'internal-rule-error',
    severity: 'error',
    message: `Rule ${ruleId} crashed on this file (${detail}). This is a bug in shipgate; please report it with the file.`,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    docsUrl: docsUrlFor('internal-rule-error'),
  };
}

let memoText: string | undefined;
let memoLengths: number[] = [];

function lineLengths(text: string): number[] {
  if (text === memoText) return memoLengths;
  const lengths: number[] = [];
  let start = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', start)) {
    lengths.push(at - start);
    start = at + 1;
  }
  lengths.push(text.length - start);
  memoText = text;
  memoLengths = lengths;
  return lengths;
}
