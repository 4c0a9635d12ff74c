/**
 * frontmatter-unknown-key: every frontmatter key is one Claude Code reads for this kind of file. A
 * typo (`allowed_tools`, `descripton`) is otherwise ignored without a word.
 *
 * Bad: `allowed_tools: Read`. Good: `allowed-tools: Read`.
 */
import type { DocumentRule } from '../rule.js';
import { didYouMean } from '../rule-helpers.js';

const SKILL_KEYS = ['name', 'description', 'allowed-tools', 'disable-model-invocation', 'user-invocable', 'context', 'agent', 'model', 'argument-hint', 'when_to_use', 'hooks', 'license', 'metadata', 'version', 'compatibility'];
const COMMAND_KEYS = ['name', 'description', 'allowed-tools', 'argument-hint', 'model', 'disable-model-invocation', 'user-invocable', 'context', 'agent', 'hooks', 'when_to_use'];
const AGENT_KEYS = ['name', 'description', 'tools', 'model', 'color', 'permissionMode', 'skills', 'hooks', 'disallowedTools', 'mcpServers'];

export const KNOWN_KEYS: Record<string, string[]> = { skill: SKILL_KEYS, command: COMMAND_KEYS, agent: AGENT_KEYS, reference: SKILL_KEYS, other: SKILL_KEYS };

export const rule: DocumentRule = {
  meta: {
    id: 'frontmatter-unknown-key',
    description: 'Frontmatter keys are ones Claude Code knows for this file kind (skill, command, agent).',
    severity: 'warning',
    scope: 'document',
    docs: {
      why: 'Unknown keys are ignored silently; a misspelt `allowed-tools` leaves the skill with every tool allowed.',
      bad: '---\nname: deploy\nallowed_tools: Read\n---\n',
      good: '---\nname: deploy\nallowed-tools: Read\n---\n',
    },
  },
  check({ document, report }) {
    const fm = document.frontmatter;
    if (!fm) return;
    const known = KNOWN_KEYS[document.kind] ?? SKILL_KEYS;
    for (const key of Object.keys(fm.data)) {
      if (known.includes(key)) continue;
      const suggestion = didYouMean(key, known);
      report({
        message: `Unexpected frontmatter key "${key}", expected one of ${known.join(', ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}.`,
        position: fm.keys[key],
        ...(suggestion ? { fix: { description: `rename to \`${suggestion}\``, replacement: suggestion } } : {}),
      });
    }
  },
};
