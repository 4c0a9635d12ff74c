/**
 * duration-format: every duration a runner will wait on parses: `<timeout>`, and the `timeout`,
 * `max_age` and `for` attributes (`30s`, `5m`, `24h`, `1h30m`, `120 seconds`, a bare number = seconds).
 *
 * Bad: `<timeout>a while</timeout>`. Good: `<timeout>30 seconds</timeout>`.
 */
import type { DocumentRule } from '../rule.js';
import { parseDuration } from '../../util/duration.js';
import { startTag, walkElements } from '../rule-helpers.js';

const DURATION_ATTRIBUTES = ['timeout', 'max_age', 'for'];

export const rule: DocumentRule = {
  meta: {
    id: 'duration-format',
    description: 'Timeouts, `max_age` and `for=` durations parse (30s, 5m, 24h, 1h30m, 120 seconds).',
    severity: 'error',
    scope: 'document',
    docs: {
      why: 'A duration that does not parse falls back to a default nobody chose: a rollback step could wait forever or give up at once.',
      bad: '<step id="1" action="immediate_rollback">\n<command>kubectl rollout undo deployment/app</command>\n<timeout>a while</timeout>\n</step>\n',
      good: '<step id="1" action="immediate_rollback">\n<command>kubectl rollout undo deployment/app</command>\n<timeout>30 seconds</timeout>\n</step>\n',
    },
  },
  check({ document, report }) {
    for (const { element } of walkElements(document.elements)) {
      if (element.name === 'timeout' && parseDuration(element.text) === undefined) {
        report({ message: `Unexpected timeout "${element.text.trim()}", expected a duration like 30s, 5m, 1h30m or 120 seconds.`, position: element.position });
      }
      for (const name of DURATION_ATTRIBUTES) {
        const value = element.attributes[name];
        if (value === undefined || parseDuration(value) !== undefined) continue;
        report({ message: `Unexpected ${name}="${value}" on <${element.name}>, expected a duration like 30s, 5m, 24h or 1h30m.`, position: element.attributePositions[name] ?? startTag(element) });
      }
    }
  },
};
