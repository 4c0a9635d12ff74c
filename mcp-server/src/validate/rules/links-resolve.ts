/**
 * links-resolve: relative Markdown links and `references/...` mentions point at files that exist.
 * Skills load their detail files on demand; a dead link is knowledge the agent will never get.
 *
 * Bad: `See [the checklist](references/checklist.md)` with no such file. Good: the file exists.
 */
import { dirname, resolve } from 'node:path';
import type { ProjectRule } from '../rule.js';

export const rule: ProjectRule = {
  meta: {
    id: 'links-resolve',
    description: 'Relative Markdown links and `references/...` mentions resolve to existing files.',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'Progressive disclosure only works when the referenced file exists; otherwise the agent reads a 404 in the middle of a deploy.',
      bad: 'Details in [the checklist](references/missing-checklist.md).\n',
      good: 'Details in [the checklist](references/checklist.md).\n',
    },
  },
  check(context) {
    for (const facts of context.facts) {
      for (const link of facts.links) {
        const target = resolve(dirname(facts.path), link.target);
        if (context.exists(target)) continue;
        context.report(facts.path, { message: `Unexpected link to "${link.target}", expected an existing file (${target} does not exist).`, position: link.position });
      }
    }
  },
};
