/**
 * name-format: `name` is kebab-case, at most 64 characters, and for a skill equals its folder name
 * (Claude Code and the Agent Skills spec both require it).
 *
 * Bad: `skills/deploy/SKILL.md` with `name: Deploy_Prod`. Good: `name: deploy`.
 */
import type { DocumentRule } from '../rule.js';
import { describeValue, KEBAB_CASE, skillFolderName, valuePosition } from '../rule-helpers.js';

export const rule: DocumentRule = {
  meta: {
    id: 'name-format',
    description: 'The `name` is kebab-case, at most 64 characters, and equals the folder name of a skill.',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'The name is how the skill is invoked and listed; a name that differs from its folder is rejected by the skill loaders.',
      bad: '---\n# in skills/deploy-app/SKILL.md\nname: Deploy_App\ndescription: Deploys.\n---\n',
      good: '---\n# in skills/deploy-app/SKILL.md (the folder the docs test writes it to)\nname: deploy-app\ndescription: Deploys.\n---\n',
    },
  },
  check({ document, report }) {
    const fm = document.frontmatter;
    if (!fm || !('name' in fm.data)) return;
    const name = fm.data.name;
    const position = valuePosition(document, 'name');
    if (typeof name !== 'string') {
      report({ message: `Unexpected ${describeValue(name)} for name, expected a kebab-case string.`, position });
      return;
    }
    if (!KEBAB_CASE.test(name)) {
      const fixed = name.trim().replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      report({ message: `Unexpected name "${name}", expected kebab-case (lowercase letters, digits and single hyphens).`, position, fix: { description: `rename to \`${fixed}\``, replacement: fixed } });
    } else if (name.length > 64) {
      report({ message: `Unexpected name of ${name.length} characters, expected at most 64.`, position });
    }
    if (document.kind === 'skill') {
      const folder = skillFolderName(document.path);
      if (folder && name !== folder) {
        report({ message: `Unexpected name "${name}", expected the skill folder name "${folder}".`, position, fix: { description: `rename to \`${folder}\``, replacement: folder } });
      }
    }
  },
};
