/**
 * description-length: a description is at most 1024 characters (the limit Claude Code and the Agent
 * Skills spec enforce; longer ones are truncated or rejected).
 *
 * Bad: a 2,000-character description. Good: one paragraph; details go in the body.
 */
import type { DocumentRule } from '../rule.js';
import { valuePosition } from '../rule-helpers.js';

export const MAX_DESCRIPTION = 1024;

export const rule: DocumentRule = {
  meta: {
    id: 'description-length',
    description: 'The `description` is at most 1024 characters.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'Descriptions are loaded into every session; loaders reject or cut long ones, losing the "when" and "not for" parts at the end.',
      // A real over-long description (1,102 characters), so the example is judged as it is shown.
      bad: `---\nname: deploy\ndescription: ${'Deploys the service to production after the gate passes. '.repeat(19).trim()}\n---\n`,
      good: '---\nname: deploy\ndescription: Deploys to production. Use when releasing. Not for staging.\n---\n',
    },
  },
  check({ document, report }) {
    const value = document.frontmatter?.data.description;
    if (typeof value !== 'string' || value.length <= MAX_DESCRIPTION) return;
    report({ message: `Unexpected description of ${value.length} characters, expected at most ${MAX_DESCRIPTION}.`, position: valuePosition(document, 'description'), fix: { description: 'move detail into the body and keep what/when/not-for in the description' } });
  },
};
