/**
 * `--format json` (and `--json`): one JSON document on stdout, the same shape as the MCP tool's
 * structured output: { ok, filesChecked, errorCount, warningCount, diagnostics[] }.
 */
import type { ValidationResult } from '../engine.js';

export function formatJson(result: ValidationResult): string {
  return `${JSON.stringify({ ok: !result.failed, filesChecked: result.filesChecked, errorCount: result.errorCount, warningCount: result.warningCount, diagnostics: result.diagnostics }, null, 2)}\n`;
}
