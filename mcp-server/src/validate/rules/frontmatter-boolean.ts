/**
 * frontmatter-boolean: `disable-model-invocation` and `user-invocable` are YAML booleans, not strings.
 * `"false"` in quotes is a non-empty string, which some loaders read as true.
 *
 * Bad: `disable-model-invocation: "true"` or `yes`. Good: `disable-model-invocation: true`.
 */
import type { DocumentRule } from '../rule.js';
import { describeValue, valuePosition } from '../rule-helpers.js';

export const BOOLEAN_KEYS = ['disable-model-invocation', 'user-invocable'];

export const rule: DocumentRule = {
  meta: {
    id: 'frontmatter-boolean',
    description: '`disable-model-invocation` and `user-invocable` are typed booleans (true/false).',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'A quoted "false" is a truthy string: the production deploy skill would be invocable by the model when it must not be.',
      bad: '---\nname: deploy\ndisable-model-invocation: "true"\n---\n',
      good: '---\nname: deploy\ndisable-model-invocation: true\n---\n',
    },
  },
  check({ document, report }) {
    const data = document.frontmatter?.data;
    if (!data) return;
    for (const key of BOOLEAN_KEYS) {
      if (!(key in data) || typeof data[key] === 'boolean') continue;
      const value = data[key];
      const guess = typeof value === 'string' && /^(?:true|yes|on)$/i.test(value.trim()) ? 'true' : typeof value === 'string' && /^(?:false|no|off)$/i.test(value.trim()) ? 'false' : undefined;
      report({
        message: `Unexpected ${describeValue(value)} for ${key}, expected a boolean (true or false, unquoted).`,
        position: valuePosition(document, key),
        ...(guess ? { fix: { description: `write \`${guess}\` unquoted`, replacement: guess } } : {}),
      });
    }
  },
};
