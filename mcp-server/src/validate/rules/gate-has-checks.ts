/**
 * gate-has-checks: a `<safety_gate>` has `type="blocking"` or `"advisory"` and at least one `<check>`.
 * An empty blocking gate passes vacuously, which is the failure shipgate exists to prevent.
 *
 * Bad: `<safety_gate type="blocking"><purpose>…</purpose></safety_gate>`. Good: with `<checks><check id="tests_pass">…`.
 */
import type { DocumentRule } from '../rule.js';
import { firstLine, startTag, walkElements } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'gate-has-checks',
    description: 'A `<safety_gate>` is typed blocking/advisory and contains at least one `<check>`.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'A gate without checks always passes: the deploy would be "gated" by nothing.',
      bad: '<safety_gate type="blocking" phase="pre_deployment">\n<purpose>Stop bad deploys</purpose>\n</safety_gate>\n',
      good: '<safety_gate type="blocking" phase="pre_deployment">\n<purpose>Stop bad deploys</purpose>\n<checks>\n<check id="tests_pass">\n<command>npm test</command>\n</check>\n</checks>\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    for (const { element } of walkElements(document.elements)) {
      if (element.name !== 'safety_gate') continue;
      const type = element.attributes.type;
      if (type !== 'blocking' && type !== 'advisory') {
        report({ message: `Unexpected ${type === undefined ? 'safety_gate without type' : `type "${type}"`}, expected type="blocking" or type="advisory".`, position: element.attributePositions.type ?? startTag(element) });
      }
    }
    for (const gate of document.model.safetyGates) {
      if (gate.checks.length === 0) report({ message: 'Unexpected safety_gate without checks, expected at least one <check id="..."> inside <checks>.', position: firstLine(gate.position) });
    }
  },
};
