/**
 * rollback-steps-sequential: in `<steps sequential="true">` the step ids are 1..n in order. The rollback
 * runner executes them in that order and reports "step 3 of 5"; gaps and swaps hide a missing step.
 *
 * Bad: steps 1, 3, 2. Good: steps 1, 2, 3.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'rollback-steps-sequential',
    description: 'Sequential rollback steps are numbered 1..n in order.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'Rollback runs under pressure; a skipped or swapped number is how a "verify rollback" step gets lost.',
      bad: '<rollback_procedure>\n<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n<step id="3" action="verify">\n<command>kubectl rollout status deployment/app</command>\n</step>\n</steps>\n</rollback_procedure>\n',
      good: '<rollback_procedure>\n<steps sequential="true">\n<step id="1" action="undo">\n<command>kubectl rollout undo deployment/app</command>\n</step>\n<step id="2" action="verify">\n<command>kubectl rollout status deployment/app</command>\n</step>\n</steps>\n</rollback_procedure>\n',
    },
  },
  check({ document, report }) {
    for (const procedure of document.model.rollbackProcedures) {
      if (!procedure.sequential) continue;
      procedure.steps.forEach((step, index) => {
        const expected = index + 1;
        if (step.number === expected) return;
        report({ message: `Unexpected step id "${step.id}", expected "${expected}" (sequential steps are numbered 1..n in order).`, position: firstLine(step.position), fix: { description: `renumber to ${expected}`, replacement: String(expected) } });
      });
    }
  },
};
