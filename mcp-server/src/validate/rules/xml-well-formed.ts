/**
 * xml-well-formed: every XML control block in the body is closed, nested correctly and has quoted
 * attributes. The parser finds these problems; this rule reports them with the parser's position.
 *
 * Bad: `<safety_gate type="blocking">` with no `</safety_gate>`. Good: the block closed.
 */
import type { DocumentRule } from '../rule.js';

export const rule: DocumentRule = {
  meta: {
    id: 'xml-well-formed',
    description: 'XML blocks in the Markdown body are well formed (closed, properly nested, quoted attributes).',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'An unclosed block swallows the rest of the file: checks after it are never run and the gate looks emptier than it is.',
      bad: '<safety_gate type="blocking">\n<checks>\n</safety_gate>\n',
      good: '<safety_gate type="blocking">\n<checks>\n</checks>\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    for (const problem of document.problems) {
      if (problem.ruleId === 'xml-well-formed') report({ message: problem.message, position: problem.position, severity: problem.severity });
    }
  },
};
