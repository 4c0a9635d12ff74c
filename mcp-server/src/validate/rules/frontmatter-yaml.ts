/**
 * frontmatter-yaml: the `---` block parses as a YAML mapping. The parser finds the problem (with its
 * line and column); this rule reports it, so a broken frontmatter never silently drops every key.
 *
 * Bad: `name: [deploy` (unclosed flow list). Good: `name: deploy`.
 */
import type { DocumentRule } from '../rule.js';

export const rule: DocumentRule = {
  meta: {
    id: 'frontmatter-yaml',
    description: 'Frontmatter is valid YAML and a mapping of keys to values.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'Claude Code ignores a skill whose frontmatter does not parse: its name, description and tool limits are silently lost.',
      bad: '---\nname: [deploy-production\ndescription: Deploys.\n---\n',
      good: '---\nname: deploy-production\ndescription: Deploys.\n---\n',
    },
  },
  check({ document, report }) {
    for (const problem of document.problems) {
      if (problem.ruleId === 'frontmatter-yaml') report({ message: problem.message, position: problem.position, severity: problem.severity });
    }
  },
};
