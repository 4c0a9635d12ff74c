/**
 * check-decider: each check has exactly one way to be decided: a `<command>` (+ `<expected>`), a
 * `<verify kind=...>`, or prose `<requirement>` + `<verification>`, which a human must attest (warned,
 * because the gate then depends on someone recording an attestation).
 *
 * Bad: `<check id="x"><failure_mode>block</failure_mode></check>`. Good: `<check id="x"><command>npm test</command></check>`.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'check-decider',
    description: 'Each check has exactly one decider: command, verify, or requirement+verification (attestation, warned).',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'A check with no decider cannot pass or fail; with two, the runner and the reader disagree on what passing means. Prose-only checks need a named human to attest them.',
      bad: '<safety_gate type="blocking">\n<checks>\n<check id="tests_pass">\n<failure_mode>BLOCK deployment</failure_mode>\n</check>\n</checks>\n</safety_gate>\n',
      good: '<safety_gate type="blocking">\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n<expected>Exit code 0</expected>\n<failure_mode>BLOCK deployment</failure_mode>\n</check>\n</checks>\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    for (const gate of document.model.safetyGates) {
      for (const check of gate.checks) {
        const position = firstLine(check.position);
        const kinds = check.deciders.map((d) => d.kind);
        if (check.deciders.length === 0) {
          report({ message: `Unexpected check "${check.id}" without a decider, expected <command>, <verify kind="..."/> or <requirement> + <verification>.`, position });
        } else if (check.deciders.length > 1) {
          report({ message: `Unexpected ${check.deciders.length} deciders (${kinds.join(', ')}) in check "${check.id}", expected exactly one.`, position, fix: { description: 'keep one of <command>, <verify> or <requirement>+<verification>' } });
        } else if (kinds[0] === 'attestation') {
          report({ message: `Unexpected prose-only check "${check.id}": it needs a human attestation (\`shipgate attest ${check.id} --by NAME --evidence TEXT\`), expected a <command> or <verify> where a machine can decide.`, position, severity: 'warning' });
        }
      }
    }
  },
};
