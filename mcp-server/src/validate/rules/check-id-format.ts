/**
 * check-id-format: a check id is snake_case. Ids name receipts, attestations (`shipgate attest <id>`)
 * and learnings, so they must be stable, typeable identifiers.
 *
 * Bad: `<check id="Tests-Pass">`. Good: `<check id="tests_pass">`.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine, SNAKE_CASE } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'check-id-format',
    description: 'Every `<check>` has an `id` in snake_case.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'The id is typed on the command line (`shipgate attest tests_pass`) and stored in receipts; spaces, capitals and hyphens break both.',
      bad: '<safety_gate type="blocking">\n<checks>\n<check id="Tests-Pass">\n<command>npm test</command>\n</check>\n</checks>\n</safety_gate>\n',
      good: '<safety_gate type="blocking">\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n</check>\n</checks>\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    for (const gate of document.model.safetyGates) {
      for (const check of gate.checks) {
        if (SNAKE_CASE.test(check.id)) continue;
        const fixed = check.id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
        report({
          message: check.id === '' ? 'Unexpected check without id, expected id="snake_case_name".' : `Unexpected check id "${check.id}", expected snake_case (e.g. "${fixed || 'tests_pass'}").`,
          position: firstLine(check.position),
          ...(fixed ? { fix: { description: `rename to \`${fixed}\``, replacement: fixed } } : {}),
        });
      }
    }
  },
};
