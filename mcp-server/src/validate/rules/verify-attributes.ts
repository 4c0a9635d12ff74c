/**
 * verify-attributes: a `<verify>` has the attributes its kind requires, no attributes it does not know,
 * and text when the kind needs it (the command of kind="command").
 *
 * Bad: `<verify kind="file-age" path="backups/*.log"/>` (no max_age). Good: `... max_age="24h"/>`.
 */
import type { DocumentRule } from '../rule.js';
import { VERIFY_KINDS } from '../../skill/verify-kinds.js';
import { didYouMean, firstLine } from '../rule-helpers.js';
import { verifySpecs } from '../verify-specs.js';

export const rule: DocumentRule = {
  meta: {
    id: 'verify-attributes',
    description: 'A `<verify>` has the attributes its kind requires and no unknown ones.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'A verify without its required attribute cannot be evaluated and blocks the gate at deploy time instead of at lint time.',
      bad: '<safety_gate type="blocking">\n<checks>\n<check id="backups_current">\n<verify kind="file-age" path="backups/*.log"/>\n</check>\n</checks>\n</safety_gate>\n',
      good: '<safety_gate type="blocking">\n<checks>\n<check id="backups_current">\n<verify kind="file-age" path="backups/*.log" max_age="24h"/>\n</check>\n</checks>\n</safety_gate>\n',
    },
  },
  check({ document, report }) {
    for (const verify of verifySpecs(document)) {
      const spec = VERIFY_KINDS.find((k) => k.kind === verify.kind);
      if (!spec) continue;
      const position = firstLine(verify.position);
      const known = ['kind', ...spec.required, ...spec.optional];
      for (const name of spec.required) {
        if (verify.attributes[name] === undefined) report({ message: `Unexpected verify kind="${spec.kind}" without ${name}, expected ${name}="..." (e.g. ${spec.example}).`, position });
      }
      for (const name of Object.keys(verify.attributes)) {
        if (known.includes(name)) continue;
        const suggestion = didYouMean(name, known);
        report({ message: `Unexpected attribute ${name} on verify kind="${spec.kind}", expected one of ${known.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}.`, position, severity: 'warning' });
      }
      if (spec.text === 'required' && verify.text.trim() === '') {
        report({ message: `Unexpected empty verify kind="${spec.kind}", expected its text (e.g. ${spec.example}).`, position });
      }
    }
  },
};
