/**
 * description-what-when-not: a skill description is written in the third person and says what the
 * skill does, when to use it ("Use when ...") and what it is not for ("Not for ..."), the shape seed 001
 * uses. The model picks skills by this text alone.
 *
 * Bad: `description: I help you deploy.` Good: `description: Deploys to production. Use when releasing. Not for staging.`
 */
import type { DocumentRule } from '../rule.js';
import { valuePosition } from '../rule-helpers.js';

const FIRST_OR_SECOND_PERSON = /^(?:i|i'm|i am|we|we're|you|your|let me|let's)\b/i;
const WHEN = /\b(?:use (?:it |this )?when|when|whenever)\b/i;
const NOT_FOR = /\b(?:not for|not when|do not use|don't use|never use|not to be used)\b/i;

export const rule: DocumentRule = {
  meta: {
    id: 'description-what-when-not',
    description: 'A skill description is third person and has a "Use when" part and a "Not for" part.',
    severity: 'warning',
    scope: 'document',
    docs: {
      why: 'The model chooses skills from their descriptions: without "when" it under-triggers, without "not for" it over-triggers.',
      bad: '---\nname: deploy\ndescription: I can help you deploy things.\n---\n',
      good: '---\nname: deploy\ndescription: Deploys to production behind a blocking gate. Use when releasing to production. Not for staging deploys.\n---\n',
    },
  },
  check({ document, report }) {
    if (document.kind !== 'skill') return;
    const value = document.frontmatter?.data.description;
    if (typeof value !== 'string' || value.trim() === '') return;
    const position = valuePosition(document, 'description');
    const text = value.trim();
    if (FIRST_OR_SECOND_PERSON.test(text)) {
      report({ message: `Unexpected "${text.split(/\s+/)[0]}" at the start of the description, expected the third person ("Deploys ...", not "I ..." or "You ...").`, position });
    }
    if (!WHEN.test(text)) report({ message: 'Unexpected description without a "when" part, expected e.g. "Use when releasing to production."', position, fix: { description: 'add a sentence starting with "Use when"' } });
    if (!NOT_FOR.test(text)) report({ message: 'Unexpected description without a "not for" part, expected e.g. "Not for staging deploys."', position, fix: { description: 'add a sentence starting with "Not for"' } });
  },
};
