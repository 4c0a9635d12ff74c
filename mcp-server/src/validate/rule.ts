/**
 * The shape of one validator rule (validate/rules/<rule-id>.ts), as in markdownlint and ESLint:
 * `meta` says what the rule is and why, `check` only *reports*. The engine stamps rule id, severity and
 * docs URL, clamps positions and turns a throwing rule into an `internal-rule-error` diagnostic.
 *
 * Two scopes: `document` rules see one parsed file (they may run in a worker thread and their results
 * are cached by content hash, so they must be pure functions of path + text); `project` rules run once
 * per validation on the main thread and see every file's extracted facts plus the file system.
 */
import type { Position, SkillDocument } from '../skill/model.js';
import type { Fix, Severity } from './diagnostic.js';
import type { DocumentFacts } from './facts.js';

export interface RuleDocs {
  /** Why the rule exists, one or two sentences. */
  why: string;
  /** A short example that the rule reports (file text). */
  bad: string;
  /** The same example, corrected. */
  good: string;
  /** Code fence language of the examples. */
  language?: 'markdown' | 'json' | 'yaml';
}

export interface RuleMeta {
  id: string;
  description: string;
  severity: Exclude<Severity, 'info'>;
  scope: 'document' | 'project';
  docs: RuleDocs;
}

export interface Report {
  message: string;
  /** 1-based; any missing part is filled in (and out-of-range values clamped) by the engine. */
  position?: Partial<Position>;
  fix?: Fix;
  /** Overrides the rule's default severity for this one report (e.g. a softer case). */
  severity?: Exclude<Severity, 'info'>;
}

export interface DocumentRuleContext {
  document: SkillDocument;
  report(report: Report): void;
}

/** A file the project rules may look at, parsed or not. */
export interface ProjectFile {
  /** Absolute path. */
  path: string;
  /** 'json' manifests and the 'config' file are read by project rules themselves; 'markdown' files have facts. */
  type: 'markdown' | 'json' | 'config';
}

export interface ProjectRuleContext {
  /** The plugin root when the validation started at one (has .claude-plugin/ or skills/), else null. */
  root: string | null;
  files: ProjectFile[];
  facts: DocumentFacts[];
  exists(absolutePath: string): boolean;
  /** File text, or undefined when unreadable. */
  readText(absolutePath: string): string | undefined;
  report(file: string, report: Report): void;
}

export interface DocumentRule {
  meta: RuleMeta & { scope: 'document' };
  check(context: DocumentRuleContext): void;
}

export interface ProjectRule {
  meta: RuleMeta & { scope: 'project' };
  /** May be async, so a rule loads what it needs (a schema, a parser) only when there is work for it. */
  check(context: ProjectRuleContext): void | Promise<void>;
}

export type Rule = DocumentRule | ProjectRule;

/** Where a rule's documentation lives; the engine stamps it on every diagnostic. */
export function docsUrlFor(ruleId: string): string {
  return `https://github.com/shipgate/shipgate/blob/main/docs/rules.md#${ruleId}`;
}
