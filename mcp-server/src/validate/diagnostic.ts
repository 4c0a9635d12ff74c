/**
 * The one Diagnostic type, shared by the validator engine, the CLI formatters (stylish, json, sarif,
 * github), the MCP `validate_skills` tool and the skill parser's own problems. Lines and columns are
 * 1-based; end positions are inclusive of the last character's column + 1 (ESLint convention).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Fix {
  /** Human description of the fix ("rename to `tests_pass`"). */
  description: string;
  /** Optional literal replacement for the reported range. */
  replacement?: string;
}

export interface Diagnostic {
  file: string;
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: Fix;
  docsUrl?: string;
}
