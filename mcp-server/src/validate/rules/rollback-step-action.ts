/**
 * rollback-step-action: every rollback step does something: a `<command>` to run, `<actions>` for a
 * person, or an `<investigation>` list. An empty step is a promise with nothing behind it.
 *
 * Bad: `<step id="2" action="verify"></step>`. Good: with `<command>kubectl rollout status ...</command>`.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'rollback-step-action',
    description: 'Each rollback step has a `<command>`, `<actions>` or `<investigation>`.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'The rollback runner executes commands and prints actions; a step with neither silently does nothing during an incident.',
      bad: '<rollback_procedure>\n<steps sequential="true">\n<step id="1" action="immediate_rollback">\n<expected>Previous version restored</expected>\n</step>\n</steps>\n</rollback_procedure>\n',
      good: '<rollback_procedure>\n<steps sequential="true">\n<step id="1" action="immediate_rollback">\n<command>kubectl rollout undo deployment/app</command>\n<expected>Previous version restored</expected>\n</step>\n</steps>\n</rollback_procedure>\n',
    },
  },
  check({ document, report }) {
    for (const procedure of document.model.rollbackProcedures) {
      for (const step of procedure.steps) {
        if ((step.command ?? '').trim() || step.actions.length > 0 || (step.investigation ?? '').trim()) continue;
        report({ message: `Unexpected rollback step "${step.id}" with nothing to do, expected a <command>, <actions> or <investigation>.`, position: firstLine(step.position) });
      }
    }
  },
};
