/**
 * allowed-tools-syntax: `allowed-tools` (and an agent's `tools`) is a comma/space list or YAML list of
 * tool names, each `Name` or `Name(specifier)` with balanced parentheses, or an MCP tool `mcp__server__tool`.
 *
 * Bad: `allowed-tools: bash(docker:*), Read(`. Good: `allowed-tools: Bash(docker:*), Read`.
 */
import type { DocumentRule } from '../rule.js';
import { describeValue, valuePosition } from '../rule-helpers.js';

const TOOL = /^(?:mcp__[A-Za-z0-9_-]+(?:__[A-Za-z0-9_*-]+)?|[A-Z][A-Za-z0-9]*)(?:\([^()]*\))?$/;

/** Split on commas and whitespace that are not inside parentheses. */
export function splitTools(text: string): string[] {
  const tokens: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth += 1;
    if (c === ')') depth -= 1;
    if (depth <= 0 && (c === ',' || /\s/.test(c))) {
      if (current) tokens.push(current);
      current = '';
      depth = Math.max(depth, 0);
    } else current += c;
  }
  if (current) tokens.push(current);
  return tokens;
}

export const rule: DocumentRule = {
  meta: {
    id: 'allowed-tools-syntax',
    description: '`allowed-tools` lists tool names like `Read`, `Bash(git:*)` or `mcp__server__tool`.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'A malformed entry grants nothing (or the wrong thing): `bash(docker:*)` does not match the Bash tool, so the command prompts or fails mid-deploy.',
      bad: '---\nname: deploy\nallowed-tools: Read, bash(docker:*), Bash(kubectl:*\n---\n',
      good: '---\nname: deploy\nallowed-tools: Read, Bash(docker:*), Bash(kubectl:*)\n---\n',
    },
  },
  check({ document, report }) {
    const fm = document.frontmatter;
    if (!fm) return;
    for (const key of ['allowed-tools', 'tools', 'disallowedTools']) {
      if (!(key in fm.data)) continue;
      const value = fm.data[key];
      const position = valuePosition(document, key);
      const entries = typeof value === 'string' ? splitTools(value) : Array.isArray(value) ? value : null;
      if (entries === null) {
        report({ message: `Unexpected ${describeValue(value)} for ${key}, expected a comma-separated string or a list of tool names.`, position });
        continue;
      }
      let line: string | undefined;
      for (const entry of entries) {
        if (typeof entry === 'string' && TOOL.test(entry.trim())) continue;
        // Only a bad entry needs its line (splitting every file's text was most of this rule's time).
        line ??= document.text.split('\n')[position.line - 1] ?? '';
        const text = typeof entry === 'string' ? entry : describeValue(entry);
        const at = line.indexOf(text, position.line === fm.keys[key]?.line ? position.column - 1 : 0);
        const where = at >= 0 && position.line === position.endLine ? { line: position.line, column: at + 1, endLine: position.line, endColumn: at + 1 + text.length } : position;
        const fixed = typeof entry === 'string' ? entry.charAt(0).toUpperCase() + entry.slice(1) + (entry.split('(').length > entry.split(')').length ? ')' : '') : undefined;
        report({
          message: `Unexpected tool "${text}" in ${key}, expected \`Name\`, \`Name(specifier)\` with balanced parentheses, or \`mcp__server__tool\`.`,
          position: where,
          ...(fixed && TOOL.test(fixed) ? { fix: { description: `write \`${fixed}\``, replacement: fixed } } : {}),
        });
      }
    }
  },
};
