/**
 * GitHub Actions workflow commands: `::error file=..,line=..,col=..,endLine=..,endColumn=..,title=rule::msg`,
 * so problems show up as annotations on the pull request diff. Property values and messages are escaped
 * as the runner requires (%, CR, LF, and `:`/`,` in properties).
 */
import type { ValidationResult } from '../engine.js';

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(result: ValidationResult): string {
  const lines = result.diagnostics.map((d) => {
    const command = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
    const props = [`file=${escapeProperty(d.file)}`, `line=${d.line}`, `col=${d.column}`];
    if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
    if (d.endColumn !== undefined && (d.endLine ?? d.line) === d.line) props.push(`endColumn=${d.endColumn}`);
    props.push(`title=${escapeProperty(d.ruleId)}`);
    return `::${command} ${props.join(',')}::${escapeData(d.fix ? `${d.message} (fix: ${d.fix.description})` : d.message)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
