/**
 * ESLint-style "stylish" output: diagnostics grouped under their file, `line:col  severity  message
 * rule-id`, a summary line. Colours only when the stream is a TTY (and NO_COLOR is unset), so logs and
 * pipes get plain text.
 */
import type { ValidationResult } from '../engine.js';

export interface FormatOptions {
  color?: boolean;
}

const paint = (on: boolean, code: string, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export function formatStylish(result: Pick<ValidationResult, 'diagnostics' | 'errorCount' | 'warningCount' | 'filesChecked'>, options: FormatOptions = {}): string {
  const color = options.color === true;
  const byFile = new Map<string, ValidationResult['diagnostics']>();
  for (const d of result.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push('', paint(color, '4', file));
    const width = Math.max(...list.map((d) => `${d.line}:${d.column}`.length));
    for (const d of list) {
      const where = `${d.line}:${d.column}`.padEnd(width);
      const severity = d.severity === 'error' ? paint(color, '31', 'error  ') : d.severity === 'warning' ? paint(color, '33', 'warning') : paint(color, '36', 'info   ');
      const fix = d.fix ? paint(color, '2', ` (fix: ${d.fix.description})`) : '';
      out.push(`  ${paint(color, '2', where)}  ${severity}  ${d.message}${fix}  ${paint(color, '2', d.ruleId)}`);
    }
  }
  const total = result.errorCount + result.warningCount;
  if (total === 0) {
    out.push(`${paint(color, '32', '✔')} ${result.filesChecked} file${result.filesChecked === 1 ? '' : 's'} checked, no problems`);
  } else {
    out.push('', paint(color, result.errorCount ? '1;31' : '1;33', `✖ ${total} problem${total === 1 ? '' : 's'} (${result.errorCount} error${result.errorCount === 1 ? '' : 's'}, ${result.warningCount} warning${result.warningCount === 1 ? '' : 's'}) in ${result.filesChecked} file${result.filesChecked === 1 ? '' : 's'}`));
  }
  return `${out.join('\n').replace(/^\n/, '')}\n`;
}
