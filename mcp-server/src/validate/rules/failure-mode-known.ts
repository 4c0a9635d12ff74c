/**
 * failure-mode-known: `<failure_mode>` is one the gate runner understands (skill/verify-kinds.ts
 * FAILURE_MODES): "BLOCK deployment"/"block" or "warn". Anything else would be read as prose.
 *
 * Bad: `<failure_mode>stop everything</failure_mode>`. Good: `<failure_mode>BLOCK deployment</failure_mode>`.
 */
import type { DocumentRule } from '../rule.js';
import { FAILURE_MODES } from '../../skill/verify-kinds.js';
import { walkElements } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'failure-mode-known',
    description: '`<failure_mode>` is one of the modes the gate runner understands.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'An unknown failure mode leaves it unclear whether a failing check blocks the deploy.',
      bad: '<check id="tests_pass">\n<command>npm test</command>\n<failure_mode>stop everything</failure_mode>\n</check>\n',
      good: '<check id="tests_pass">\n<command>npm test</command>\n<failure_mode>BLOCK deployment</failure_mode>\n</check>\n',
    },
  },
  check({ document, report }) {
    for (const { element } of walkElements(document.elements)) {
      if (element.name !== 'failure_mode') continue;
      const mode = element.text.trim();
      if (FAILURE_MODES.includes(mode)) continue;
      report({ message: `Unexpected failure mode "${mode}", expected one of ${FAILURE_MODES.map((m) => `"${m}"`).join(', ')}.`, position: element.position });
    }
  },
};
