/**
 * Which rules run, at which severity, after the per-rule overrides (`off` drops a rule). Shared by the
 * engine (in-process) and the worker threads, which must agree exactly.
 */
import type { DocumentRule, RuleMeta } from './rule.js';
import { RULES } from './rules/index.js';

export type SeverityOverrides = Record<string, 'error' | 'warning' | 'off'>;

export function documentRules(overrides: SeverityOverrides): DocumentRule[] {
  return RULES.filter((r): r is DocumentRule => r.meta.scope === 'document' && overrides[r.meta.id] !== 'off');
}

export function severityFrom(overrides: SeverityOverrides): (meta: RuleMeta) => RuleMeta['severity'] {
  return (meta) => {
    const chosen = overrides[meta.id];
    return chosen === 'error' || chosen === 'warning' ? chosen : meta.severity;
  };
}
