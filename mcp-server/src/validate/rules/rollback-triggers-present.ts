/**
 * rollback-triggers-present: a `<rollback_procedure>` says when it fires: `<trigger_conditions>` with at
 * least one `<condition>` (prose, or machine form `metric`/`above`/`for`). The deploy monitor watches these.
 *
 * Bad: a procedure with only `<steps>`. Good: `<trigger_conditions><condition metric="error_rate" above="0.05" for="2m">…`.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'rollback-triggers-present',
    description: 'A rollback procedure has at least one trigger condition.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'Without triggers the automatic rollback never fires: the monitor has nothing to watch.',
      bad: '<rollback_procedure>\n<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n</steps>\n</rollback_procedure>\n',
      good: '<rollback_procedure>\n<trigger_conditions>\n<condition metric="error_rate" above="0.05" for="2m">Error rate above 5% for 2 minutes</condition>\n</trigger_conditions>\n<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n</steps>\n</rollback_procedure>\n',
    },
  },
  check({ document, report }) {
    for (const procedure of document.model.rollbackProcedures) {
      if (procedure.triggerConditions.length > 0) continue;
      report({ message: 'Unexpected rollback_procedure without trigger conditions, expected <trigger_conditions> with at least one <condition>.', position: firstLine(procedure.position) });
    }
  },
};
