/**
 * links-resolve: relative Markdown links and `references/...` mentions point at files that exist.
 * Skills load their detail files on demand; a dead link is knowledge the agent will never get.
 *
 * Bad: `See [the checklist](references/checklist.md)` with no such file. Good: the file exists, or the
 * link is an anchor (`#checklist`) or a URL, which this rule does not follow.
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
      // An anchor in the same file, so the example needs no second file to be judged good.
      good: 'Details in [the checklist](#checklist) below.\n\n## Checklist\n\n- The smoke test passed.\n',
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
