/**
 * command-references: a skill named through the Skill tool (`Skill(deploy-production)`) exists in the
 * plugin, and an MCP tool named `mcp__plugin_shipgate_shipgate__<tool>` is one of the 11 shipgate tools.
 *
 * Bad: `mcp__plugin_shipgate_shipgate__gate_run`. Good: `mcp__plugin_shipgate_shipgate__gate_check`.
 */
import { join } from 'node:path';
import type { ProjectRule } from '../rule.js';
import { didYouMean, skillFolderName } from '../rule-helpers.js';

/** The public MCP tool names (DESIGN.md). */
export const SHIPGATE_TOOLS = ['gate_check', 'gate_attest', 'version_bump', 'deploy', 'rollback', 'health_check', 'deployment_status', 'runbook_generate', 'learnings_get', 'learnings_record', 'validate_skills'];

export const rule: ProjectRule = {
  meta: {
    id: 'command-references',
    description: 'Skills named via the Skill tool and `mcp__plugin_shipgate_shipgate__*` tools exist.',
    severity: 'error',
    scope: 'project',
    docs: {
      why: 'A command that calls a tool or skill that does not exist makes the agent improvise, which is exactly the ungated path.',
      bad: '---\ndescription: Ship to production\n---\nCall `mcp__plugin_shipgate_shipgate__gate_run` first.\n',
      good: '---\ndescription: Ship to production\n---\nCall `mcp__plugin_shipgate_shipgate__gate_check` first.\n',
    },
  },
  check(context) {
    const skills = new Set<string>();
    for (const facts of context.facts) {
      if (facts.kind !== 'skill') continue;
      skills.add(skillFolderName(facts.path));
      if (facts.name) skills.add(facts.name);
    }
    for (const facts of context.facts) {
      for (const reference of facts.references) {
        if (reference.kind === 'tool') {
          if (SHIPGATE_TOOLS.includes(reference.name)) continue;
          const suggestion = didYouMean(reference.name, SHIPGATE_TOOLS);
          context.report(facts.path, { message: `Unexpected MCP tool "${reference.name}", expected one of ${SHIPGATE_TOOLS.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`, position: reference.position, ...(suggestion ? { fix: { description: `use ${suggestion}`, replacement: suggestion } } : {}) });
          continue;
        }
        const name = reference.name.replace(/^[a-z0-9-]+:/, '');
        if (skills.has(name) || (context.root !== null && context.exists(join(context.root, 'skills', name, 'SKILL.md')))) continue;
        if (skills.size === 0 && context.root === null) continue;
        const suggestion = didYouMean(name, [...skills]);
        context.report(facts.path, { message: `Unexpected skill "${reference.name}", expected a skill of this plugin${skills.size ? ` (${[...skills].slice(0, 8).join(', ')})` : ''}${suggestion ? `; did you mean "${suggestion}"?` : ''}.`, position: reference.position });
      }
    }
  },
};
