/**
 * One Markdown file through the document rules: read once, parse once, run every document rule, and
 * return plain data (diagnostics + facts) that can cross a worker boundary and be cached by content
 * hash. A rule that throws becomes an `internal-rule-error` diagnostic; nothing here throws.
 */
import type { DocumentKind, SkillDocument } from '../skill/model.js';
import { parseSkill } from '../skill/parse-skill.js';
import { emptyModel } from '../skill/parse-skill.js';
import { isBinary, MAX_SKILL_BYTES } from '../skill/load-skill.js';
import type { Diagnostic } from './diagnostic.js';
import type { DocumentRule, Report, RuleMeta } from './rule.js';
import { extractFacts, type DocumentFacts } from './facts.js';
import { makeDiagnostic, internalRuleError } from './make-diagnostic.js';

export interface FileResult {
  diagnostics: Diagnostic[];
  facts: DocumentFacts;
}

export function documentFromBytes(path: string, kind: DocumentKind, bytes: Uint8Array): SkillDocument {
  const problem = (ruleId: string, message: string): SkillDocument => ({
    path, kind, text: '', frontmatter: null, elements: [], model: emptyModel(),
    problems: [{ ruleId, severity: 'error', message, position: { line: 1, column: 1, endLine: 1, endColumn: 2 } }],
  });
  if (bytes.length > MAX_SKILL_BYTES) return problem('file-too-large', `Unexpected file of ${(bytes.length / 1024 / 1024).toFixed(1)} MB, expected at most 5 MB; move detail into references/ files.`);
  if (isBinary(bytes)) return problem('file-binary', 'Unexpected binary content (NUL bytes), expected UTF-8 Markdown text.');
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseSkill(path, text, kind);
}

/** The ids of the last rule list seen: the same list comes with every file of a validation. */
let idsOf: readonly DocumentRule[] | undefined;
let ids = new Set<string>();

function ruleIdsOf(rules: readonly DocumentRule[]): Set<string> {
  if (idsOf !== rules) {
    ids = new Set(rules.map((r) => r.meta.id));
    idsOf = rules;
  }
  return ids;
}

export function processFile(path: string, kind: DocumentKind, bytes: Uint8Array, rules: readonly DocumentRule[], severityOf: (meta: RuleMeta) => RuleMeta['severity']): FileResult {
  const document = documentFromBytes(path, kind, bytes);
  const diagnostics: Diagnostic[] = [];
  const ruleIds = ruleIdsOf(rules);
  const text = document.text;
  for (const problem of document.problems) {
    if (ruleIds.has(problem.ruleId)) continue;
    diagnostics.push(makeDiagnostic(text, path, { id: problem.ruleId, severity: problem.severity }, { message: problem.message, position: problem.position }));
  }
  // One context for all rules (they report synchronously): no closure and context per rule and file.
  let current: { id: string; severity: RuleMeta['severity'] } = { id: '', severity: 'error' };
  const context = { document, report: (report: Report) => diagnostics.push(makeDiagnostic(text, path, current, report)) };
  for (const rule of rules) {
    current = { id: rule.meta.id, severity: severityOf(rule.meta) };
    try {
      rule.check(context);
    } catch (error) {
      diagnostics.push(internalRuleError(path, rule.meta.id, error));
    }
  }
  let facts: DocumentFacts;
  try {
    facts = extractFacts(document);
  } catch (error) {
    diagnostics.push(internalRuleError(path, 'facts', error));
    facts = { path, kind, pitfalls: [], links: [], references: [] };
  }
  return { diagnostics, facts };
}
