/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one run, the rule
 * registry as `tool.driver.rules` (with help text and docs URL), one result per diagnostic with a
 * physicalLocation region (1-based lines/columns, end column exclusive as SARIF expects).
 */
import type { ValidationResult } from '../engine.js';
import { RULES } from '../rules/index.js';
import { docsUrlFor } from '../rule.js';
import { SHIPGATE_VERSION } from '../../version.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function sarifLog(result: ValidationResult): Record<string, unknown> {
  const rules: { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; help: { text: string }; defaultConfiguration: { level: string } }[] = RULES.map((rule) => ({
    id: rule.meta.id,
    name: rule.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.meta.description },
    fullDescription: { text: rule.meta.docs.why },
    helpUri: docsUrlFor(rule.meta.id),
    help: { text: `${rule.meta.description}\n\n${rule.meta.docs.why}` },
    defaultConfiguration: { level: LEVEL[rule.meta.severity] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  for (const d of result.diagnostics) {
    if (index.has(d.ruleId)) continue;
    index.set(d.ruleId, rules.length);
    rules.push({ id: d.ruleId, name: d.ruleId, shortDescription: { text: `Problem found while reading the file (${d.ruleId}).` }, fullDescription: { text: `Problem found while reading the file (${d.ruleId}).` }, helpUri: docsUrlFor(d.ruleId), help: { text: d.ruleId }, defaultConfiguration: { level: LEVEL[d.severity] } });
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'shipgate', version: SHIPGATE_VERSION, semanticVersion: SHIPGATE_VERSION, informationUri: 'https://github.com/shipgate/shipgate', rules } },
        columnKind: 'unicodeCodePoints',
        results: result.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: index.get(d.ruleId)!,
          level: LEVEL[d.severity],
          message: { text: d.fix ? `${d.message} Fix: ${d.fix.description}.` : d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file.split('\\').join('/'), ...(d.file.startsWith('/') ? {} : { uriBaseId: '%SRCROOT%' }) },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine ?? d.line, endColumn: Math.max(d.endColumn ?? d.column + 1, d.endLine && d.endLine > d.line ? 1 : d.column + 1) },
              },
            },
          ],
        })),
      },
    ],
  };
}

export function formatSarif(result: ValidationResult): string {
  return `${JSON.stringify(sarifLog(result), null, 2)}\n`;
}
