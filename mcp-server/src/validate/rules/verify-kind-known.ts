/**
 * verify-kind-known: `<verify kind="...">` names a kind shipgate implements (skill/verify-kinds.ts).
 * An unknown kind cannot be machine-checked, so the gate could never pass.
 *
 * Bad: `<verify kind="file_exist" path="plan.md"/>`. Good: `<verify kind="file-exists" path="plan.md"/>`.
 */
import type { DocumentRule } from '../rule.js';
import { VERIFY_KIND_NAMES } from '../../skill/verify-kinds.js';
import { didYouMean, firstLine } from '../rule-helpers.js';
import { verifySpecs } from '../verify-specs.js';

export const rule: DocumentRule = {
  meta: {
    id: 'verify-kind-known',
    description: '`<verify kind>` is one of the kinds shipgate implements.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'The gate runner refuses a kind it does not know, so a typo turns a machine check into a permanent block.',
      bad: '<safety_gate type="blocking">\n<checks>\n<check id="plan_written">\n<verify kind="file_exist" path="docs/plan.md"/>\n</check>\n</checks>\n</safety_gate>\n',
      good: '<safety_gate type="blocking">\n<checks>\n<check id="plan_written">\n<verify kind="file-exists" path="docs/plan.md"/>\n</check>\n</checks>\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    for (const verify of verifySpecs(document)) {
      if (VERIFY_KIND_NAMES.includes(verify.kind)) continue;
      const suggestion = didYouMean(verify.kind, VERIFY_KIND_NAMES);
      report({
        message: `Unexpected verify kind "${verify.kind}", expected one of ${VERIFY_KIND_NAMES.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
        position: firstLine(verify.position),
        ...(suggestion ? { fix: { description: `use kind="${suggestion}"`, replacement: suggestion } } : {}),
      });
    }
  },
};
