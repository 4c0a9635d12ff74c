/**
 * description-required: skills and agents have a non-empty `description` (the model reads it to decide
 * when to load the skill); commands should have one (it is shown in the `/` menu).
 *
 * Bad: frontmatter with only `name: deploy`. Good: `description: Deploys ... Use when ...`.
 */
import type { DocumentRule } from '../rule.js';
import { describeValue, keyPosition } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'description-required',
    description: 'Skills and agents have a non-empty string `description`; commands should have one.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'Without a description the model cannot tell when the skill applies, so it is never loaded on its own.',
      bad: '---\nname: deploy-production\n---\n',
      good: '---\nname: deploy-production\ndescription: Deploys to production behind a blocking gate. Use when releasing. Not for staging.\n---\n',
    },
  },
  check({ document, report }) {
    if (!['skill', 'agent', 'command'].includes(document.kind)) return;
    if (document.problems.some((p) => p.ruleId === 'frontmatter-yaml')) return; // frontmatter-yaml already explains it
    const value = document.frontmatter?.data.description;
    const severity = document.kind === 'command' ? 'warning' : 'error';
    if (value === undefined) {
      report({ message: `Unexpected ${document.frontmatter ? 'frontmatter' : 'file'} without description, expected a \`description:\` that says what the ${document.kind} does and when to use it.`, position: document.frontmatter?.keys.name ?? keyPosition(document, 'description'), severity });
    } else if (typeof value !== 'string' || value.trim() === '') {
      report({ message: `Unexpected ${describeValue(value)} for description, expected a non-empty string.`, position: document.frontmatter?.values.description, severity });
    }
  },
};
