/**
 * check-id-unique: check ids are unique within a skill. Receipts and attestations are keyed by id; two
 * checks with one id would let one attestation satisfy both.
 *
 * Bad: two `<check id="tests_pass">`. Good: `tests_pass` and `e2e_tests_pass`.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'check-id-unique',
    description: 'Check ids are unique within a skill.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'Results, receipts and attestations are stored by check id; a duplicate makes one result stand for two checks.',
      bad: '<safety_gate type="blocking">\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n</check>\n<check id="tests_pass">\n<command>npm run e2e</command>\n</check>\n</checks>\n</safety_gate>\n',
      good: '<safety_gate type="blocking">\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n</check>\n<check id="e2e_pass">\n<command>npm run e2e</command>\n</check>\n</checks>\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    const seen = new Map<string, number>();
    for (const gate of document.model.safetyGates) {
      for (const check of gate.checks) {
        if (check.id === '') continue;
        const first = seen.get(check.id);
        if (first === undefined) seen.set(check.id, check.position.line);
        else report({ message: `Unexpected duplicate check id "${check.id}" (first at line ${first}), expected each id once per skill.`, position: firstLine(check.position) });
      }
    }
  },
};
