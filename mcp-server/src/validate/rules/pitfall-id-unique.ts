/**
 * pitfall-id-unique: pitfall ids (`<pitfall name="...">`, or derived from seed-004 style headings) are
 * unique across the plugin. The learnings catalog counts occurrences per id; two pitfalls with one id
 * would share (and corrupt) one counter.
 *
 * Bad: `<pitfall name="missing_git_tag">` in two skills. Good: one of them renamed.
 */
import type { ProjectRule } from '../rule.js';
import { firstLine } from '../rule-helpers.js';

export const rule: ProjectRule = {
  meta: {
    id: 'pitfall-id-unique',
    description: 'Pitfall ids are unique across the plugin.',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'Learnings are counted per pitfall id after every run; a duplicate id merges two lessons into one counter.',
      bad: '<anti_patterns>\n<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>\n<pitfall name="missing_git_tag" impact="low">Tag not pushed</pitfall>\n</anti_patterns>\n',
      good: '<anti_patterns>\n<pitfall name="missing_git_tag" impact="high">Tag missing</pitfall>\n<pitfall name="tag_not_pushed" impact="low">Tag not pushed</pitfall>\n</anti_patterns>\n',
    },
  },
  check(context) {
    const seen = new Map<string, string>();
    for (const facts of context.facts) {
      for (const pitfall of facts.pitfalls) {
        if (pitfall.id === '') continue;
        const first = seen.get(pitfall.id);
        if (first === undefined) {
          seen.set(pitfall.id, `${facts.path}:${pitfall.position.line}`);
          continue;
        }
        context.report(facts.path, { message: `Unexpected duplicate pitfall id "${pitfall.id}" (first at ${first}), expected each pitfall id once per plugin.`, position: firstLine(pitfall.position) });
      }
    }
  },
};
